"""Liveness keys, read without importing celery (so `check` and `stats` start fast).

Workers write them from their main process (worker/heartbeat.py), intakes from their loop; each
expires after HEARTBEAT_TTL, so an existing key means a recent beat.
"""

from __future__ import annotations

from typing import Any

from .settings import Settings

KEY = "heartbeat:{}"


def heartbeat_key(settings: Settings, name: str) -> str:
    return settings.key(KEY.format(name))


def alive_names(client: Any, settings: Settings) -> list[str]:
    """Node names with a live heartbeat under this deployment's key prefix."""
    prefix = heartbeat_key(settings, "")
    pattern = "".join(f"\\{ch}" if ch in "*?[]\\" else ch for ch in prefix) + "*"
    return sorted(key.decode()[len(prefix) :] for key in client.scan_iter(match=pattern, count=1000))
