"""Writing events and dead letters to Redis streams, and counting attempts per message."""

from __future__ import annotations

import contextlib

import redis
from redis.exceptions import RedisError

from schemas import ArticleEvent, DeadLetter

from .errors import PublishFailed
from .settings import Settings

# Remember the event id and append in one atomic step: a page redelivered after its event was
# written (worker killed before the ack) is not appended a second time within DEDUP_TTL.
_PUBLISH_ONCE = """
if tonumber(ARGV[1]) > 0 and not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return false
end
return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 3))
"""


class Streams:
    """Our Redis writes. Every failure surfaces as PublishFailed (retryable)."""

    def __init__(self, client: redis.Redis, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        self._publish_once = client.register_script(_PUBLISH_ONCE)

    def publish_event(self, event: ArticleEvent) -> bool:
        """Append the event; False when this event id was already published."""
        s = self.settings
        fields = ["event_id", event.event_id, "job_id", event.job_id, "event", event.model_dump_json()]
        try:
            entry = self._publish_once(
                keys=[s.key(f"published:{event.event_id}"), s.key(s.results_stream)],
                args=[s.dedup_ttl, s.results_maxlen, *fields],
            )
        except RedisError as exc:
            raise PublishFailed(f"could not publish event: {type(exc).__name__}") from None
        return entry is not None

    def publish_dead_letter(self, letter: DeadLetter) -> str:
        s = self.settings
        fields = {"reason": letter.reason.value, "job_id": letter.job_id or "", "dead_letter": letter.model_dump_json()}
        try:
            entry = self.client.xadd(s.key(s.dead_letter_stream), fields, maxlen=s.dead_letter_maxlen, approximate=True)  # type: ignore[arg-type]
        except RedisError as exc:
            raise PublishFailed(f"could not publish dead letter: {type(exc).__name__}") from None
        return entry.decode() if isinstance(entry, bytes) else str(entry)

    def count_attempt(self, task_id: str) -> int:
        """How many times this message has been started, this time included."""
        key = self.settings.key(f"attempts:{task_id}")
        try:
            pipe = self.client.pipeline(transaction=False)
            pipe.incr(key)
            pipe.expire(key, max(3600, self.settings.visibility_timeout * (self.settings.max_attempts + 1)))
            count, _ = pipe.execute()
        except RedisError as exc:
            raise PublishFailed(f"could not count attempts: {type(exc).__name__}") from None
        return int(count)

    def forget_attempts(self, task_id: str) -> None:
        with contextlib.suppress(RedisError):  # the key expires on its own anyway
            self.client.delete(self.settings.key(f"attempts:{task_id}"))
