"""Run real worker processes over a prepared queue and time them from the streams' own entry ids.

Entry ids carry Redis's millisecond clock, so the rate excludes worker start-up and polling delay.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import redis
from celery import Celery

from tests.support.workers import WorkerProcess
from worker.celery_app import create_app
from worker.producer import enqueue_message
from worker.settings import Settings

from .common import REDIS_URL, bench_redis, delete_prefix, new_prefix


@dataclass(frozen=True)
class Drain:
    messages: int
    events: int
    dead: int
    seconds: float

    @property
    def rate(self) -> float:
        return (self.messages - 1) / self.seconds if self.seconds > 0 else float("nan")


class Bench:
    """One key prefix on the shared Redis, deleted on exit; never a flush."""

    def __init__(self, tag: str, **env: str) -> None:
        self.prefix = new_prefix(tag)
        self.env = {
            "REDIS_URL": REDIS_URL,
            "KEY_PREFIX": self.prefix,
            "HEARTBEAT_INTERVAL": "0.5",
            "LOG_LEVEL": "INFO",
            **env,
        }
        self.settings = Settings(redis_url=REDIS_URL, key_prefix=self.prefix)
        self.client: redis.Redis = bench_redis()
        self.app: Celery = create_app(self.settings)
        self.logs = Path(tempfile.mkdtemp(prefix="awbench-"))

    def close(self) -> None:
        self.app.close()
        delete_prefix(self.client, self.prefix)

    def queue_key(self) -> str:
        return self.settings.key(self.settings.pages_queue)

    def results_key(self) -> str:
        return self.settings.key(self.settings.results_stream)

    def dead_key(self) -> str:
        return self.settings.key(self.settings.dead_letter_stream)

    def send(self, messages: list[str]) -> None:
        for message in messages:
            enqueue_message(message, app=self.app)

    def done(self) -> int:
        return int(self.client.xlen(self.results_key())) + int(self.client.xlen(self.dead_key()))

    @contextlib.contextmanager
    def workers(self, count: int = 1, concurrency: int = 1, **env: str) -> Iterator[list[WorkerProcess]]:
        procs = []
        try:
            for i in range(count):
                name = f"bench{i}-{uuid.uuid4().hex[:6]}@host{i}"
                procs.append(WorkerProcess({**self.env, **env}, name, self.logs / f"{name}.log", concurrency))
            for proc in procs:
                proc.wait_ready(self.client)
            yield procs
        finally:
            for proc in procs:
                proc.stop()

    def wait(self, total: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.done() < total:
            if time.monotonic() > deadline:
                raise TimeoutError(f"only {self.done()} of {total} messages done after {timeout}s")
            time.sleep(0.2)

    def span(self, total: int) -> Drain:
        """Time from the first entry to the last, over both streams (their ids are Redis clock ms)."""
        stamps: list[int] = []
        counts = []
        for key in (self.results_key(), self.dead_key()):
            ids = [_text(entry_id) for entry_id, _ in self.client.xrange(key) or []]
            counts.append(len(ids))
            stamps += [int(entry_id.split("-")[0]) for entry_id in ids]
        seconds = (max(stamps) - min(stamps)) / 1000 if stamps else 0.0
        return Drain(total, counts[0], counts[1], seconds)

    def reset_streams(self) -> None:
        self.client.delete(self.results_key(), self.dead_key())
        for key in self.client.scan_iter(match=f"{self.prefix}published:*", count=1000):
            self.client.delete(key)


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def drain(bench: Bench, messages: list[str], *, count: int = 1, concurrency: int = 1, timeout: float = 900) -> Drain:
    """Fill the queue first, then start the workers and let them empty it."""
    bench.reset_streams()
    bench.send(messages)
    with bench.workers(count, concurrency):
        bench.wait(len(messages), timeout)
    return bench.span(len(messages))
