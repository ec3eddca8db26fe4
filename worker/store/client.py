"""One Redis client per process for our own keys, retrying short network blips with jittered backoff."""

from __future__ import annotations

from functools import lru_cache

import redis
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry


def make_client(url: str, *, retries: int = 3, timeout: float = 10.0) -> redis.Redis:
    return redis.Redis.from_url(
        url,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        health_check_interval=30,
        retry=Retry(ExponentialWithJitterBackoff(base=0.05, cap=1.0), retries),
        retry_on_error=[RedisConnectionError, RedisTimeoutError, ConnectionResetError],
    )


@lru_cache(maxsize=4)
def shared_client(url: str) -> redis.Redis:
    """Created lazily in each process (prefork children after fork), never shared across a fork."""
    return make_client(url)
