"""Run real worker processes over a prepared queue and time them from the streams' own entry ids.

Entry ids carry Redis's millisecond clock, so the rate excludes worker start-up and polling delay.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import redis
from celery import Celery

from harness.workers import WorkerProcess
from worker.producer import enqueue, enqueue_message
from worker.service.app import create_app
from worker.settings import Settings

from .common import bench_redis, delete_prefix, new_prefix, redis_url

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int, *, reaped: bool = True) -> float:
    """User + system CPU of a process (and of its reaped children, e.g. recycled pool processes)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if reaped else 0)
    return ticks / TICK


def worker_cpu(procs: list[WorkerProcess]) -> float:
    return sum(cpu_seconds(p.pid) + sum(cpu_seconds(c, reaped=False) for c in p.pool_pids()) for p in procs)


def redis_cpu(client: redis.Redis) -> float:
    info = client.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


@dataclass(frozen=True)
class Drain:
    messages: int
    events: int
    dead: int
    seconds: float
    skipped: int = 0  # pages of another type than ACCEPT_PAGE_TYPES: the skipped-page stream
    worker_cpu: float = 0.0  # seconds, all worker processes, while draining
    redis_cpu: float = 0.0  # seconds, the whole Redis server (shared: an upper bound for our part)

    @property
    def cpu_ms(self) -> float:
        return self.worker_cpu / self.messages * 1000

    @property
    def redis_ms(self) -> float:
        return self.redis_cpu / self.messages * 1000

    @property
    def rate(self) -> float:
        return (self.messages - 1) / self.seconds if self.seconds > 0 else float("nan")


class Bench:
    """One key prefix on the shared Redis, deleted on exit; never a flush."""

    def __init__(self, tag: str, **env: str) -> None:
        self.prefix = new_prefix(tag)
        self.env = {
            "REDIS_URL": redis_url(),
            "KEY_PREFIX": self.prefix,
            "LOG_LEVEL": "INFO",
            **env,
        }
        self.settings = Settings(redis_url=redis_url(), key_prefix=self.prefix)
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

    def skipped_key(self) -> str:
        return self.settings.key(self.settings.skipped_stream)

    def outcome_keys(self) -> tuple[str, str, str]:
        """Every stream a page can end in: each message lands in exactly one."""
        return self.results_key(), self.dead_key(), self.skipped_key()

    def send(self, messages: list[str], *, claim_check: bool = True) -> None:
        """As a producer does, through `enqueue` (large pages go by claim check, see CLAIM_CHECK_BYTES);
        `claim_check=False` sends every page inline, as `enqueue` does with CLAIM_CHECK_BYTES=0."""
        for message in messages:
            if claim_check:
                enqueue(json.loads(message), app=self.app)
            else:
                enqueue_message(message, app=self.app)

    def queued_bytes(self) -> int:
        """Redis memory of what waits for a worker: the queue list and the claim-checked pages."""
        keys = [self.queue_key(), *self.client.scan_iter(match=f"{self.prefix}claim:*", count=1000)]
        return sum(int(self.client.memory_usage(key, samples=0) or 0) for key in keys)

    def clear_queue(self) -> None:
        self.client.delete(self.queue_key())
        for key in self.client.scan_iter(match=f"{self.prefix}claim:*", count=1000):
            self.client.delete(key)

    def hold_queue(self) -> str:
        return f"{self.settings.pages_queue}-hold"

    def consume(self, names: list[str]) -> None:
        """Move the workers named from the hold queue to the pages queue. The hold queue goes first:
        with two queues the worker would fetch by kombu's BRPOP, not by our single-queue BLMOVE."""
        self._control("cancel_consumer", self.hold_queue(), names)
        self._control("add_consumer", self.settings.pages_queue, names)
        for name, queues in (self.app.control.inspect(destination=names, timeout=10).active_queues() or {}).items():
            if [queue["name"] for queue in queues] != [self.settings.pages_queue]:
                raise RuntimeError(f"{name} consumes {[queue['name'] for queue in queues]}")

    def _control(self, command: str, queue: str, names: list[str]) -> None:
        replies = getattr(self.app.control, command)(queue, destination=names, reply=True, timeout=10)
        answered = {name for reply in replies or [] for name, answer in reply.items() if "ok" in answer}
        if answered != set(names):
            raise RuntimeError(f"{command}: only {sorted(answered)} of {sorted(names)} answered: {replies}")

    def done(self) -> int:
        return sum(int(self.client.xlen(key)) for key in self.outcome_keys())

    @contextlib.contextmanager
    def workers(
        self, count: int = 1, concurrency: int = 1, extra: tuple[str, ...] = (), **env: str
    ) -> Iterator[list[WorkerProcess]]:
        procs = []
        try:
            for i in range(count):
                name = f"bench{i}-{uuid.uuid4().hex[:6]}@host{i}"
                procs.append(WorkerProcess({**self.env, **env}, name, self.logs / f"{name}.log", concurrency, extra))
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
        """Time from the first entry to the last, over the three outcome streams (their ids are Redis clock ms)."""
        stamps: list[int] = []
        counts = []
        for key in self.outcome_keys():
            ids = [_text(entry_id) for entry_id, _ in self.client.xrange(key) or []]
            counts.append(len(ids))
            stamps += [int(entry_id.split("-")[0]) for entry_id in ids]
        seconds = (max(stamps) - min(stamps)) / 1000 if stamps else 0.0
        return Drain(total, counts[0], counts[1], seconds, skipped=counts[2])

    def reset_streams(self) -> None:
        self.client.delete(*self.outcome_keys())
        for key in self.client.scan_iter(match=f"{self.prefix}published:*", count=1000):
            self.client.delete(key)


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def drain(
    bench: Bench,
    messages: list[str],
    *,
    count: int = 1,
    concurrency: int = 1,
    extra: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    timeout: float = 900,
    claim_check: bool = True,
) -> Drain:
    """Fill the queue, then let the started workers drain it: "enqueue N pages, drain them".

    The workers start on an idle queue and are moved to the filled one only once every one of them is
    up (Celery's `cancel_consumer` and `add_consumer` control commands), so that neither start-up nor
    the producer's CPU is in the figures: on a 2-core machine the producer would take CPU from the
    workers it measures."""
    bench.reset_streams()
    hold = ("--queues", bench.hold_queue())
    with bench.workers(count, concurrency, (*extra, *hold), **(env or {})) as procs:
        bench.send(messages, claim_check=claim_check)
        time.sleep(1)  # pool processes forked and idle, event loops listening for control commands
        cpu, server = worker_cpu(procs), redis_cpu(bench.client)
        bench.consume([proc.name for proc in procs])
        bench.wait(len(messages), timeout)
        cpu, server = worker_cpu(procs) - cpu, redis_cpu(bench.client) - server
    span = bench.span(len(messages))
    return dataclasses.replace(span, worker_cpu=cpu, redis_cpu=server)
