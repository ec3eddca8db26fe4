"""A liveness key per worker, refreshed from the consumer's event loop.

The main process's timer keeps beating while pool processes are busy, which is what makes
`article-worker check` trustworthy under load, unlike a remote-control ping that queues behind work.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from typing import Any, ClassVar

from celery import bootsteps
from redis.exceptions import RedisError

from .heartbeats import KEY
from .runtime import streams
from .settings import get_settings

log = logging.getLogger("article_worker.heartbeat")


class Heartbeat(bootsteps.StartStopStep):  # type: ignore[misc]
    requires: ClassVar[set[str]] = {"celery.worker.consumer.tasks:Tasks"}

    def __init__(self, parent: Any, **kwargs: Any) -> None:
        self.tref: Any = None

    def start(self, c: Any) -> None:
        settings = get_settings()
        self.key = settings.key(KEY.format(c.hostname))
        self.hostname = c.hostname
        self.beat()
        self.tref = c.timer.call_repeatedly(settings.heartbeat_interval, self.beat)

    def beat(self) -> None:
        settings = get_settings()
        payload = {"hostname": self.hostname, "pid": os.getpid(), "at": time.time()}
        try:
            streams().client.set(self.key, json.dumps(payload), ex=settings.heartbeat_ttl)
        except RedisError as exc:
            log.warning("heartbeat not written: %s", type(exc).__name__)

    def stop(self, c: Any) -> None:
        if self.tref is not None:
            self.tref.cancel()
            self.tref = None
        with contextlib.suppress(RedisError, AttributeError):
            streams().client.delete(self.key)

    shutdown = stop
