"""kombu's Redis transport with reliable fetch (`BLMOVE` instead of `BRPOP`) and dead-owner restore.

Reliable fetch: `BLMOVE` into a per-consumer list instead of `BRPOP`.

With `BRPOP` the message leaves the queue before kombu records it in its unacked hash, so a worker
killed in between loses it. Here the pop atomically parks it in `processing:<consumer>:<queue>`; it
leaves that list in the same MULTI/EXEC that writes kombu's unacked hash. Any worker's restore sweep moves the
lists of consumers that stopped refreshing their `processing-alive:` key back onto their queue (a
message in both places comes back twice: publish-once makes that harmless).
Used for single-key fetches only (one queue, no priority steps: RELIABLE_FETCH=true); otherwise kombu's
BRPOP is kept.

Dead-owner restore: kombu keeps every delivered, unacknowledged message in its `unacked` hash (by
delivery tag) and the time of delivery in the `unacked_index` zset; its sweep (`restore_visible`)
puts back only those older than VISIBILITY_TIMEOUT (5 minutes), because it cannot tell a dead
worker's pages from a slow one's. Here each unacked message is also tied to its owner, the worker
process that took it (`unacked_owner` hash: delivery tag -> owner id, written and removed in the
same MULTI/EXEC as kombu's entries), and the owner keeps a liveness key `owner-alive:<owner id>`
fresh from its event loop's timer (every HEARTBEAT_INTERVAL, expiring after HEARTBEAT_TTL). On the
same timer each worker restores the messages of owners whose key is gone (one HGETALL of the
in-flight messages and one MGET: cheap, unlike kombu's sweep): a worker killed, its container killed
or its host cut off gets its pages redelivered within HEARTBEAT_TTL + HEARTBEAT_INTERVAL, while a
live worker's main process keeps its key fresh however long its pages take.
A restore is kombu's own `restore_by_tag` (WATCH on the unacked hash), so two sweeps never put one
message back twice, and an ack racing a sweep wins or loses whole.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from queue import Empty
from typing import Any

from kombu.transport import redis as _kredis
from kombu.transport import virtual as _virtual
from kombu.utils import encoding as _encoding
from kombu.utils import json as _json
from redis.exceptions import ConnectionError as RedisConnectionError

from ..store import keys as names

kredis: Any = _kredis  # kombu is untyped
virtual: Any = _virtual
dumps: Any = _json.dumps
bytes_to_str: Any = _encoding.bytes_to_str
loads: Any = _json.loads

# Seconds. A consumer refreshes its key before a fetch once a third of it has passed, and its list
# is only non-empty for the milliseconds between a fetch and kombu's unacked write, so a busy
# consumer whose key lapsed has nothing to lose; a stalled one at worst gets a message delivered
# twice (harmless: publish-once).
ALIVE_TTL = 15

log = logging.getLogger("article_worker.transport")
_owner: dict[int, str] = {}  # pid -> owner id


def owner_beat(options: dict[str, Any]) -> tuple[float, int]:
    """(seconds between refreshes, seconds the owner key lives): HEARTBEAT_INTERVAL and HEARTBEAT_TTL."""
    interval, ttl = options.get("owner_beat", (5.0, 15))
    return float(interval), max(1, int(ttl))


def owner_id() -> str:
    """This process's owner id, `<host name>-<pid>-<random>`: new in each process (a forked pool process
    gets its own), and readable in a log line about its pages."""
    pid = os.getpid()
    if pid not in _owner:
        _owner.clear()
        _owner[pid] = f"{socket.gethostname()}-{pid}-{uuid.uuid4().hex[:8]}"  # a container's host name is its id
    return _owner[pid]


class QoS(kredis.QoS):  # type: ignore[misc]
    #: the processing list to pop in the next transaction: kombu's unacked write for the fetched message
    pop_with_next_pipe: str | None = None

    @contextmanager
    def pipe_or_acquire(self, pipe: Any = None, client: Any = None) -> Iterator[Any]:
        """kombu's pipeline (MULTI/EXEC); the first one after a fetch, the unacked write, also pops the
        parked entry, so the message leaves the processing list in the step that records it as unacked."""
        with super().pipe_or_acquire(pipe, client) as transaction:
            if pipe is None and self.pop_with_next_pipe:
                # LPOP is not among the commands kombu prefixes: the key carries our prefix already.
                transaction.lpop(self.pop_with_next_pipe)
                self.pop_with_next_pipe = None
            yield transaction

    def append(self, message: Any, delivery_tag: str) -> None:
        """kombu's, plus the owner of the message, in the same MULTI/EXEC (and the owner's liveness,
        when due, so no message is ever tied to an owner without a live key)."""
        delivery = message.delivery_info
        channel = self.channel
        with self.pipe_or_acquire() as pipe:
            pipe.zadd(self.unacked_index_key, {delivery_tag: time.time()})
            pipe.hset(
                self.unacked_key, delivery_tag, dumps([message._raw, delivery["exchange"], delivery["routing_key"]])
            )
            pipe.hset(names.UNACKED_OWNER, delivery_tag, channel.owner)
            channel.beat_owner(pipe, due_only=True)
            pipe.execute()
            virtual.QoS.append(self, message, delivery_tag)

    def _remove_from_indices(self, delivery_tag: str, pipe: Any = None) -> Any:
        return super()._remove_from_indices(delivery_tag, pipe).hdel(names.UNACKED_OWNER, delivery_tag)

    def restore_visible(self, *args: Any, **kwargs: Any) -> Any:
        result = super().restore_visible(*args, **kwargs)
        self.channel.recover_orphans()
        return result

    def restore_dead_owners(self) -> int:
        """Put back the unacked messages of owners whose liveness key is gone; how many."""
        channel, restored = self.channel, 0
        with channel.conn_or_acquire() as client:
            owners: dict[str, list[bytes]] = {}
            for tag, owner in client.execute_command("HGETALL", channel._prefixed(names.UNACKED_OWNER)).items():
                owners.setdefault(bytes_to_str(owner), []).append(tag)
            if not owners:
                return 0
            ids = list(owners)
            alive = client.execute_command("MGET", *(channel._prefixed(names.owner_alive(o)) for o in ids))
            for owner, beat in zip(ids, alive, strict=True):
                if beat is not None:
                    continue
                for tag in owners[owner]:
                    self.restore_by_tag(bytes_to_str(tag), client)
                    restored += 1
                log.warning("restored %d unacked page(s) of %s: its liveness key expired", len(owners[owner]), owner)
        return restored


class Channel(kredis.Channel):  # type: ignore[misc]
    QoS = QoS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._fetch_id = uuid.uuid4().hex
        self._fetch_queue: str | None = None
        self._alive_at = float("-inf")
        self._spare: Any = None
        self.owner = owner_id()
        self._owner_beat_at = float("-inf")
        super().__init__(*args, **kwargs)
        self._owner_interval, self._owner_ttl = owner_beat(self.connection.client.transport_options)

    def beat_owner(self, pipe: Any = None, *, due_only: bool = False) -> None:
        """Refresh this process's liveness key (its unacked messages stay its own while it lives);
        `due_only`: only once a third of the interval has passed since the last refresh."""
        if due_only and time.monotonic() - self._owner_beat_at < self._owner_interval / 3:
            return
        command = ("SETEX", self._prefixed(names.owner_alive(self.owner)), self._owner_ttl, 1)
        if pipe is not None:
            pipe.execute_command(*command)
        else:
            with self.conn_or_acquire() as client:
                client.execute_command(*command)
        self._owner_beat_at = time.monotonic()

    @contextmanager
    def conn_or_acquire(self, client: Any = None) -> Iterator[Any]:
        """As kombu's, but one client object for every call instead of a new one each time (twice per
        message: the unacked write and the ack); it shares the channel's connection pool either way."""
        if client:
            yield client
            return
        if self._pool is None and getattr(self.connection, "client", None) is None:
            # Closed after a lost connection: kombu would fail with an AttributeError building a pool, and
            # Celery takes that for a fatal error. As a connection error it is ignored: the messages left
            # unacked (restored on close, rejected late) come back after VISIBILITY_TIMEOUT.
            raise RedisConnectionError("the channel's connection is closed")
        if self._spare is None or self._spare.connection_pool is not self.pool:
            self._spare = self._create_client()
        yield self._spare

    def _prefixed(self, name: str) -> str:
        return f"{self.global_keyprefix or ''}{name}"

    def _processing_key(self, queue: str) -> str:
        return self._prefixed(names.processing_list(self._fetch_id, queue))

    def _brpop_start(self, timeout: float | None = None) -> None:
        if timeout is None:
            timeout = self.brpop_timeout
        queues = self._queue_cycle.consume(len(self.active_queues))
        if not queues:
            return
        keys = [self._q_for_pri(queue, pri) for pri in self.priority_steps for queue in queues]
        if len(set(keys)) != 1:
            self._fetch_queue = None
            super()._brpop_start(timeout)
            return
        queue = self._fetch_queue = queues[0]
        if time.monotonic() - self._alive_at > ALIVE_TTL / 3:  # a round trip saved on most fetches
            self.client.execute_command("SETEX", self._prefixed(names.processing_alive(self._fetch_id)), ALIVE_TTL, 1)
            self._alive_at = time.monotonic()
        self._in_poll = self.client.connection
        self._brpop_sent_at = time.monotonic()
        source = self._prefixed(keys[0])
        self.client.connection.send_command(
            "BLMOVE", source, self._processing_key(queue), "RIGHT", "LEFT", timeout or 0
        )

    def _brpop_read(self, **options: Any) -> bool:
        queue = self._fetch_queue
        if queue is None:
            return bool(super()._brpop_read(**options))
        try:
            try:
                item = self.client.parse_response(self.client.connection, "BLMOVE", **options)
            except self.connection_errors:
                self.client.connection.disconnect()
                raise
            if not item:
                raise Empty()
            self._queue_cycle.rotate(queue)
            # Only this consumer pushes to its list, always on the left, so the leftmost entry is `item`
            # (or the list is empty: a sweep took it back); LPOP spares sending the message back for LREM.
            self.qos.pop_with_next_pipe = self._processing_key(queue)
            try:
                self.connection._deliver(loads(bytes_to_str(item)), queue)  # kombu's unacked write pops it
            finally:
                if self.qos.pop_with_next_pipe:  # delivery failed before the unacked write
                    self.qos.pop_with_next_pipe = None
                    self.client.execute_command("LPOP", self._processing_key(queue))
            return True
        finally:
            self._in_poll = None
            self._flush_brpop_reauth()

    def recover_orphans(self) -> int:
        """Put back messages parked by consumers that are gone (killed between fetch and record)."""
        moved = 0
        prefix = self._prefixed(names.PROCESSING)
        with self.conn_or_acquire() as client:
            for raw in client.scan_iter(match=f"{prefix}*", count=500):
                key = bytes_to_str(raw)
                fetch_id, _, queue = key[len(prefix) :].partition(":")
                if not queue or client.exists(self._prefixed(names.processing_alive(fetch_id))):
                    continue
                while client.execute_command("LMOVE", key, self._prefixed(queue), "RIGHT", "RIGHT"):
                    moved += 1
        return moved


class Transport(kredis.Transport):  # type: ignore[misc]
    Channel = Channel

    def register_with_event_loop(self, connection: Any, loop: Any) -> None:
        """kombu's, plus the timer that keeps this process's owner key fresh (worker processes only:
        a producer never registers an event loop, and holds no unacked message)."""
        super().register_with_event_loop(connection, loop)
        interval, _ = owner_beat(connection.client.transport_options)
        old = getattr(self.cycle, "_owner_beat_tref", None)
        if old is not None:
            old.cancel()
        self.cycle._owner_beat_tref = loop.call_repeatedly(interval, self._beat_owner)

    def _beat_owner(self) -> None:
        """Every HEARTBEAT_INTERVAL: this process is alive; the pages of processes that are not go back."""
        for channel in list(self.cycle._channels):
            try:
                channel.beat_owner()
                channel.qos.restore_dead_owners()
                return
            except channel.connection_errors:  # retried on the next tick; the loop reconnects on its own
                log.warning("owner liveness not refreshed: Redis unreachable")
                return
