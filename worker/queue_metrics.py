"""Queue depth, in-flight pages and stream lengths, read from Redis when Prometheus scrapes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from redis.exceptions import RedisError

from .settings import Settings
from .store.client import make_client

log = logging.getLogger("article_worker.metrics")


class QueueCollector:
    """A custom collector: a gauge computed at scrape time instead of kept up to date by every process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = make_client(settings.redis_url, retries=1, timeout=2.0)

    def describe(self) -> list[Any]:
        return []  # unknown until scraped; keeps registration from calling collect()

    def collect(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily

        s = self.settings
        streams = {"results": s.results_stream, "dead_letters": s.dead_letter_stream, "intake": s.intake_stream}
        try:
            pipe = self.client.pipeline(transaction=False)
            pipe.llen(s.key(s.pages_queue))
            pipe.hlen(s.key("unacked"))  # kombu's hash of delivered, unacknowledged messages
            for key in streams.values():
                pipe.xlen(s.key(key))
            depth, in_flight, *lengths = pipe.execute(raise_on_error=False)
        except RedisError as exc:
            log.warning("metrics: Redis unreachable at scrape: %s", type(exc).__name__)
            yield GaugeMetricFamily("article_worker_redis_up", "Redis answered the scrape.", value=0)
            return
        yield GaugeMetricFamily("article_worker_redis_up", "Redis answered the scrape.", value=1)
        yield GaugeMetricFamily("article_worker_queue_depth", "Pages waiting in the queue.", value=_n(depth))
        yield GaugeMetricFamily(
            "article_worker_in_flight", "Pages delivered to a worker and not yet acknowledged.", value=_n(in_flight)
        )
        family = GaugeMetricFamily("article_worker_stream_length", "Entries in our streams.", labels=["stream"])
        for name, length in zip(streams, lengths, strict=True):
            family.add_metric([name], _n(length))
        yield family


def _n(value: Any) -> float:
    """A count from a pipeline reply; an error reply (e.g. a key of another type) counts as 0."""
    return float(value) if isinstance(value, int) else 0.0
