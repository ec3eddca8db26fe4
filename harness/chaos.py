"""A chaos run: many pages, several real workers, SIGKILLs at random; then account for every message.

Every message enqueued must end as exactly one event (good pages) or exactly one dead letter (bad
pages, or good ones the kills pushed past a limit): none missing, none twice.

Whole workers are killed at any instant: the reliable fetch (worker/service/reliable_fetch.py) leaves no
moment where a fetched message is held only in a worker's memory. `only_busy_worker_kills` restricts
whole-worker kills to moments when every pool process is mid-task (no fetch in flight), which is
what kombu's plain BRPOP fetch needs (RELIABLE_FETCH=false) to lose nothing.
"""

from __future__ import annotations

import base64
import json
import os
import random
import signal
import socket
import statistics
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis

from schemas import ArticleEvent, DeadLetter
from worker.producer import enqueue_message
from worker.service.app import TASK_NAME, create_app
from worker.settings import Settings
from worker.store import keys as names

from .pages import article_html
from .workers import WorkerProcess

# VISIBILITY_TIMEOUT > HARD_TIME_LIMIT + RETRY_BACKOFF_MAX; HARD above Celery's ~5 s to notice a dead child.
# VISIBILITY_TIMEOUT is far above the run's settle time: a killed worker's pages must come back through its
# liveness key (HEARTBEAT_TTL), and the run measures how fast (Tally.redelivery).
CHAOS_ENV = {
    "HARNESS_HOLDS": "1",
    "VISIBILITY_TIMEOUT": "120",
    "RESTORE_INTERVAL": "1",
    "SOFT_TIME_LIMIT": "4",
    "HARD_TIME_LIMIT": "6",
    "RETRY_BACKOFF": "0.1",
    "RETRY_BACKOFF_MAX": "0.5",
    "HEARTBEAT_INTERVAL": "0.5",
    "HEARTBEAT_TTL": "5",
    "LOG_LEVEL": "WARNING",
}
PDF = b"%PDF-1.4" + bytes(300)
BAD = {
    "not_json": lambda i: f"<html>page {i} is not JSON</html>",
    "invalid_message": lambda i: json.dumps({"url": f"ftp://example.org/{i}", "content": "<p>x</p>"}),
    "no_article": lambda i: json.dumps({"url": f"https://x.example/{i}", "job_id": f"na-{i}", "content": "<b>x</b>"}),
    "unsupported_content": lambda i: json.dumps(
        {"url": f"https://x.example/{i}", "job_id": f"bin-{i}", "content_b64": base64.b64encode(PDF).decode()}
    ),
    "empty_page": lambda i: json.dumps({"url": f"https://x.example/{i}", "job_id": f"empty-{i}", "content": " "}),
    "refused_content_type": None,  # a pickle message, sent below
}  # fmt: skip


@dataclass
class Tally:
    pages: int = 0
    good: int = 0
    bad: int = 0
    events: int = 0
    dead_letters: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)
    stranded: int = 0  # of the missing: still queued or unacked at the end (late, not lost)
    duplicates: list[str] = field(default_factory=list)
    redelivered: int = 0
    child_kills: int = 0
    worker_kills: int = 0
    worker_exits: int = 0  # workers that exited on their own (restarted, like a supervisor would)
    seconds: float = 0.0
    # per page a killed worker held: seconds from the kill until it left that worker (restored, or taken)
    redelivery: list[float] = field(default_factory=list)
    not_back: int = 0  # pages a killed worker held that never left it

    def line(self) -> str:
        reasons = ", ".join(f"{n} {r}" for r, n in sorted(self.reasons.items()))
        return (
            f"chaos: {self.pages} pages ({self.good} good, {self.bad} bad) -> {self.events} events + "
            f"{self.dead_letters} dead letters [{reasons}]; missing {len(self.missing)} ({self.stranded} still "
            f"queued or unacked), duplicates "
            f"{len(self.duplicates)}; {self.child_kills} pool-child and {self.worker_kills} whole-worker SIGKILLs, "
            f"{self.redelivered} pages redelivered, {self.worker_exits} worker exits; {self.seconds:.1f}s; "
            f"{self.redelivery_line()}"
        )

    def redelivery_line(self) -> str:
        if not self.redelivery:
            return f"redelivery after whole-worker kills: none held ({self.not_back} never back)"
        r = self.redelivery
        return (
            f"redelivery after whole-worker kills: {len(r)} pages, median {statistics.median(r):.1f}s, "
            f"max {max(r):.1f}s ({self.not_back} never back)"
        )


