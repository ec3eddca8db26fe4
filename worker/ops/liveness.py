"""Liveness: who is alive, written and read here only.

Each worker's main process (from the consumer's own timer, worker/service/heartbeat.py) and each
intake (from its loop) keep a key `heartbeat:<node name>` holding a small JSON payload, refreshed
every HEARTBEAT_INTERVAL and expiring after HEARTBEAT_TTL, so an existing key means a recent beat.
`check`, `stats` and the tests read it through the functions below. Importing this module imports
neither redis-py nor pydantic (`check` runs every 15 s in every container): `client` is any object
with redis-py's `set`, `delete`, `mget` and `scan_iter`.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from ..store import keys


def beat(client: Any, prefix: str, name: str, ttl: int) -> None:
    """Say that `name` is alive for the next `ttl` seconds."""
    payload = {"hostname": name, "pid": os.getpid(), "at": time.time()}
    client.set(keys.heartbeat(prefix, name), json.dumps(payload), ex=ttl)


def forget(client: Any, prefix: str, name: str) -> None:
    """A clean stop: `name` is gone at once, not after its TTL."""
    client.delete(keys.heartbeat(prefix, name))


def beats(client: Any, prefix: str, names: list[str]) -> list[dict[str, Any]]:
    """The payloads of those of `names` that are alive: `hostname`, `pid` (of the main process), `at`."""
    if not names:
        return []
    values = client.mget([keys.heartbeat(prefix, name) for name in names])
    return [json.loads(value) for value in values if value is not None]


def alive_names(client: Any, prefix: str) -> list[str]:
    """Node names with a live heartbeat under this deployment's key prefix."""
    start = keys.heartbeat(prefix, "")
    found = client.scan_iter(match=keys.pattern(start), count=1000)
    return sorted((key.decode() if isinstance(key, bytes) else key)[len(start) :] for key in found)
