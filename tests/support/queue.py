"""Read Celery messages waiting in a Redis queue list, as kombu would decode them."""

from __future__ import annotations

import base64
import json
from typing import Any

import redis


def task_args(raw: bytes) -> list[Any]:
    """Positional arguments of one queued Celery message, whatever its body encoding."""
    message = json.loads(raw)
    body = message["body"]
    if message.get("properties", {}).get("body_encoding") == "base64":
        body = base64.b64decode(body)
    return list(json.loads(body)[0])


def queued_args(client: redis.Redis, key: str) -> list[list[Any]]:
    return [task_args(raw) for raw in client.lrange(key, 0, -1)]  # type: ignore[union-attr]
