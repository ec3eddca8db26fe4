"""`article-worker tail`: print events (or dead letters) from the streams as JSON lines."""

from __future__ import annotations

import time
from typing import Any

import click


@click.command("tail")
@click.option("--count", type=int, default=None, help="Stop after this many entries.")
@click.option("--timeout", type=float, default=None, help="Stop after this many seconds with nothing new.")
@click.option("--dead", is_flag=True, help="Read the dead-letter stream instead of events.")
@click.option("--after", default="$", show_default=True, help="Stream id to start after; 0 for the beginning.")
def command(count: int | None, timeout: float | None, dead: bool, after: str) -> None:
    """Print events as they arrive (Ctrl-C to stop)."""
    from ..settings import get_settings
    from ..store.client import make_client

    settings = get_settings()
    client: Any = make_client(settings.redis_url)  # redis-py's reply types are too loose to be useful
    stream = settings.key(settings.dead_letter_stream if dead else settings.results_stream)
    field = b"dead_letter" if dead else b"event"
    if after == "$":
        newest = client.xrevrange(stream, count=1)
        after = newest[0][0].decode() if newest else "0"
    printed = 0
    idle_since = time.monotonic()
    block_ms = 1000 if timeout is None else max(1, int(min(1.0, timeout) * 1000))
    while count is None or printed < count:
        reply = client.xread({stream: after}, count=100, block=block_ms)
        if not reply:
            if timeout is not None and time.monotonic() - idle_since >= timeout:
                break
            continue
        idle_since = time.monotonic()
        for entry_id, fields in reply[0][1]:
            after = entry_id.decode()
            click.echo(fields[field].decode("utf-8"))
            printed += 1
            if count is not None and printed >= count:
                break
