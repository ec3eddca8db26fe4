"""The figures `article-worker stats` shows, read straight from Redis (no worker involved)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from redis.exceptions import ResponseError

from .heartbeats import alive_names
from .settings import Settings
from .store.counting import StreamCounter

# kombu's Redis transport: a queue's priority sublists are "<queue>\x06\x16<n>"; unacked is a hash.
PRIORITY_SEP = "\x06\x16"
UNACKED = "unacked"


def queue_keys(s: Settings) -> list[str]:
    """The Celery queue's Redis lists: the queue itself and its priority sublists (absent ones count 0)."""
    return [s.key(s.pages_queue)] + [s.key(f"{s.pages_queue}{PRIORITY_SEP}{p}") for p in range(1, 10)]


@dataclass
class Stats:
    queue: int
    in_flight: int
    intake: int
    intake_pending: int
    events: int
    dead_letters: int
    dead_by_reason: dict[str, int]
    events_last_minute: int
    events_per_second: float
    workers: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class StatsReader:
    """Reads the figures; keeps a running dead-letter count so `--watch` only scans new entries."""

    def __init__(self, client: Any, settings: Settings) -> None:
        self.client = client
        self.s = settings
        self.counter = StreamCounter(client)
        self._dead_after = "-"
        self._by_reason: dict[str, int] = {}

    def read(self) -> Stats:
        s, c = self.s, self.client
        pipe = c.pipeline(transaction=False)
        for key in queue_keys(s):
            pipe.llen(key)
        pipe.hlen(s.key(UNACKED))
        for stream in (s.intake_stream, s.results_stream, s.dead_letter_stream):
            pipe.xlen(s.key(stream))
        pipe.time()
        *lengths, in_flight, intake, events, dead, (now_s, now_us) = pipe.execute()
        now_ms = now_s * 1000 + now_us // 1000
        last_minute, _ = self.counter.count(s.key(s.results_stream), f"{now_ms - 60_000}-0", "+", "")
        return Stats(
            queue=sum(lengths),
            in_flight=in_flight,
            intake=intake,
            intake_pending=self.intake_pending(),
            events=events,
            dead_letters=dead,
            dead_by_reason=self.dead_by_reason(dead),
            events_last_minute=last_minute,
            events_per_second=round(last_minute / 60, 2),
            workers=self.workers(),
        )

    def dead_by_reason(self, length: int) -> dict[str, int]:
        if sum(self._by_reason.values()) > length:  # entries were trimmed or deleted: count afresh
            self._dead_after, self._by_reason = "-", {}
        stream = self.s.key(self.s.dead_letter_stream)
        newest = self.client.xrevrange(stream, count=1)
        if not newest:
            return dict(self._by_reason)
        _, counts = self.counter.count(stream, self._dead_after, newest[0][0].decode(), "reason")
        for reason, n in counts.items():
            self._by_reason[reason] = self._by_reason.get(reason, 0) + n
        self._dead_after = "(" + newest[0][0].decode()
        return dict(sorted(self._by_reason.items(), key=lambda item: (-item[1], item[0])))

    def intake_pending(self) -> int:
        try:
            return int(self.client.xpending(self.s.key(self.s.intake_stream), self.s.intake_group)["pending"])
        except ResponseError:  # no stream or no group yet
            return 0

    def workers(self) -> list[str]:
        return alive_names(self.client, self.s)
