"""Per-test isolation on the shared Redis: a unique key prefix, and cleanup of everything under it."""

from __future__ import annotations

import os
import uuid

import redis

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def new_prefix(tag: str = "t") -> str:
    return f"awtest:{tag}:{uuid.uuid4().hex[:10]}:"


def delete_prefix(client: redis.Redis, prefix: str) -> int:
    deleted = 0
    batch = []
    for key in client.scan_iter(match=f"{prefix}*", count=1000):
        batch.append(key)
        if len(batch) >= 500:
            deleted += client.delete(*batch)
            batch.clear()
    if batch:
        deleted += client.delete(*batch)
    return deleted
