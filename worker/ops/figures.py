"""The figures of a deployment, read straight from Redis (no worker involved).

`queue_figures` is the one reading of the queue and the streams: `stats` shows it, and the metrics
serve it as gauges at scrape time. `StatsReader` adds what only `stats` shows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from redis.exceptions import ResponseError

from ..store.counting import StreamCounter
from ..store.keys import Keys
from . import liveness

if TYPE_CHECKING:
    from ..settings import Settings


@dataclass(frozen=True)
class QueueFigures:
    queue: int  # pages waiting in the Celery queue, its priority sub-lists included
    in_flight: int  # delivered to a worker and not yet acknowledged (kombu's unacked hash)
    intake: int  # entries in the intake stream: its backlog
    events: int
    skipped: int
    dead_letters: int
    redis_time_ms: int  # Redis's clock, for rates over stream entry ids (which are Redis timestamps)


def queue_figures(client: Any, keys: Keys) -> QueueFigures:
    """One round trip; a key of another type (an operator's mistake) counts 0 instead of failing."""
    pipe = client.pipeline(transaction=False)
    lists = keys.queue_lists()
    for key in lists:
        pipe.llen(key)
    pipe.hlen(keys.unacked)
    for stream in (keys.intake, keys.results, keys.skipped, keys.dead_letters):
        pipe.xlen(stream)
    pipe.time()
    *replies, (seconds, micros) = pipe.execute(raise_on_error=False)
    counts = [_count(reply) for reply in replies]
    in_flight, intake, events, skipped, dead = counts[len(lists) :]
    now_ms = int(seconds) * 1000 + int(micros) // 1000
    return QueueFigures(sum(counts[: len(lists)]), in_flight, intake, events, skipped, dead, now_ms)


def _count(reply: Any) -> int:
    return reply if isinstance(reply, int) else 0


@dataclass
class Stats:
    queue: int
    in_flight: int
    intake: int
    intake_pending: int
    events: int
    skipped: int
    skipped_by_type: dict[str, int]
    dead_letters: int
    dead_by_reason: dict[str, int]
    events_last_minute: int
    events_per_second: float
    workers: list[str] = field(default_factory=list)
    duplicates: int = 0  # pages that published nothing: the same page was published within DEDUP_TTL

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class RunningCount:
    """Entries of a stream by the value of one field, counted once each: `--watch` scans only new entries."""

    def __init__(self, counter: StreamCounter, stream: str, field: str) -> None:
        self.counter, self.stream, self.field = counter, stream, field
        self._after = "-"
        self._counts: dict[str, int] = {}

    def read(self, client: Any, length: int) -> dict[str, int]:
        """`length`: the stream's length now; fewer entries than counted means some were trimmed or deleted."""
        if sum(self._counts.values()) > length:
            self._after, self._counts = "-", {}
        newest = client.xrevrange(self.stream, count=1)
        if not newest:
            return dict(self._counts)
        _, counts = self.counter.count(self.stream, self._after, newest[0][0].decode(), self.field)
        for value, n in counts.items():
            self._counts[value] = self._counts.get(value, 0) + n
        self._after = "(" + newest[0][0].decode()
        return dict(sorted(self._counts.items(), key=lambda item: (-item[1], item[0])))


class StatsReader:
    """Reads the figures; keeps running counts of dead letters by reason and skipped pages by type."""

    def __init__(self, client: Any, settings: Settings) -> None:
        self.client = client
        self.s = settings
        self.keys = Keys(settings)
        self.counter = StreamCounter(client)
        self.dead_reasons = RunningCount(self.counter, self.keys.dead_letters, "reason")
        self.skipped_types = RunningCount(self.counter, self.keys.skipped, "page_type")

    def read(self) -> Stats:
        q = queue_figures(self.client, self.keys)
        last_minute, _ = self.counter.count(self.keys.results, f"{q.redis_time_ms - 60_000}-0", "+", "")
        return Stats(
            queue=q.queue,
            in_flight=q.in_flight,
            intake=q.intake,
            intake_pending=self.intake_pending(),
            events=q.events,
            skipped=q.skipped,
            skipped_by_type=self.skipped_types.read(self.client, q.skipped),
            dead_letters=q.dead_letters,
            dead_by_reason=self.dead_reasons.read(self.client, q.dead_letters),
            events_last_minute=last_minute,
            events_per_second=round(last_minute / 60, 2),
            workers=liveness.alive_names(self.client, self.s.key_prefix),
            duplicates=self.duplicates(),
        )

    def duplicates(self) -> int:
        try:
            return int(self.client.hget(self.keys.counts, "duplicate") or 0)
        except ResponseError:  # a key of another type: an operator's mistake counts 0
            return 0

    def intake_pending(self) -> int:
        try:
            return int(self.client.xpending(self.keys.intake, self.s.intake_group)["pending"])
        except ResponseError:  # no stream or no group yet
            return 0
