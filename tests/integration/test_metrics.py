"""The Prometheus endpoint of a real prefork worker: counts summed over pool processes, recycled ones too."""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from collections import Counter

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from schemas import RawPage
from tests.integration.conftest import StartWorker
from tests.support.streams import dead_letters, events
from worker.ops.metrics import FILLABLE, QueueCollector
from worker.pipeline import extract
from worker.producer import enqueue, enqueue_message
from worker.settings import Settings

pytest.importorskip("prometheus_client")
from prometheus_client.parser import text_string_to_metric_families

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def scrape(port: int, timeout: float = 30) -> Samples:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
                text = response.read().decode()
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_scrape_counts_pages_dead_letters_durations_and_fields(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    port = free_port()
    # Two pool processes, each replaced after two pages: the dead ones' counts must still be there.
    start_worker(concurrency=2, env={"METRICS_PORT": str(port), "MAX_TASKS_PER_CHILD": "2"})
    pages = [(f"https://news.example.com/m{i}", article_html(i)[1]) for i in range(7)]
    for url, html in pages:
        enqueue({"url": url, "content": html}, app=producer_app)
    enqueue_message(json.dumps({"url": "ftp://example.org/x", "content": "<p>x</p>"}), app=producer_app)
    enqueue_message("not json at all", app=producer_app)
    events(redis_client, settings.key(settings.results_stream), 7)
    dead_letters(redis_client, settings.key(settings.dead_letter_stream), 2)

    deadline = time.monotonic() + 15
    while (m := scrape(port)).get(("article_worker_pages_total", (("outcome", "event"), ("reason", "")))) != 7:
        assert time.monotonic() < deadline, f"events counted: {m}"
        time.sleep(0.3)

    assert m[("article_worker_pages_total", (("outcome", "dead_letter"), ("reason", "invalid_message")))] == 1
    assert m[("article_worker_pages_total", (("outcome", "dead_letter"), ("reason", "not_json")))] == 1
    assert m[("article_worker_dead_letters_total", (("reason", "invalid_message"),))] == 1
    assert m[("article_worker_dead_letters_total", (("reason", "not_json"),))] == 1
    assert m[("article_worker_extraction_duration_seconds_count", (("outcome", "event"),))] == 7
    assert m[("article_worker_extraction_duration_seconds_sum", (("outcome", "event"),))] > 0
    expected: Counter[str] = Counter()
    for url, html in pages:
        article = extract(RawPage(url=url, content=html))
        expected.update(name for name in FILLABLE if getattr(article, name) not in (None, [], "", {}))
    filled = {name: m[("article_worker_field_filled_total", (("field", name),))] for name in FILLABLE}
    assert filled == {name: float(expected[name]) for name in FILLABLE}
    assert filled["title"] == 7 and filled["lead_image"] == 0
    assert m[("article_worker_queue_depth", ())] == 0
    assert m[("article_worker_stream_length", (("stream", "results"),))] == 7
    assert m[("article_worker_stream_length", (("stream", "dead_letters"),))] == 2
    assert m[("article_worker_redis_up", ())] == 1


def test_queue_depth_is_read_at_scrape_time(redis_client: redis.Redis, settings: Settings) -> None:
    collector = QueueCollector(settings)
    redis_client.rpush(settings.key(settings.pages_queue), "a", "b")
    redis_client.rpush(settings.key(f"{settings.pages_queue}\x06\x163"), "c")  # a priority sub-list counts too
    redis_client.hset(settings.key("unacked"), "tag", "x")
    gauges = {f.name: f.samples[0].value for f in collector.collect() if len(f.samples) == 1}
    assert gauges["article_worker_queue_depth"] == 3 and gauges["article_worker_in_flight"] == 1
    redis_client.lpop(settings.key(settings.pages_queue))
    gauges = {f.name: f.samples[0].value for f in collector.collect() if len(f.samples) == 1}
    assert gauges["article_worker_queue_depth"] == 2


def test_a_taken_port_costs_the_endpoint_not_the_worker(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        worker = start_worker(env={"METRICS_PORT": str(port)})
        _, html = article_html(11)
        job_id = enqueue({"url": "https://news.example.com/11", "content": html}, app=producer_app)
        [event] = events(redis_client, settings.key(settings.results_stream), 1)
    assert event.job_id == job_id
    assert f"metrics endpoint not started on port {port}" in worker.log()
