"""SIGTERM mid-page: the worker finishes (or requeues) what it holds; every page comes out once."""

from __future__ import annotations

import signal
import time

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.integration.test_check import slow_page
from tests.support.streams import read_stream
from worker.producer import enqueue
from worker.settings import Settings

pytestmark = pytest.mark.slow  # real workers killed, restarted or held: seconds each (README, Development)


def outputs(client: redis.Redis, s: Settings) -> list[bytes]:
    """Job ids of every event and dead letter so far (duplicates included)."""
    events = read_stream(client, s.key(s.results_stream), b"job_id")
    letters = read_stream(client, s.key(s.dead_letter_stream), b"job_id")
    return events + letters


def test_sigterm_mid_page_loses_and_duplicates_nothing(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    no_dedup = {"DEDUP_TTL": "0"}  # a page handled twice would show as two events
    # The page is held 3 s mid-task (a sleep, not CPU: pages got fast enough that a stalled test
    # could miss a CPU-bound page and see the prefetched one run too).
    first = start_worker(env={**no_dedup, "HARNESS_HOLDS": "1"})
    slow_job = enqueue({**slow_page(1), "job_id": "slow", "attributes": {"test_hold_s": 3}}, app=producer_app)
    _, html = article_html(5)
    next_job = enqueue({"url": "https://news.example.com/next", "content": html, "job_id": "next"}, app=producer_app)
    deadline = time.monotonic() + 30
    while not list(redis_client.scan_iter(match=settings.key("test:busy:*"), count=1000)):  # the page is held
        assert time.monotonic() < deadline, first.log()
        time.sleep(0.05)

    first.proc.send_signal(signal.SIGTERM)
    assert first.proc.wait(timeout=40) == 0, first.log()
    assert not first.pool_pids()

    # Warm shutdown: the page in hand was finished before the worker left, by that worker.
    [entry] = [f for _, f in redis_client.xrange(settings.key(settings.results_stream)) if f[b"job_id"] == b"slow"]
    assert first.name.encode() in entry[b"event"]
    # Its ack reached Redis before the connection closed, and the prefetched page went back to the queue.
    assert redis_client.hlen(settings.key("unacked")) == 0
    assert redis_client.llen(settings.key(settings.pages_queue)) == 1

    start_worker(env=no_dedup)
    deadline = time.monotonic() + 60
    while sorted(outputs(redis_client, settings)) != [next_job.encode(), slow_job.encode()]:
        assert time.monotonic() < deadline, f"outputs so far: {outputs(redis_client, settings)}"
        time.sleep(0.1)
    time.sleep(3)  # a redelivery (RESTORE_INTERVAL=1) would show up by now
    assert sorted(outputs(redis_client, settings)) == [b"next", b"slow"]
    assert redis_client.llen(settings.key(settings.pages_queue)) == 0
    assert redis_client.hlen(settings.key("unacked")) == 0
