"""SIGKILL mid-task, the pool child or the whole worker: the page is redelivered and published once."""

from __future__ import annotations

import os
import signal
import time

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.support.streams import dead_letters, events
from worker.producer import enqueue
from worker.settings import Settings

pytestmark = pytest.mark.slow  # real workers killed, restarted or held: seconds each (README, Development)

# A killed worker's page comes back after VISIBILITY_TIMEOUT (> HARD_TIME_LIMIT + RETRY_BACKOFF_MAX).
# HARD_TIME_LIMIT stays above the ~5 s Celery may take to notice a dead pool child: below it, the
# page would end as a `timeout` dead letter instead of being redelivered.
FAST = {
    "HARNESS_HOLDS": "1",
    "VISIBILITY_TIMEOUT": "9",
    "SOFT_TIME_LIMIT": "6",
    "HARD_TIME_LIMIT": "8",
    "RETRY_BACKOFF_MAX": "0.5",
}


def wait_busy(client: redis.Redis, settings: Settings, worker: str, timeout: float = 30) -> int:
    """The pid of the pool process holding a page mid-task (the test hook's key)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for key in client.scan_iter(match=settings.key(f"test:busy:{worker}:*")):
            return int(key.decode().rsplit(":", 1)[1])
        time.sleep(0.02)
    raise TimeoutError("no task was held")


@pytest.mark.parametrize(
    "case",
    [(kill, hold_at) for kill in ("pool_child", "whole_worker") for hold_at in ("start", "published")],
    ids="-".join,
)
def test_sigkill_mid_task_redelivers_and_publishes_once(
    case: tuple[str, str],
    start_worker: StartWorker,
    producer_app: Celery,
    redis_client: redis.Redis,
    settings: Settings,
) -> None:
    kill, hold_at = case
    victim = start_worker(env=FAST)
    _, html = article_html(11)
    attributes = {"test_hold_s": 1.5, "test_hold_at": hold_at}
    job_id = enqueue({"url": "https://news.example.com/k", "content": html, "attributes": attributes}, app=producer_app)
    pid = wait_busy(redis_client, settings, victim.name)
    assert pid in victim.pool_pids()
    if kill == "pool_child":
        os.kill(pid, signal.SIGKILL)  # the main process sees the child die and requeues the page
    else:
        victim.kill()  # main process and pool: the page waits in the unacked hash for VISIBILITY_TIMEOUT
        start_worker(env=FAST)

    results = settings.key(settings.results_stream)
    [event] = events(redis_client, results, 1, timeout=40)
    assert event.job_id == job_id
    # Redelivered: on the second attempt it is published; if it had been published already, never again.
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:  # give any duplicate the time to show up
        assert redis_client.xlen(results) == 1
        time.sleep(0.2)
    assert event.attempts == (2 if hold_at == "start" else 1)
    assert redis_client.xlen(settings.key(settings.dead_letter_stream)) == 0
    assert dead_letters(redis_client, settings.key(settings.dead_letter_stream), 1, timeout=0) == []
    done_keys = list(redis_client.scan_iter(match=settings.key("done:*")))
    assert len(done_keys) == 1 and not list(redis_client.scan_iter(match=settings.key("attempts:*")))


def test_a_page_over_the_soft_time_limit_is_dead_lettered_and_the_worker_carries_on(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    start_worker(env={**FAST, "SOFT_TIME_LIMIT": "1", "HARD_TIME_LIMIT": "3"})
    slow = {"url": "https://news.example.com/slow", "content": article_html(1)[1], "attributes": {"test_hold_s": 2}}
    slow_id = enqueue(slow, app=producer_app)
    fine_id = enqueue({"url": "https://news.example.com/fine", "content": article_html(2)[1]}, app=producer_app)
    [letter] = dead_letters(redis_client, settings.key(settings.dead_letter_stream), 1, timeout=30)
    assert letter.reason.value == "timeout" and letter.job_id == slow_id and letter.retryable
    [event] = events(redis_client, settings.key(settings.results_stream), 1, timeout=30)
    assert event.job_id == fine_id


def test_a_page_fetched_by_a_worker_killed_before_recording_it_is_recovered(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    """The BRPOP window, closed: the atomic fetch parks the page in the consumer's processing list;
    a worker killed right then leaves it there, and a live worker's sweep puts it back."""
    job_id = enqueue({"url": "https://news.example.com/parked", "content": article_html(4)[1]}, app=producer_app)
    queue = settings.key(settings.pages_queue)
    parked = settings.key(f"processing:0123456789abcdef:{settings.pages_queue}")
    assert redis_client.lmove(queue, parked, "RIGHT", "LEFT")  # what BLMOVE did before the kill
    assert redis_client.llen(queue) == 0
    start_worker(env=FAST)  # no processing-alive key for the dead consumer: its list is swept
    [event] = events(redis_client, settings.key(settings.results_stream), 1, timeout=30)
    assert event.job_id == job_id and redis_client.llen(parked) == 0
