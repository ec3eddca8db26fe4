"""`article-worker tail`: print the last events (or dead letters, or skipped pages) as JSON lines; `-f` follows.

As tail(1): the last N entries (10 by default) and exit; with `-f`, then wait for new ones until
Ctrl-C (or `--timeout` seconds with nothing new, or `--count` entries). Without `-f` it never waits.
"""

from __future__ import annotations

import time
from typing import Any

import click


@click.command("tail")
@click.option(
    "-n", "--lines", "last", type=click.IntRange(min=0), default=10, show_default=True, help="Last N entries."
)
@click.option("-f", "--follow", is_flag=True, help="Then print new entries as they arrive (Ctrl-C to stop).")
@click.option("--after", default=None, help="Start after this stream id (0: from the beginning) instead of the last N.")
@click.option("--count", type=click.IntRange(min=1), default=None, help="Stop after this many entries.")
@click.option("--timeout", type=float, default=None, help="With -f: stop after this many seconds with nothing new.")
@click.option("--dead", is_flag=True, help="The dead-letter stream instead of events.")
@click.option("--skipped", is_flag=True, help="The skipped-page stream instead of events.")
def command(
    *, last: int, follow: bool, after: str | None, count: int | None, timeout: float | None, dead: bool, skipped: bool
) -> None:
    """Print the last events as JSON lines; -f to follow."""
    from ..settings import get_settings
    from ..store.client import make_client

    if dead and skipped:
        raise click.UsageError("--dead and --skipped name two streams: choose one")
    settings = get_settings()
    client: Any = make_client(settings.redis_url)  # redis-py's reply types are too loose to be useful
    name, field = settings.results_stream, b"event"
    if dead:
        name, field = settings.dead_letter_stream, b"dead_letter"
    elif skipped:
        name, field = settings.skipped_stream, b"skipped"
    stream = settings.key(name)
    printed = 0

    def show(entries: list[Any]) -> str | None:
        nonlocal printed
        newest = None
        for entry_id, fields in entries:
            newest = entry_id.decode()
            if field in fields:
                click.echo(fields[field].decode("utf-8"))
                printed += 1
            if count is not None and printed >= count:
                break
        return newest

    if after is None:  # the last N, oldest first; then follow from the newest entry
        newest = client.xrevrange(stream, count=1)
        after = newest[0][0].decode() if newest else "0"
        if last:
            show(list(reversed(client.xrevrange(stream, count=last))))
    else:  # everything after `after` that is there now
        while count is None or printed < count:
            entries = client.xrange(stream, min=f"({after}" if after != "0" else "-", count=100)
            if not entries:
                break
            after = show(entries) or after
    if not follow:
        return
    idle_since = time.monotonic()
    block_ms = 1000 if timeout is None else max(1, int(min(1.0, timeout) * 1000))
    while count is None or printed < count:
        reply = client.xread({stream: after}, count=100, block=block_ms)
        if not reply:
            if timeout is not None and time.monotonic() - idle_since >= timeout:
                break
            continue
        idle_since = time.monotonic()
        after = show(reply[0][1]) or after
