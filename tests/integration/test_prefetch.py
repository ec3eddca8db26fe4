"""PREFETCH_MULTIPLIER: how many pages a worker holds per pool process, and that a held page waits
for a free pool process instead of queueing behind a busy one."""

from __future__ import annotations

import time

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.support.streams import events
from worker.producer import enqueue
from worker.settings import Settings

pytestmark = pytest.mark.slow  # real workers killed, restarted or held: seconds each (README, Development)


def busy(client: redis.Redis, settings: Settings) -> list[bytes]:
    return list(client.scan_iter(match=settings.key("test:busy:*")))


@pytest.mark.parametrize("prefetch", [1, 2])
def test_a_worker_holds_prefetch_pages_per_pool_process_and_runs_one(
    prefetch: int,
    start_worker: StartWorker,
    producer_app: Celery,
    redis_client: redis.Redis,
    settings: Settings,
) -> None:
    env = {"HARNESS_HOLDS": "1"} | ({"PREFETCH_MULTIPLIER": "1"} if prefetch == 1 else {})
    start_worker(env=env)  # the default is 2: only the run with 1 sets it
    hold = {"test_hold_s": 2}
    jobs = [
        enqueue(
            {"url": f"https://news.example.com/p{i}", "content": article_html(i)[1], "attributes": hold},
            app=producer_app,
        )
        for i in range(3)
    ]
    deadline = time.monotonic() + 30
    while not busy(redis_client, settings):
        assert time.monotonic() < deadline, "no page was taken"
        time.sleep(0.02)
    time.sleep(0.5)  # time enough for a prefetch to land

    assert redis_client.hlen(settings.key("unacked")) == prefetch
    assert redis_client.llen(settings.key(settings.pages_queue)) == 3 - prefetch
    assert len(busy(redis_client, settings)) == 1  # the held page has not been handed to the busy process
    got = events(redis_client, settings.key(settings.results_stream), 3, timeout=40)
    assert sorted(e.job_id for e in got) == sorted(jobs)
