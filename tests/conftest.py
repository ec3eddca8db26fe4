from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from harness.redis_keys import TEST_REDIS_URL, delete_prefix, new_prefix
from worker.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "flattened-text-afp.txt"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the real Redis (through any fixture) is marked `redis`: `-m "not redis"` runs without one."""
    for item in items:
        if "redis_client" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.redis)


@pytest.fixture(scope="session")
def redis_client() -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(TEST_REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError as exc:
        pytest.fail(f"tests need a real Redis at {TEST_REDIS_URL} (set TEST_REDIS_URL): {exc}")
    yield client
    client.close()


@pytest.fixture
def key_prefix(redis_client: redis.Redis, request: pytest.FixtureRequest) -> Iterator[str]:
    prefix = new_prefix(request.node.name[:20].replace("[", "_").replace("]", "_"))
    yield prefix
    delete_prefix(redis_client, prefix)


@pytest.fixture
def service_env(key_prefix: str) -> dict[str, str]:
    """Environment for a worker under test: our Redis, our prefix, short timeouts."""
    return {
        "REDIS_URL": TEST_REDIS_URL,
        "KEY_PREFIX": key_prefix,
        "VISIBILITY_TIMEOUT": "20",
        "RESTORE_INTERVAL": "1",
        "SOFT_TIME_LIMIT": "8",
        "HARD_TIME_LIMIT": "10",
        "RETRY_BACKOFF": "0.2",
        "RETRY_BACKOFF_MAX": "2",
        "HEARTBEAT_INTERVAL": "0.5",
        "HEARTBEAT_TTL": "5",
        "LOG_LEVEL": "INFO",
    }


@pytest.fixture
def settings(service_env: dict[str, str]) -> Settings:
    return Settings(**{name.lower(): value for name, value in service_env.items()})  # type: ignore[arg-type]
