"""Scaling out: two workers as if on two hosts (own node names, own process groups), one Redis."""

from __future__ import annotations

import os
from collections import Counter

import redis
from celery import Celery

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.support.streams import events
from worker.producer import enqueue
from worker.settings import Settings

PAGES = 40


def test_two_hosts_share_one_queue(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    holds = {"HARNESS_HOLDS": "1"}
    host_a = start_worker(concurrency=1, name="worker@host-a", env=holds)
    host_b = start_worker(concurrency=1, name="worker@host-b", env=holds)
    groups = {os.getpgid(host_a.pid), os.getpgid(host_b.pid)}
    assert len(groups) == 2 and os.getpgrp() not in groups  # nothing shared but Redis
    assert redis_client.exists(host_a.heartbeat_key()) and redis_client.exists(host_b.heartbeat_key())

    # Each page is held 0.1 s (a sleep: extraction alone takes ~10 ms), so neither worker can drain
    # the queue before the other takes its share.
    job_ids = [
        enqueue(
            {
                "url": f"https://news.example.com/{i}",
                "content": article_html(i, paragraphs=60)[1],
                "attributes": {"test_hold_s": 0.1},
            },
            app=producer_app,
        )
        for i in range(PAGES)
    ]
    got = events(redis_client, settings.key(settings.results_stream), PAGES, timeout=120)

    assert sorted(e.job_id for e in got) == sorted(job_ids)
    assert len({e.event_id for e in got}) == PAGES
    by_worker = Counter(e.worker for e in got)
    assert set(by_worker) == {"worker@host-a", "worker@host-b"}, by_worker
    assert min(by_worker.values()) >= 5, by_worker
    assert redis_client.xlen(settings.key(settings.dead_letter_stream)) == 0
    assert redis_client.llen(settings.key(settings.pages_queue)) == 0
