"""`article-worker check` without click: the compose healthcheck runs every 15 s in every container,
so it imports only the standard library, the liveness reader and the Redis probe.

The key it reads is written by the worker's main process (worker/service/heartbeat.py) on its own
timer and expires after HEARTBEAT_TTL, so this answers within milliseconds even while every pool
process is busy. It reads its two settings from the environment the way `Settings` does (a test
holds them to the same answers). `check_cmd.py` is the same command for `--help` and `CliRunner`.
"""

from __future__ import annotations

import os
import sys
from typing import Any

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


def check(name: str | None, quiet: bool) -> int:
    """0 if the named worker (or any worker) has a fresh heartbeat, else 1; says why on stderr."""
    from ..ops import liveness
    from ..store.probe import describe

    url, prefix = environment("REDIS_URL"), environment("KEY_PREFIX")
    try:
        client = connect(url)
        names = [name] if name is not None else liveness.alive_names(client, prefix)
        beats = liveness.beats(client, prefix, names)
    except Exception as exc:  # unreachable, refused, a TLS or auth failure: all mean "not healthy"
        print(f"unhealthy: Redis at {describe(url)}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    if not beats:
        print(f"unhealthy: no heartbeat for {name or 'any worker'}", file=sys.stderr)
        return 1
    if not quiet:
        for beat in beats:
            print(f"alive: {beat.get('hostname')} (pid {beat.get('pid', '-')})")
    return 0


def fast_path(argv: list[str]) -> int | None:
    """`check [-q|--quiet] [--name NAME|--name=NAME]` answered here; None for anything else (help,
    unknown options, other commands), which the click group then handles."""
    if not argv or argv[0] != "check":
        return None
    name: str | None = None
    quiet = False
    rest = argv[1:]
    while rest:
        arg = rest.pop(0)
        if arg in ("-q", "--quiet"):
            quiet = True
        elif arg == "--name" and rest:
            name = rest.pop(0)
        elif arg.startswith("--name="):
            name = arg.removeprefix("--name=")
        else:
            return None
    return check(name, quiet)
