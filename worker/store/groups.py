"""One consumer in a Redis consumer group: its own pending entries, then stale ones of others, then new.

Shared by the intake (pages:in) and `article-worker consume` (articles). Entries are acknowledged
only by the caller, after it has done its work: a consumer that dies leaves them pending, and
another one claims them (XAUTOCLAIM) once they have been idle for `claim_idle` seconds.
"""

from __future__ import annotations

import time
from typing import Any

import redis
from redis.exceptions import ResponseError

Entry = tuple[str, dict[bytes, bytes]]


def _id(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class GroupReader:
    def __init__(
        self, client: redis.Redis, stream: str, group: str, consumer: str, *, claim_idle: float, start: str = "0"
    ) -> None:
        self.client: Any = client  # redis-py's reply types are too loose to be useful
        self.stream, self.group, self.consumer = stream, group, consumer
        self.claim_idle_ms = max(1, int(claim_idle * 1000))
        self.start = start
        self._own_pending = True  # a restart under the same name resumes its own pending entries first
        self._claim_cursor = "0-0"
        self._next_claim = 0.0

    def ensure_group(self) -> None:
        """Create the group (and the stream) if needed; a new group starts at `start` (0: everything)."""
        try:
            self.client.xgroup_create(self.stream, self.group, id=self.start, mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def read(self, count: int, block_ms: int) -> list[Entry]:
        """The next entries to handle. An entry deleted from the stream while pending has empty fields."""
        try:
            return self._read(count, block_ms)
        except ResponseError as exc:
            if "NOGROUP" not in str(exc):
                raise
            self.ensure_group()  # the stream was deleted (or the group destroyed) under us: start afresh
            return []

    def _read(self, count: int, block_ms: int) -> list[Entry]:
        if self._own_pending:
            entries = self._xreadgroup("0", count, None)
            if entries:
                return entries
            self._own_pending = False
        if time.monotonic() >= self._next_claim:
            claimed = self._claim(count)
            if claimed:
                return claimed
        return self._xreadgroup(">", count, block_ms)

    def ack(self, entry_ids: list[str], delete: bool = False) -> None:
        """Acknowledge (and with `delete`, remove from the stream) in one transaction."""
        if not entry_ids:
            return
        pipe = self.client.pipeline(transaction=True)
        pipe.xack(self.stream, self.group, *entry_ids)
        if delete:
            pipe.xdel(self.stream, *entry_ids)
        pipe.execute()

    def retry_pending(self) -> None:
        """Hand-off failed: read our own pending entries again on the next call."""
        self._own_pending = True

    def _xreadgroup(self, from_id: str, count: int, block_ms: int | None) -> list[Entry]:
        reply = self.client.xreadgroup(self.group, self.consumer, {self.stream: from_id}, count=count, block=block_ms)
        if not reply:
            return []
        # RESP2 gives [[stream, entries]], RESP3 a {stream: [entries]} mapping.
        entries = next(iter(reply.values()))[0] if isinstance(reply, dict) else reply[0][1]
        return [(_id(entry_id), fields or {}) for entry_id, fields in entries]

    def _claim(self, count: int) -> list[Entry]:
        reply = self.client.xautoclaim(
            self.stream, self.group, self.consumer, self.claim_idle_ms, start_id=self._claim_cursor, count=count
        )
        self._claim_cursor = _id(reply[0])
        if self._claim_cursor == "0-0":  # a full pass over the pending list: look again in a while
            self._next_claim = time.monotonic() + min(5.0, self.claim_idle_ms / 2000)
        return [(_id(entry_id), fields or {}) for entry_id, fields in reply[1] if entry_id is not None]
