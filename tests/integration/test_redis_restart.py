"""Redis restarts between enqueue and consume, and under a running worker: no page is lost (AOF on)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.support.redis_server import RedisServer
from tests.support.streams import events
from worker.producer import enqueue
from worker.service.app import create_app
from worker.settings import Settings

pytestmark = pytest.mark.slow  # real workers killed, restarted or held: seconds each (README, Development)


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    data = tmp_path / "redis"
    data.mkdir()
    server = RedisServer(data).start()
    yield server
    server.kill()


def test_pages_survive_redis_restarts(
    own_redis: RedisServer, start_worker: StartWorker, service_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**service_env, "REDIS_URL": own_redis.url}
    settings = Settings(**{k.lower(): v for k, v in env.items()})  # type: ignore[arg-type]
    app = create_app(settings)
    first = [
        enqueue({"url": f"https://news.example.com/r{i}", "content": article_html(i)[1]}, app=app) for i in range(5)
    ]
    app.close()

    own_redis.restart()  # SIGKILL: only the AOF (fsync always) carries the queue over
    client: redis.Redis = own_redis.client()
    start_worker(env=env, wait=False).wait_ready(client)
    results = settings.key(settings.results_stream)
    assert sorted(e.job_id for e in events(client, results, 5, timeout=40)) == sorted(first)

    own_redis.restart()  # now under a running worker: it reconnects, events already written stay
    app = create_app(settings)
    second = [
        enqueue({"url": f"https://news.example.com/s{i}", "content": article_html(i)[1]}, app=app) for i in range(3)
    ]
    app.close()
    got = events(own_redis.client(), results, 8, timeout=60)
    assert sorted(e.job_id for e in got) == sorted(first + second)
    assert len({e.event_id for e in got}) == 8


def test_redis_down_while_publishing_is_retried_and_published_once(
    own_redis: RedisServer, start_worker: StartWorker, service_env: dict[str, str]
) -> None:
    fast = {"VISIBILITY_TIMEOUT": "9", "SOFT_TIME_LIMIT": "6", "HARD_TIME_LIMIT": "8", "RETRY_BACKOFF_MAX": "0.5"}
    env = {**service_env, **fast, "REDIS_URL": own_redis.url, "HARNESS_HOLDS": "1"}
    settings = Settings(**{k.lower(): v for k, v in env.items()})  # type: ignore[arg-type]
    client = own_redis.client()
    start_worker(env=env, wait=False).wait_ready(client)
    app = create_app(settings)
    page = {"url": "https://news.example.com/down", "content": article_html(9)[1], "attributes": {"test_hold_s": 1.5}}
    job_id = enqueue(page, app=app)
    app.close()
    deadline = time.monotonic() + 30
    while not list(client.scan_iter(match=settings.key("test:busy:*"))):
        assert time.monotonic() < deadline, "the page was never taken"
        time.sleep(0.02)
    own_redis.kill()  # the page is mid-task: its publish will find Redis gone
    time.sleep(2.5)  # longer than the client's own reconnect retries
    own_redis.start()
    client = own_redis.client()
    [event] = events(client, settings.key(settings.results_stream), 1, timeout=40)
    assert event.job_id == job_id and event.attempts >= 2
    time.sleep(1)
    assert client.xlen(settings.key(settings.results_stream)) == 1
    assert client.xlen(settings.key(settings.dead_letter_stream)) == 0
