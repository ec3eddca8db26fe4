"""Prometheus metrics, safe with the prefork pool; inert unless METRICS_PORT is set and the extra installed.

Pool processes count into files in PROMETHEUS_MULTIPROC_DIR (prometheus-client's multiprocess mode;
a fresh temp dir by default), the main worker process serves their sum on METRICS_PORT, and queue
depth is read from Redis at scrape time, so it is never stale.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from celery import signals

from schemas import Article

from .settings import Settings, get_settings

if TYPE_CHECKING:
    from .outcomes import PageOutcome

log = logging.getLogger("article_worker.metrics")
DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Always present in an Article, so no fill rate to speak of.
ALWAYS = {"url", "body_text", "word_count", "reading_time_minutes", "input_format", "provenance"}
FILLABLE = tuple(name for name in Article.model_fields if name not in ALWAYS)
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60)
_m: dict[str, Any] = {}  # metric objects, created by enable() in the main process, inherited by the pool


def enable(settings: Settings) -> bool:
    """In the main worker process, before the pool forks; False (and a warning) without the extra."""
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
    signals.worker_ready.connect(_serve, weak=False)
    return True


def observe(page: PageOutcome) -> None:
    """Count one page's outcome; a no-op while metrics are off."""
    if not _m:
        return
    _m["pages"].labels(page.outcome, page.reason or "").inc()
    if page.duration_ms is not None and page.outcome != "retry":
        _m["duration"].labels(page.outcome).observe(page.duration_ms / 1000)
    if page.outcome == "dead_letter":
        _m["dead"].labels(page.reason or "").inc()
    if page.article is not None and page.outcome == "event":
        for name in FILLABLE:
            if getattr(page.article, name) not in (None, [], "", {}):
                _m["filled"].labels(name).inc()


def _serve(**_: Any) -> None:
    """Start the endpoint in the main process once the pool is up (worker_ready)."""
    if "server" in _m:
        return
    from prometheus_client import CollectorRegistry, start_http_server
    from prometheus_client.multiprocess import MultiProcessCollector

    from .queue_metrics import QueueCollector

    settings = get_settings()
    registry = CollectorRegistry()
    MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    registry.register(QueueCollector(settings))
    try:
        _m["server"] = start_http_server(settings.metrics_port, registry=registry)
    except OSError as exc:  # e.g. a second worker on this host with the same port: work on, without an endpoint
        log.error("metrics endpoint not started on port %d: %s", settings.metrics_port, exc)
        return
    log.info("metrics on :%d/metrics", settings.metrics_port)


def _process_exited(**_: Any) -> None:
    """A pool process is gone: drop its live gauges (counters stay summed, as they should)."""
    if _m:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]


signals.worker_process_shutdown.connect(_process_exited)
