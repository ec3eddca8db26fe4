"""Redis restarts between enqueue and consume, and under a running worker: no page is lost (AOF on)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from tests.integration.conftest import StartWorker
from tests.support.pages import article_html
from tests.support.redis_server import RedisServer
from tests.support.streams import events
from worker.celery_app import create_app
from worker.producer import enqueue
from worker.settings import Settings


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
