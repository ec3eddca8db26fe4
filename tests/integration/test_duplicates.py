"""The same page enqueued twice: one event, and the second is counted as a duplicate in `stats`."""

from __future__ import annotations

import json
import time

import redis
from celery import Celery

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.support.cli import run_cli
from worker.producer import enqueue
from worker.settings import Settings

ALL_TYPES = {"ACCEPT_PAGE_TYPES": "article,forum,product,collection,listing,documentation,service"}


def test_a_page_published_already_is_counted_as_a_duplicate(
    start_worker: StartWorker,
    producer_app: Celery,
    redis_client: redis.Redis,
    settings: Settings,
    service_env: dict[str, str],
) -> None:
    start_worker(env=ALL_TYPES)
    page = {"url": "https://news.example.com/twice", "content": article_html(5)[1]}
    assert enqueue(page, app=producer_app) == enqueue(page, app=producer_app)  # one job, two messages
    deadline = time.monotonic() + 30
    stats: dict[str, int] = {}
    while time.monotonic() < deadline:
        stats = json.loads(run_cli(["stats", "--json"], service_env).stdout)
        if stats["duplicates"] == 1 and stats["queue"] == 0 and stats["in_flight"] == 0:
            break
        time.sleep(0.5)
    assert stats["events"] + stats["skipped"] == 1 and stats["duplicates"] == 1, stats
    row = [line for line in run_cli(["stats"], service_env).stdout.splitlines() if line.startswith("duplicates")]
    assert row and row[0].split()[-1] == "1"
