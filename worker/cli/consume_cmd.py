"""`article-worker consume`: read events as one consumer of a group, print them, acknowledge them.

The reference downstream consumer: XREADGROUP, print, XACK after printing (at least once), and
XAUTOCLAIM of entries a dead member of the group left pending.
"""

from __future__ import annotations

import socket
import sys
import time

import click


@click.command("consume")
@click.option("--group", required=True, help="Consumer group; created (reading from --start) if missing.")
@click.option("--consumer", default=None, help="Name within the group; default <hostname>.")
@click.option("--count", type=int, default=None, help="Stop after this many entries.")
@click.option("--block", "block_ms", type=int, default=1000, show_default=True, help="Milliseconds one read waits.")
@click.option("--timeout", type=float, default=None, help="Stop after this many seconds with nothing new.")
@click.option("--claim-idle", type=float, default=60.0, show_default=True, help="Claim others' entries idle this long.")
@click.option("--start", default="0", show_default=True, help="Where a new group starts: 0 (all) or $ (new only).")
@click.option("--dead", is_flag=True, help="Consume the dead-letter stream instead of events.")
@click.option("--skipped", is_flag=True, help="Consume the skipped-page stream instead of events.")
def command(
    *,
    group: str,
    consumer: str | None,
    count: int | None,
    block_ms: int,
    timeout: float | None,
    claim_idle: float,
    start: str,
    dead: bool,
    skipped: bool,
) -> None:
    """Print each event of the group's share as a JSON line, then acknowledge it (Ctrl-C to stop)."""
    from ..settings import get_settings
    from ..store.client import make_client
    from ..store.groups import GroupReader
    from ..store.keys import Keys

    if dead and skipped:
        raise click.UsageError("--dead and --skipped name two streams: choose one")
    settings = get_settings()
    keys = Keys(settings)
    stream, field = (keys.dead_letters, b"dead_letter") if dead else (keys.results, b"event")
    if skipped:
        stream, field = keys.skipped, b"skipped"
    name = consumer or socket.gethostname()
    reader = GroupReader(make_client(settings.redis_url), stream, group, name, claim_idle=claim_idle, start=start)
    reader.ensure_group()
    printed = 0
    idle_since = time.monotonic()
    while count is None or printed < count:
        want = 100 if count is None else min(100, count - printed)
        entries = reader.read(want, block_ms)
        if not entries:
            if timeout is not None and time.monotonic() - idle_since >= timeout:
                break
            continue
        idle_since = time.monotonic()
        for entry_id, fields in entries:
            if field in fields:
                click.echo(fields[field].decode("utf-8"))
                sys.stdout.flush()  # printed for real before the ack
                printed += 1
            reader.ack([entry_id])
