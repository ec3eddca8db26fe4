"""Prometheus metrics, safe with the prefork pool; inert unless METRICS_PORT is set and the extra installed.

Pool processes count into files in PROMETHEUS_MULTIPROC_DIR (prometheus-client's multiprocess mode;
a fresh temp dir by default), the main process serves their sum on METRICS_PORT, and the queue
figures (worker/ops/figures.py) are read from Redis at scrape time, so they are never stale.
`enable` registers the counting with the outcome report; the worker's `install` (or the intake)
starts the endpoint.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError

from schemas import Article

from ..store.client import make_client
from ..store.keys import Keys
from .figures import queue_figures
from .report import Outcome, PageOutcome, add_observer

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger("article_worker.metrics")
DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Always present in an Article, so no fill rate to speak of.
ALWAYS = {"url", "body_text", "word_count", "reading_time_minutes", "input_format", "provenance"}
FILLABLE = tuple(name for name in Article.model_fields if name not in ALWAYS)
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60)
_m: dict[str, Any] = {}  # metric objects, created by enable() in the main process, inherited by the pool


def enable(settings: Settings) -> bool:
    """In the main process, before the pool forks; False (and a warning) without the extra."""
    if not settings.metrics_port:
        return False
    if not os.environ.get(DIR_ENV):
        os.environ[DIR_ENV] = tempfile.mkdtemp(prefix="article-worker-metrics-")
        atexit.register(shutil.rmtree, os.environ[DIR_ENV], True)  # main process only: the pool exits by _exit
    directory = Path(os.environ[DIR_ENV])
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):  # a previous run's counts must not add up with ours
        stale.unlink()
    try:
        from prometheus_client import Counter, Histogram
    except ImportError:
        log.warning("METRICS_PORT is set but prometheus-client is not installed: pip install 'article-worker[metrics]'")
        return False
    _m["pages"] = Counter("article_worker_pages", "Pages handled, by outcome and reason.", ["outcome", "reason"])
    _m["duration"] = Histogram(
        "article_worker_extraction_duration_seconds", "Time to handle a page.", ["outcome"], buckets=BUCKETS
    )
    _m["dead"] = Counter("article_worker_dead_letters", "Dead letters written, by reason.", ["reason"])
    _m["filled"] = Counter(
        "article_worker_field_filled", "Events whose article has this field; divide by event pages.", ["field"]
    )
    for name in FILLABLE:  # every field appears, at 0 until filled, so a rate is defined from the start
        _m["filled"].labels(name)
    add_observer(observe)
    return True


def observe(page: PageOutcome) -> None:
    """Count one message's outcome (registered with the report by `enable`)."""
    _m["pages"].labels(page.outcome.value, page.reason or "").inc()
    if page.duration_ms is not None and page.outcome is not Outcome.RETRY:
        _m["duration"].labels(page.outcome.value).observe(page.duration_ms / 1000)
    if page.outcome is Outcome.DEAD_LETTER:
        _m["dead"].labels(page.reason or "").inc()
    if page.article is not None and page.outcome is Outcome.EVENT:
        for name in FILLABLE:
            if getattr(page.article, name) not in (None, [], "", {}):
                _m["filled"].labels(name).inc()


def serve(settings: Settings) -> None:
    """Start the endpoint in this (main) process; once, and only when `enable` succeeded."""
    if not _m or "server" in _m:
        return
    from prometheus_client import CollectorRegistry, start_http_server
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = CollectorRegistry()
    MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    registry.register(QueueCollector(settings))
    try:
        _m["server"] = start_http_server(settings.metrics_port, registry=registry)
    except OSError as exc:  # e.g. a second worker on this host with the same port: work on, without an endpoint
        log.error("metrics endpoint not started on port %d: %s", settings.metrics_port, exc)
        return
    log.info("metrics on :%d/metrics", settings.metrics_port)


def process_exited() -> None:
    """A pool process is gone: drop its live gauges (counters stay summed, as they should)."""
    if _m:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]


class QueueCollector:
    """The queue figures as gauges, computed at scrape time instead of kept up to date by every process."""

    def __init__(self, settings: Settings) -> None:
        self.keys = Keys(settings)
        self.client = make_client(settings.redis_url, retries=1, timeout=2.0)

    def describe(self) -> list[Any]:
        return []  # unknown until scraped; keeps registration from calling collect()

    def collect(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily

        try:
            q = queue_figures(self.client, self.keys)
        except RedisError as exc:
            log.warning("metrics: Redis unreachable at scrape: %s", type(exc).__name__)
            yield GaugeMetricFamily("article_worker_redis_up", "Redis answered the scrape.", value=0)
            return
        yield GaugeMetricFamily("article_worker_redis_up", "Redis answered the scrape.", value=1)
        yield GaugeMetricFamily("article_worker_queue_depth", "Pages waiting in the queue.", value=q.queue)
        yield GaugeMetricFamily(
            "article_worker_in_flight", "Pages delivered to a worker and not yet acknowledged.", value=q.in_flight
        )
        family = GaugeMetricFamily("article_worker_stream_length", "Entries in our streams.", labels=["stream"])
        lengths = (
            ("results", q.events),
            ("skipped", q.skipped),
            ("dead_letters", q.dead_letters),
            ("intake", q.intake),
        )
        for name, length in lengths:
            family.add_metric([name], length)
        yield family
