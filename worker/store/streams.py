"""Writing a page's outcome (event, skipped page or dead letter) to its stream, at most once per message.

Each message (task id) has an attempt counter and, once finished, a `done` marker. Every write is one
Lua script keyed by the task id, and a script runs alone on the server, so "seen? -> XADD -> remember
-> forget the counter" cannot be cut in half by a worker dying between two commands: a page
redelivered after its event was written (worker killed before the ack) publishes nothing new.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import redis
from redis.exceptions import RedisError

from schemas import ArticleEvent, DeadLetter, SkippedPage
from schemas.reasons import PublishFailed

from ..settings import Settings
from .keys import Keys

# KEYS: attempts, done. ARGV: ttl. -> -1 when the message already finished, else this attempt's number.
START = """
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
local n = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return n
"""

# A claim-checked page's key (optional last KEY) is replaced by an empty tombstone living `tomb_ttl`
# seconds (deleted when 0): a redelivery after the `done` marker expired then finds the tombstone and
# only acks, instead of calling the page missing.
# An event or a skipped page (both have an event id). KEYS: attempts, done, published, stream, counts[,
# claim-checked page]. ARGV: dedup_ttl, done_ttl, maxlen, fields...
# (the tombstone lives dedup_ttl, as long as the published marker that stops a re-extracted duplicate)
# -> {status, entry id}; status 1 appended, 0 this message already finished, 2 same event already
# published by another message (the same page enqueued twice).
PUBLISH_EVENT = """
local done = redis.call('GET', KEYS[2])
if done then return {0, done} end
local status, id = 1, false
if tonumber(ARGV[1]) > 0 then id = redis.call('GET', KEYS[3]) end
if id then
  status = 2
  redis.call('HINCRBY', KEYS[5], 'duplicate', 1)
else
  id = redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
  if tonumber(ARGV[1]) > 0 then redis.call('SET', KEYS[3], id, 'EX', ARGV[1]) end
end
redis.call('SET', KEYS[2], id, 'EX', ARGV[2])
redis.call('DEL', KEYS[1])
if KEYS[6] then
  if tonumber(ARGV[1]) > 0 then redis.call('SET', KEYS[6], '', 'EX', ARGV[1]) else redis.call('DEL', KEYS[6]) end
end
return {status, id}
"""

# KEYS: attempts, done, stream[, claim-checked page]. ARGV: done_ttl, maxlen, tomb_ttl, fields...
# -> {status, entry id} as above.
PUBLISH_DEAD_LETTER = """
local done = redis.call('GET', KEYS[2])
if done then return {0, done} end
local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 4))
redis.call('SET', KEYS[2], id, 'EX', ARGV[1])
redis.call('DEL', KEYS[1])
if KEYS[4] then
  if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[4], '', 'EX', ARGV[3]) else redis.call('DEL', KEYS[4]) end
end
return {1, id}
"""


@dataclass(frozen=True)
class Published:
    entry_id: str
    appended: bool  # False: an earlier delivery (or the same page sent twice) already wrote it


class Streams:
    """Our Redis writes. Every Redis failure surfaces as PublishFailed (retryable)."""

    def __init__(self, client: redis.Redis, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        self.keys = Keys(settings)
        self._start = client.register_script(START)
        self._event = client.register_script(PUBLISH_EVENT)
        self._dead = client.register_script(PUBLISH_DEAD_LETTER)

    @property
    def bookkeeping_ttl(self) -> int:
        """How long a message's counter and done marker live: as long as it may be redelivered."""
        s = self.settings
        return max(3600, int(s.visibility_timeout + s.retry_backoff_max) * (s.max_attempts + 1))

    def _keys(self, task_id: str | None) -> list[str]:
        tid = task_id or f"anonymous-{uuid.uuid4().hex}"  # no id: nothing to deduplicate against
        return [self.keys.attempts(tid), self.keys.done(tid)]

    def start_attempt(self, task_id: str) -> int | None:
        """This execution's number (1 on first delivery); None when the message already finished."""
        count = self._run(self._start, "count attempts", self._keys(task_id), [self.bookkeeping_ttl])
        return None if int(count) < 0 else int(count)

    def publish_event(self, event: ArticleEvent, task_id: str | None, claim: str | None = None) -> Published:
        """`claim`: the claim-checked page's key, emptied in the same script (see PUBLISH_EVENT)."""
        fields = ["event_id", event.event_id, "job_id", event.job_id, "event", event.model_dump_json()]
        target = (self.keys.results, self.settings.results_maxlen)
        return self._once(event.event_id, fields, target, task_id, claim)

    def publish_skipped(self, skipped: SkippedPage, task_id: str | None, claim: str | None = None) -> Published:
        """As `publish_event`, to the skipped-page stream; the entry names the page type for filtering."""
        fields = ["event_id", skipped.event_id, "job_id", skipped.job_id, "page_type", skipped.page_type]
        fields += ["skipped", skipped.model_dump_json()]
        target = (self.keys.skipped, self.settings.skipped_maxlen)
        return self._once(skipped.event_id, fields, target, task_id, claim)

    def _once(
        self, event_id: str, fields: list[str], target: tuple[str, int], task_id: str | None, claim: str | None
    ) -> Published:
        """PUBLISH_EVENT to `target` (stream, maxlen): once per message, once per event id within DEDUP_TTL."""
        stream, maxlen = target
        keys = [*self._keys(task_id), self.keys.published(event_id), stream, self.keys.counts]
        keys += [claim] if claim else []
        args = [self.settings.dedup_ttl, self.bookkeeping_ttl, maxlen, *fields]
        return _published(self._run(self._event, f"publish to {stream}", keys, args))

    def publish_dead_letter(
        self, letter: DeadLetter, task_id: str | None = None, claim: str | None = None
    ) -> Published:
        s = self.settings
        fields = ["reason", letter.reason.value, "job_id", letter.job_id or "", "dead_letter", letter.model_dump_json()]
        keys = [*self._keys(task_id or letter.task_id), self.keys.dead_letters]
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
