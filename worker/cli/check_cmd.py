"""`article-worker check`: exit 0 when a worker's heartbeat key is alive, 1 otherwise.

The key is written by the worker's main process (worker/service/heartbeat.py) on its own timer and expires
after HEARTBEAT_TTL, so this answers within milliseconds even while every pool process is busy,
where `celery inspect ping` waits in line behind the work. Intakes write the same kind of key.
"""

from __future__ import annotations

import sys
from typing import Any

import click


@click.command("check")
@click.option("--name", default=None, help="Node name (e.g. celery@host, intake@host); default: any.")
@click.option("--quiet", "-q", is_flag=True, help="Exit status only.")
def command(name: str | None, quiet: bool) -> None:
    """Exit 0 if the named worker (or any worker) has a fresh heartbeat, else 1."""
    from redis.exceptions import RedisError

    from ..ops import liveness
    from ..settings import get_settings
    from ..store.client import make_client

    settings = get_settings()
    client: Any = make_client(settings.redis_url, retries=1, timeout=5)
    try:
        names = [name] if name is not None else liveness.alive_names(client, settings.key_prefix)
        beats = liveness.beats(client, settings.key_prefix, names)
    except RedisError as exc:
        click.echo(f"unhealthy: Redis at {settings.redacted_redis_url}: {type(exc).__name__}", err=True)
        sys.exit(1)
    if not beats:
        click.echo(f"unhealthy: no heartbeat for {name or 'any worker'}", err=True)
        sys.exit(1)
    if not quiet:
        for beat in beats:
            click.echo(f"alive: {beat.get('hostname')} (pid {beat.get('pid', '-')})")
    sys.exit(0)
