"""Per-process singletons for the service side: settings, the Redis client, our streams."""

from __future__ import annotations

from functools import lru_cache

from .settings import get_settings
from .store.client import shared_client
from .store.streams import Streams


@lru_cache(maxsize=1)
def streams() -> Streams:
    settings = get_settings()
    return Streams(shared_client(settings.redis_url), settings)
