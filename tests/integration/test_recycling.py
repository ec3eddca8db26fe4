"""Pool processes are replaced after MAX_TASKS_PER_CHILD tasks or MAX_MEMORY_PER_CHILD_MB of memory."""

from __future__ import annotations

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.support.streams import events
from worker.producer import enqueue
from worker.service.app import create_app
from worker.settings import Settings

pytestmark = pytest.mark.slow  # real workers killed, restarted or held: seconds each (README, Development)


def test_settings_reach_celery() -> None:
    conf = create_app(Settings(max_tasks_per_child=7, max_memory_per_child_mb=100)).conf
    assert conf.worker_max_tasks_per_child == 7
    assert conf.worker_max_memory_per_child == 100 * 1024  # Celery counts kilobytes


@pytest.mark.parametrize(
    "env", [{"MAX_TASKS_PER_CHILD": "2"}, {"MAX_MEMORY_PER_CHILD_MB": "16"}], ids=["task_count", "memory"]
)
def test_pool_process_is_recycled(
    env: dict[str, str], start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    worker = start_worker(env=env)
    [first_pid] = worker.pool_pids()
    for i in range(5):
        enqueue({"url": f"https://news.example.com/c{i}", "content": article_html(i)[1]}, app=producer_app)
    assert len(events(redis_client, settings.key(settings.results_stream), 5)) == 5
    assert first_pid not in worker.pool_pids()
