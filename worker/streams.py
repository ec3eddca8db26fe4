"""Writing events and dead letters to Redis streams, at most once per message.

Every write goes through a script of `worker.scripts`, keyed by the message's task id: a page
redelivered after its event was written (worker killed before the ack) publishes nothing new.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import redis
from redis.exceptions import RedisError

from schemas import ArticleEvent, DeadLetter
from schemas.reasons import PublishFailed

from . import scripts
from .settings import Settings


@dataclass(frozen=True)
class Published:
    entry_id: str
    appended: bool  # False: an earlier delivery (or the same page sent twice) already wrote it


class Streams:
    """Our Redis writes. Every Redis failure surfaces as PublishFailed (retryable)."""

    def __init__(self, client: redis.Redis, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        self._start = client.register_script(scripts.START)
        self._event = client.register_script(scripts.PUBLISH_EVENT)
        self._dead = client.register_script(scripts.PUBLISH_DEAD_LETTER)

    @property
    def bookkeeping_ttl(self) -> int:
        """How long a message's counter and done marker live: as long as it may be redelivered."""
        s = self.settings
        return max(3600, int(s.visibility_timeout + s.retry_backoff_max) * (s.max_attempts + 1))

    def _keys(self, task_id: str | None) -> list[str]:
        tid = task_id or f"anonymous-{uuid.uuid4().hex}"  # no id: nothing to deduplicate against
        return [self.settings.key(f"attempts:{tid}"), self.settings.key(f"done:{tid}")]

    def start_attempt(self, task_id: str) -> int | None:
        """This execution's number (1 on first delivery); None when the message already finished."""
        count = self._run(self._start, "count attempts", self._keys(task_id), [self.bookkeeping_ttl])
        return None if int(count) < 0 else int(count)

    def publish_event(self, event: ArticleEvent, task_id: str | None, claim: str | None = None) -> Published:
        """`claim`: the claim-checked page's key, emptied in the same script (see `worker.scripts`)."""
        s = self.settings
        fields = ["event_id", event.event_id, "job_id", event.job_id, "event", event.model_dump_json()]
        keys = [*self._keys(task_id), s.key(f"published:{event.event_id}"), s.key(s.results_stream)]
        keys += [claim] if claim else []
        reply = self._run(
            self._event, "publish event", keys, [s.dedup_ttl, self.bookkeeping_ttl, s.results_maxlen, *fields]
        )
        return _published(reply)

    def publish_dead_letter(
        self, letter: DeadLetter, task_id: str | None = None, claim: str | None = None
    ) -> Published:
        s = self.settings
        fields = ["reason", letter.reason.value, "job_id", letter.job_id or "", "dead_letter", letter.model_dump_json()]
        keys = [*self._keys(task_id or letter.task_id), s.key(s.dead_letter_stream)]
        keys += [claim] if claim else []
        reply = self._run(
            self._dead, "publish dead letter", keys, [self.bookkeeping_ttl, s.dead_letter_maxlen, s.dedup_ttl, *fields]
        )
        return _published(reply)

    def _run(self, script: Any, what: str, keys: list[str], args: list[Any]) -> Any:
        try:
            return script(keys=keys, args=args)
        except RedisError as exc:
            raise PublishFailed(f"could not {what}: {type(exc).__name__}") from None


def _published(reply: Any) -> Published:
    status, entry = reply
    entry_id = entry.decode() if isinstance(entry, bytes) else str(entry)
    return Published(entry_id, int(status) == 1)
