"""`article-worker check`: exit 0 when a worker's heartbeat key is alive, 1 otherwise.

The key is written by the worker's main process (worker/service/heartbeat.py) on its own timer and
expires after HEARTBEAT_TTL, so this answers within milliseconds even while every pool process is
busy, where `celery inspect ping` waits in line behind the work. Intakes write the same kind of key.

It is the compose healthcheck (every 15 s in every container), so it imports only what it needs:
neither the pipeline, nor pydantic, nor (for the URLs we document) redis-py. It reads its two
settings from the environment the way `Settings` does (a test holds them to the same answers).
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

#: Settings' defaults for the two variables read here.
DEFAULTS = {"REDIS_URL": "redis://localhost:6379/0", "KEY_PREFIX": ""}


def environment(name: str) -> str:
    """As `Settings` reads a variable: the name in any case, an empty value meaning the default."""
    found = [value for key, value in os.environ.items() if key.upper() == name and value]
    return found[-1] if found else DEFAULTS[name]


def connect(url: str) -> Any:
    from ..store import probe

    client: Any = probe.connect(url, timeout=5)
    if client is None:  # a URL option the probe does not read: the full client
        from ..store.client import make_client

        client = make_client(url, retries=1, timeout=5)
    return client


@click.command("check")
@click.option("--name", default=None, help="Node name (e.g. celery@host, intake@host); default: any.")
@click.option("--quiet", "-q", is_flag=True, help="Exit status only.")
def command(name: str | None, quiet: bool) -> None:
    """Exit 0 if the named worker (or any worker) has a fresh heartbeat, else 1."""
    from ..ops import liveness
    from ..store.probe import describe

    url, prefix = environment("REDIS_URL"), environment("KEY_PREFIX")
    try:
        client = connect(url)
        names = [name] if name is not None else liveness.alive_names(client, prefix)
        beats = liveness.beats(client, prefix, names)
    except Exception as exc:  # unreachable, refused, a TLS or auth failure: all mean "not healthy"
        click.echo(f"unhealthy: Redis at {describe(url)}: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
    if not beats:
        click.echo(f"unhealthy: no heartbeat for {name or 'any worker'}", err=True)
        sys.exit(1)
    if not quiet:
        for beat in beats:
            click.echo(f"alive: {beat.get('hostname')} (pid {beat.get('pid', '-')})")
    sys.exit(0)
