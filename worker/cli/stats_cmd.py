"""`article-worker stats`: queue depth, in-flight pages, stream lengths, skipped pages, dead letters, event rate."""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..ops.figures import Stats
    from ..settings import Settings


def render(stats: Stats, s: Settings) -> str:
    rows = [
        (f"queue {s.pages_queue}", f"{stats.queue}"),
        ("in flight (unacked)", f"{stats.in_flight}"),
        (f"intake {s.intake_stream}", f"{stats.intake} (pending {stats.intake_pending})"),
        (f"events {s.results_stream}", f"{stats.events}"),
        (f"skipped {s.skipped_stream}", f"{stats.skipped}"),
        *((f"  {page_type}", f"{count}") for page_type, count in stats.skipped_by_type.items()),
        ("duplicates", f"{stats.duplicates}"),  # already published within DEDUP_TTL
        (f"dead letters {s.dead_letter_stream}", f"{stats.dead_letters}"),
        *((f"  {reason}", f"{count}") for reason, count in stats.dead_by_reason.items()),
        ("events/s (last 60 s)", f"{stats.events_per_second:.2f} ({stats.events_last_minute} events)"),
        ("workers alive", f"{len(stats.workers)} {' '.join(stats.workers)}".rstrip()),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


@click.command("stats")
@click.option("--watch", is_flag=True, help="Refresh in place until Ctrl-C.")
@click.option("--interval", type=float, default=2.0, show_default=True, help="Seconds between refreshes.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object (per refresh with --watch).")
def command(watch: bool, interval: float, as_json: bool) -> None:
    """Show what is queued, running, produced and dead-lettered."""
    from ..ops.figures import StatsReader
    from ..settings import get_settings
    from ..store.client import make_client

    settings = get_settings()
    reader = StatsReader(make_client(settings.redis_url), settings)
    in_place = watch and not as_json and sys.stdout.isatty()
    try:
        while True:
            stats = reader.read()
            if as_json:
                click.echo(json.dumps(stats.as_dict()))
            elif in_place:
                click.echo("\x1b[H\x1b[2J" + render(stats, settings), nl=True)  # home, clear, redraw
            else:
                click.echo(render(stats, settings) + ("\n" if watch else ""))
            if not watch:
                return
            time.sleep(interval)
    except KeyboardInterrupt:
        pass
