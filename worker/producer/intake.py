"""Plain-JSON intake: `XADD pages:in * page '{...}'` from any Redis client becomes a Celery task.

Runs as its own process (`article-worker intake`). Each entry's `page` field is validated as a
RawPage; a valid page is handed to Celery exactly as `enqueue()` does, an invalid one becomes a dead
letter (stage "intake") keeping the field verbatim. Only then is the entry acknowledged and deleted,
so a crash in between hands the page off again (at least once; the event id deduplicates).
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Callable

from redis.exceptions import RedisError

from schemas import RawPage
from schemas.reasons import ArticleWorkerError, InternalError, InvalidMessage

from ..ops import liveness
from ..page.dead_letters import DeadLetters
from ..page.messages import decode_message
from ..settings import Settings
from ..store.groups import GroupReader

log = logging.getLogger("article_worker.intake")
PAGE_FIELD = b"page"
Send = Callable[[RawPage], str]


class Intake:
    def __init__(self, reader: GroupReader, settings: Settings, dead_letters: DeadLetters, send: Send) -> None:
        self.reader = reader
        self.settings = settings
        self.dead_letters = dead_letters
        self.send = send

    def run(self, stopping: Callable[[], bool], block_ms: int = 1000) -> None:
        self.reader.ensure_group()
        while not stopping():
            try:
                self.beat()
                self.step(block_ms)
            except Exception:  # Redis or the broker is down: keep the entries pending, try again
                log.exception("intake round failed; entries stay pending")
                self.reader.retry_pending()
                time.sleep(1.0)
        with contextlib.suppress(RedisError):
            liveness.forget(self.reader.client, self.settings.key_prefix, self.reader.consumer)

    def step(self, block_ms: int) -> int:
        """Handle one batch; returns how many entries were acknowledged."""
        done: list[str] = []
        try:
            for entry_id, fields in self.reader.read(self.settings.intake_batch, block_ms):
                if fields:  # empty: deleted from the stream while pending, nothing to hand off
                    self.handle(entry_id, fields)
                done.append(entry_id)
        finally:
            self.reader.ack(done, delete=True)  # what was handed off, even when a later entry failed
        return len(done)

    def handle(self, entry_id: str, fields: dict[bytes, bytes]) -> None:
        """Hand the page to Celery, or dead-letter it; raise (entry stays pending) if neither worked."""
        page = fields.get(PAGE_FIELD)
        try:
            if page is None:
                names = sorted(name.decode("utf-8", "replace") for name in fields)
                raise InvalidMessage(f"intake entry has no 'page' field (fields: {', '.join(names)})")
            raw = decode_message(page, self.settings.max_message_bytes)
        except ArticleWorkerError as exc:
            self.dead(entry_id, exc, page if page is not None else _entry_json(fields))
            return
        except Exception as exc:  # a bug of ours met this entry: dead-letter it rather than stall the stream
            log.exception("internal error on intake entry %s", entry_id)
            self.dead(entry_id, InternalError(f"{type(exc).__name__}: {exc}"[:500]), page)
            return
        job_id = self.send(raw)
        log.debug("handed off intake entry %s as job %s", entry_id, job_id, extra={"job_id": job_id, "url": raw.url})

    def dead(self, entry_id: str, error: ArticleWorkerError, original: bytes | str | None) -> None:
        """Once per entry (a redelivered entry finds its letter written), reported like every dead letter."""
        once_per = f"intake:{self.reader.stream}:{entry_id}"
        note = f"entry {entry_id}"
        self.dead_letters.record(
            error, original, stage="intake", attempts=1, worker=self.reader.consumer, once_per=once_per, note=note
        )

    def beat(self) -> None:
        """The same liveness a worker has, so `article-worker check --name` works for intakes."""
        s = self.settings
        liveness.beat(self.reader.client, s.key_prefix, self.reader.consumer, s.heartbeat_ttl)


def _entry_json(fields: dict[bytes, bytes]) -> str:
    return json.dumps({k.decode("utf-8", "replace"): v.decode("utf-8", "replace") for k, v in fields.items()})