@dataclass(frozen=True)
class Plan:
    pages: int = 300
    workers: int = 2
    concurrency: int = 2
    bad_share: float = 0.3
    held_share: float = 0.3  # pages held 0.4 s by the test hook
    chaos_seconds: float = 12.0  # kills stop after this, then the run settles
    settle_seconds: float = 60.0
    child_kill_every: float = 0.5  # mean seconds between pool-child kills
    worker_kill_every: float = 3.0  # mean seconds between whole-worker kills


@dataclass
class Sent:
    task_id: str
    job_id: str | None
    good: bool


class Chaos:
    def __init__(self, env: dict[str, str], client: redis.Redis, log_dir: Path, *, seed: int = 1) -> None:
        self.env = {**env, **CHAOS_ENV}
        self.settings = Settings(**{k.lower(): v for k, v in self.env.items()})  # type: ignore[arg-type]
        self.client = client
        self.log_dir = log_dir
        self.rng = random.Random(seed)
        self.workers: list[WorkerProcess] = []
        self.ready_at: dict[str, float] = {}  # worker name -> when its event loop surely runs
        self.gone: set[str] = set()  # workers killed by us or already replaced
        self.tally = Tally()
        self.only_busy_worker_kills = False
        self.held: dict[str, tuple[str, float]] = {}  # delivery tag -> (dead owner, when killed)

    def start_worker(self, concurrency: int) -> WorkerProcess:
        name = f"chaos{len(self.workers)}-{uuid.uuid4().hex[:4]}@test"
        worker = WorkerProcess(self.env, name, self.log_dir / f"{name}.log", concurrency)
        self.workers.append(worker)
        return worker

    def enqueue(self, pages: int, bad_share: float, held_share: float) -> list[Sent]:
        app = create_app(self.settings)
        sent = []
        for i in range(pages):
            if self.rng.random() < bad_share:
                kind = self.rng.choice(sorted(BAD))
                make = BAD[kind]
                if make is None:
                    task_id = str(uuid.uuid4())
                    app.send_task(TASK_NAME, args=["pickled"], serializer="pickle", task_id=task_id)
                else:
                    task_id = enqueue_message(make(i), app=app)
                sent.append(Sent(task_id, None, False))
                continue
            attributes: dict[str, Any] = {"n": i}
            if self.rng.random() < held_share:  # slow pages: they let whole-worker kills strike mid-task
                attributes.update(test_hold_s=0.4, test_hold_attempts=99)
            page = {"url": f"https://news.example.com/{i}", "job_id": f"chaos-{i}", "content": article_html(i, 3)[1]}
            sent.append(
                Sent(enqueue_message(json.dumps({**page, "attributes": attributes}), app=app), f"chaos-{i}", True)
            )
        app.close()
        return sent

    def busy_pids(self, worker: WorkerProcess) -> list[int]:
        """Pool pids holding a page for at least another 150 ms."""
        pids = []
        for key in self.client.scan_iter(match=self.settings.key(f"test:busy:{worker.name}:*"), count=1000):
            if int(self.client.pttl(key)) >= 150:
                pids.append(int(key.decode().rsplit(":", 1)[1]))
        return pids

    def alive(self) -> list[WorkerProcess]:
        """Live workers whose event loop runs: Celery exits ("Could not start worker processes") if a
        pool process dies before that, so kills wait for the heartbeat plus a margin."""
        now, ready = time.monotonic(), []
        for worker in self.workers:
            if worker.proc.poll() is not None:
                continue
            if worker.name not in self.ready_at and worker.alive(self.client):
                self.ready_at[worker.name] = now + 1.5
            if self.ready_at.get(worker.name, now + 1) <= now:
                ready.append(worker)
        return ready

    def supervise(self, concurrency: int) -> None:
        """Restart workers that exited without our kill, as docker's restart policy would."""
        for worker in list(self.workers):
            if worker.proc.poll() is not None and worker.name not in self.gone:
                self.gone.add(worker.name)
                self.tally.worker_exits += 1
                self.start_worker(concurrency)

    def kill_child(self) -> None:
        alive = [w for w in self.alive() if w.pool_pids()]
        if alive:
            pid = self.rng.choice(self.rng.choice(alive).pool_pids())
            try:
                os.kill(pid, signal.SIGKILL)
                self.tally.child_kills += 1
            except ProcessLookupError:
                pass

    def kill_worker(self, concurrency: int, patience: float = 1.5) -> None:
        alive = self.alive()
        if not alive:
            return
        victim = self.rng.choice(alive)
        deadline = time.monotonic() + patience
        while self.only_busy_worker_kills and time.monotonic() < deadline:
            pool = victim.pool_pids()
            if len(pool) == concurrency and set(pool) <= set(self.busy_pids(victim)):
                break
            time.sleep(0.01)
        else:
            if self.only_busy_worker_kills:
                return  # never caught it with every pool process mid-task: no kill this round
        self.gone.add(victim.name)
        victim.kill()
        killed = time.monotonic()
        self.tally.worker_kills += 1
        owner = f"{socket.gethostname()}-{victim.pid}-"
        for tag, held_by in self.owners().items():  # what it holds now that it is dead
            if held_by.startswith(owner):
                self.held[tag] = (held_by, killed)
        self.start_worker(concurrency)

    def owners(self) -> dict[str, str]:
        """Delivery tag -> owner of every unacked page (worker/service/reliable_fetch.py)."""
        raw = self.client.hgetall(self.settings.key(names.UNACKED_OWNER))
        return {tag.decode(): owner.decode() for tag, owner in raw.items()}

    def watch_held(self) -> None:
        """Time the pages of killed workers until they leave them."""
        if not self.held:
            return
        now = self.owners()
        for tag, (owner, killed) in list(self.held.items()):
            if now.get(tag) != owner:
                self.tally.redelivery.append(time.monotonic() - killed)
                del self.held[tag]

    def run(self, plan: Plan) -> Tally:
        started = time.monotonic()
        for _ in range(plan.workers):
            self.start_worker(plan.concurrency)
        sent = self.enqueue(plan.pages, plan.bad_share, plan.held_share)
        next_child, next_worker = time.monotonic() + 1.0, time.monotonic() + 2.0
        while time.monotonic() - started < plan.chaos_seconds and not self.finished(sent):
            now = time.monotonic()
            if now >= next_child:
                self.kill_child()
                next_child = now + self.rng.uniform(0.5, 1.5) * plan.child_kill_every
            if now >= next_worker:
                self.kill_worker(plan.concurrency)
                next_worker = time.monotonic() + self.rng.uniform(0.5, 1.5) * plan.worker_kill_every
            self.supervise(plan.concurrency)
            self.watch_held()
            time.sleep(0.02)
        deadline = time.monotonic() + plan.settle_seconds
        while time.monotonic() < deadline and (self.held or not self.finished(sent)):
            self.supervise(plan.concurrency)
            self.watch_held()
            time.sleep(0.1)
        self.tally.not_back = len(self.held)
        time.sleep(0.5)  # a duplicate, if any, would land now
        self.account(sent)
        self.tally.seconds = time.monotonic() - started
        return self.tally

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop(timeout=5)

    def _entries(self, stream: str) -> list[dict[bytes, bytes]]:
        return [fields for _, fields in self.client.xrange(self.settings.key(stream))]

    def finished(self, sent: list[Sent]) -> bool:
        total = self.client.xlen(self.settings.key(self.settings.results_stream))
        total += self.client.xlen(self.settings.key(self.settings.dead_letter_stream))
        return int(total) >= len(sent)

    def waiting_task_ids(self) -> set[str]:
        """Task ids of messages still in the queue, a consumer's processing list or kombu's unacked hash."""
        raw: list[Any] = list(self.client.hvals(self.settings.key("unacked")))
        lists = [*self.client.scan_iter(match=self.settings.key(f"{self.settings.pages_queue}*"), count=1000)]
        lists += self.client.scan_iter(match=self.settings.key("processing:*"), count=1000)
        for key in lists:
            if self.client.type(key) == b"list":
                raw += [[item] for item in self.client.lrange(key, 0, -1)]
        ids = set()
        for entry in raw:
            payload = json.loads(entry)[0] if isinstance(entry, bytes) else json.loads(entry[0])
            ids.add(str((payload.get("headers") or {}).get("id")))
        return ids

    def account(self, sent: list[Sent]) -> None:
        t = self.tally
        events = [ArticleEvent.model_validate_json(f[b"event"]) for f in self._entries(self.settings.results_stream)]
        letters = [
            DeadLetter.model_validate_json(f[b"dead_letter"]) for f in self._entries(self.settings.dead_letter_stream)
        ]
        by_job: dict[str, list[ArticleEvent]] = {}
        for event in events:
            by_job.setdefault(event.job_id, []).append(event)
        by_task: Counter[str | None] = Counter(d.task_id for d in letters)
        t.pages, t.good = len(sent), sum(s.good for s in sent)
        t.bad, t.events, t.dead_letters = t.pages - t.good, len(events), len(letters)
        t.reasons = Counter(d.reason.value for d in letters)
        t.redelivered = sum(1 for e in events if e.attempts > 1)
        waiting = self.waiting_task_ids()
        for s in sent:
            got = len(by_job.get(s.job_id or "", [])) + by_task[s.task_id]
            if got == 0:
                t.missing.append(s.job_id or s.task_id)
                t.stranded += s.task_id in waiting
            elif got > 1:
                t.duplicates.append(s.job_id or s.task_id)
