"""`article-worker dlq`: inspect, replay and purge dead letters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from schemas import Reason

REASONS = click.Choice([r.value for r in Reason])
Command = Callable[..., None]


def _context() -> tuple[Any, Any]:
    from ..settings import get_settings
    from ..store.client import make_client

    settings = get_settings()
    return make_client(settings.redis_url), settings


def _select(ids: tuple[str, ...], reason: str | None, everything: bool) -> list[Any]:
    from ..ops import dlq

    client, settings = _context()
    if ids:
        found = [dlq.get(client, settings, i) for i in ids]
        missing = [i for i, entry in zip(ids, found, strict=True) if entry is None]
        if missing:
            raise click.ClickException(f"no dead letter with id {', '.join(missing)}")
        return [e for e in found if e is not None and (reason is None or e.letter.reason.value == reason)]
    if reason is None and not everything:
        raise click.UsageError("name entry ids, or select with --reason, or pass --all")
    return list(dlq.entries(client, settings, reason))


@click.group("dlq")
def command() -> None:
    """Dead letters: list, show, replay, purge."""


@command.command("list")
@click.option("--reason", type=REASONS, help="Only this reason code.")
@click.option("--limit", type=int, default=None, help="Show at most this many.")
def list_(reason: str | None, limit: int | None) -> None:
    """One line per dead letter: id, reason, job id, url, error; then the count per reason."""
    from collections import Counter

    from ..ops import dlq

    client, settings = _context()
    counts: Counter[str] = Counter()
    for entry in dlq.entries(client, settings, reason):
        counts[entry.letter.reason.value] += 1
        if limit is None or sum(counts.values()) <= limit:
            d = entry.letter
            click.echo(f"{entry.id}\t{d.reason.value}\t{d.job_id or '-'}\t{d.url or '-'}\t{d.error[:120]}")
    summary = ", ".join(f"{n} {r}" for r, n in counts.most_common()) or "none"
    click.echo(f"{sum(counts.values())} dead letter(s): {summary}", err=True)


@command.command("show")
@click.argument("entry_id")
def show(entry_id: str) -> None:
    """The dead letter as JSON, original message included."""
    from ..ops import dlq

    client, settings = _context()
    entry = dlq.get(client, settings, entry_id)
    if entry is None:
        raise click.ClickException(f"no dead letter with id {entry_id}")
    click.echo(entry.letter.model_dump_json(indent=2))


def selection(verb: str) -> Callable[[Command], Command]:
    """The letters a command acts on: named ids, or --reason, or --all."""

    def options(function: Command) -> Command:
        function = click.option("--all", "everything", is_flag=True, help=f"{verb} every letter.")(function)
        function = click.option("--reason", type=REASONS, help=f"{verb} every letter with this reason.")(function)
        return click.argument("ids", nargs=-1)(function)

    return options


@command.command("replay")
@selection("Replay")
def replay(ids: tuple[str, ...], reason: str | None, everything: bool) -> None:
    """Re-enqueue the original messages verbatim and remove their letters."""
    from ..ops import dlq
    from ..producer import send_text
    from ..service.app import create_app

    client, settings = _context()
    app = create_app(settings)
    sent, skipped = dlq.replay(client, settings, _select(ids, reason, everything), lambda t: send_text(t, app=app))
    for line in skipped:
        click.echo(f"skipped {line}", err=True)
    click.echo(f"replayed {sent}, skipped {len(skipped)}")


@command.command("purge")
@selection("Purge")
def purge(ids: tuple[str, ...], reason: str | None, everything: bool) -> None:
    """Delete dead letters for good."""
    from ..ops import dlq

    client, settings = _context()
    click.echo(f"purged {dlq.purge(client, settings, _select(ids, reason, everything))}")
