"""The bootstep that keeps a worker's liveness (worker/ops/liveness.py) fresh from the consumer's timer.

The main process's timer keeps beating while pool processes are busy, which is what makes
`article-worker check` trustworthy under load, unlike a remote-control ping that queues behind work.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any, ClassVar

from celery import bootsteps
from redis.exceptions import RedisError

from ..ops import liveness
from .app import service_of

log = logging.getLogger("article_worker.heartbeat")


class Heartbeat(bootsteps.StartStopStep):  # type: ignore[misc]
    requires: ClassVar[set[str]] = {"celery.worker.consumer.tasks:Tasks"}

    def __init__(self, parent: Any, **kwargs: Any) -> None:
        self.tref: Any = None

    def start(self, c: Any) -> None:
        service = service_of(c.app)
        settings = service.settings
        self.client = service.pages.streams.client
        self.prefix, self.ttl, self.hostname = settings.key_prefix, settings.heartbeat_ttl, c.hostname
        self.beat()
        self.tref = c.timer.call_repeatedly(settings.heartbeat_interval, self.beat)

    def beat(self) -> None:
        try:
            liveness.beat(self.client, self.prefix, self.hostname, self.ttl)
        except RedisError as exc:
            log.warning("heartbeat not written: %s", type(exc).__name__)

    def stop(self, c: Any) -> None:
        if self.tref is not None:
            self.tref.cancel()
            self.tref = None
        with contextlib.suppress(RedisError, AttributeError):
            liveness.forget(self.client, self.prefix, self.hostname)

    shutdown = stop
