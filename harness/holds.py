"""Holding a page mid-task, so kill tests and chaos runs can strike while it runs; no line of it in the product.

`python -m harness.holds ARGS...` runs `article-worker ARGS...` after wrapping two seams of the page
handler, in the main process before the pool forks (so every pool process has them):

- the pipeline call, `worker.page.process.extract`: a hold at "start", after the message is decoded
  and its attempt counted;
- the event write, `worker.store.streams.Streams.publish_event`: a hold at "published", after the
  event is written and before the message is acknowledged.

A page asks for a hold with its attributes: `test_hold_s` (seconds), `test_hold_at` ("start", the
default, or "published") and `test_hold_attempts` (hold the first N times the page gets there,
default 1). While holding, the key `test:busy:<worker>:<pid>` (expiring with the hold) tells the
test which pool process is mid-task. A worker started without this launcher has no such code path.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable
from typing import Any

import redis

ENV = "HARNESS_HOLDS"  # WorkerProcess starts a worker through this module when its environment sets it to 1


def _worker_name(argv: list[str]) -> str:
    for flag in ("-n", "--hostname"):
        if flag in argv[:-1]:
            return argv[argv.index(flag) + 1]
    return "celery@unknown"


class Holds:
    def __init__(self, worker: str) -> None:
        self.worker = worker
        self.prefix = os.environ.get("KEY_PREFIX", "")
        self.url = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
        self._client: redis.Redis | None = None
        self._pid = 0

    @property
    def client(self) -> redis.Redis:
        if self._client is None or self._pid != os.getpid():  # one per pool process, made after the fork
            self._client, self._pid = redis.Redis.from_url(self.url, socket_timeout=5), os.getpid()
        return self._client

    def hold(self, attributes: dict[str, Any], job: str, stage: str) -> None:
        seconds = attributes.get("test_hold_s")
        if not isinstance(seconds, (int, float)) or seconds <= 0 or attributes.get("test_hold_at", "start") != stage:
            return
        try:
            seen = int(self.client.incr(f"{self.prefix}test:holds:{stage}:{job}"))
            if seen > int(attributes.get("test_hold_attempts", 1)):
                return
            busy = f"{self.prefix}test:busy:{self.worker}:{os.getpid()}"
            self.client.set(busy, job, px=max(1, int(seconds * 1000)))
        except redis.RedisError:  # Redis is down (a test made it so): no hold, and the page goes on as it would
            return
        time.sleep(seconds)


def install(holds: Holds) -> None:
    from worker.page import process
    from worker.store.streams import Streams

    extract: Callable[..., Any] = process.extract

    @functools.wraps(extract)
    def held_extract(raw: Any, *args: Any, **kwargs: Any) -> Any:
        holds.hold(raw.attributes, raw.job_id or raw.url, "start")
        return extract(raw, *args, **kwargs)

    publish_event = Streams.publish_event

    @functools.wraps(publish_event)
    def held_publish_event(self: Streams, event: Any, *args: Any, **kwargs: Any) -> Any:
        published = publish_event(self, event, *args, **kwargs)
        holds.hold(event.attributes, event.job_id, "published")
        return published

    process.extract = held_extract  # type: ignore[assignment]
    Streams.publish_event = held_publish_event  # type: ignore[method-assign]


def main() -> None:
    argv = sys.argv[1:]
    install(Holds(_worker_name(argv)))
    from worker.cli import main as cli

    cli(args=argv, prog_name="article-worker")


if __name__ == "__main__":
    main()
