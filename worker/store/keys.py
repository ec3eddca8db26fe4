"""Every Redis key name, in one place, under KEY_PREFIX.

kombu writes the Celery queue, its priority sub-lists and the `unacked` hash itself; they are named here
too, so that what we read of them (`stats`, the metrics) is what kombu writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not at run time: `check` reads a heartbeat without importing pydantic
    from ..settings import Settings

#: kombu's Redis transport: a queue's priority sub-lists are "<queue>\x06\x16<n>" (n = 1..9).
PRIORITY_SEP = "\x06\x16"
#: Reliable fetch's parking lists, "processing:<fetch id>:<queue>" (worker/service/reliable_fetch.py).
PROCESSING = "processing:"


def heartbeat(prefix: str, name: str) -> str:
    """A worker's or an intake's liveness (worker/ops/liveness.py), for callers that know only the prefix."""
    return f"{prefix}heartbeat:{name}"


def processing_list(fetch_id: str, queue: str) -> str:
    """Reliable fetch: where one consumer parks a message between its fetch and kombu's unacked write.
    Unprefixed: kombu's channel adds its own prefix."""
    return f"{PROCESSING}{fetch_id}:{queue}"


#: Dead-owner restore: kombu's unacked delivery tag -> the owner (a worker process) that holds it.
#: Unprefixed: kombu's client adds the prefix (worker/service/reliable_fetch.py).
UNACKED_OWNER = "unacked_owner"


def owner_alive(owner: str) -> str:
    """Dead-owner restore: present while the worker process `owner` lives (its unacked pages stay its own)."""
    return f"owner-alive:{owner}"


def processing_alive(fetch_id: str) -> str:
    """Reliable fetch: present while the consumer `fetch_id` is alive (its list is then not swept)."""
    return f"processing-alive:{fetch_id}"


class Keys:
    """The keys of one deployment (its KEY_PREFIX and stream and queue names)."""

    def __init__(self, settings: Settings) -> None:
        self.prefix = settings.key_prefix
        self.results = settings.key(settings.results_stream)
        self.skipped = settings.key(settings.skipped_stream)
        self.dead_letters = settings.key(settings.dead_letter_stream)
        self.intake = settings.key(settings.intake_stream)
        self.queue = settings.key(settings.pages_queue)
        self.unacked = settings.key("unacked")  # kombu's hash of delivered, unacknowledged messages
        #: running counts (hash): `duplicate`, pages published nothing because the same page (event id) was
        #: already published within DEDUP_TTL
        self.counts = settings.key("counts")

    def queue_lists(self) -> list[str]:
        """The Celery queue's lists: the queue and its priority sub-lists (absent ones count 0)."""
        return [self.queue] + [f"{self.queue}{PRIORITY_SEP}{p}" for p in range(1, 10)]

    # One message's bookkeeping (see worker/store/streams.py), by Celery task id.
    def attempts(self, task_id: str) -> str:
        return f"{self.prefix}attempts:{task_id}"

    def done(self, task_id: str) -> str:
        return f"{self.prefix}done:{task_id}"

    def published(self, event_id: str) -> str:
        """The stream entry of an event id published within DEDUP_TTL."""
        return f"{self.prefix}published:{event_id}"

    def claim(self, claim_id: str) -> str:
        """A claim-checked page (worker/store/claims.py)."""
        return f"{self.prefix}claim:{claim_id}"

    def heartbeat(self, name: str) -> str:
        return heartbeat(self.prefix, name)


def pattern(start: str) -> str:
    """A SCAN pattern for the keys that begin with `start`, its glob characters escaped."""
    return "".join(f"\\{ch}" if ch in "*?[]\\" else ch for ch in start) + "*"
