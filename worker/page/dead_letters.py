"""The one way a dead letter is written: built, published once, reported.

Every stage that gives up on a message comes here: the page task, the task's last resort (an
unexpected error, the soft or hard time limit), the consumer (messages Celery cannot decode) and the
intake. A letter keeps what failed, why, and the message exactly as it arrived (for a claim check,
the page it points to), so `dlq replay` needs nothing else.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from schemas import DeadLetter, PageMetadata, RawPage
from schemas.reasons import ArticleWorkerError, NoArticle

from ..ops.report import Outcome, report
from ..settings import Settings
from ..store import claims
from ..store.streams import Streams
from .ids import job_id_for
from .messages import decode_message, original_of

Stage = Literal["intake", "broker", "task"]


class DeadLetters:
    def __init__(self, streams: Streams) -> None:
        self.streams = streams
        self.settings = streams.settings

    def record(
        self,
        error: ArticleWorkerError,
        message: Any,
        *,
        stage: Stage,
        attempts: int,
        worker: str | None = None,
        task_id: str | None = None,
        raw: RawPage | None = None,
        claim: str | None = None,
        once_per: str | None = None,
        started: float | None = None,
        note: str = "",
    ) -> Outcome:
        """Build the letter, publish it, report it: DEAD_LETTER, or DUPLICATE when this message already has its
        outcome. Raises PublishFailed (nothing written) when Redis fails, so the caller can retry or requeue.

        The letter says what failed and why, keeps the message as received (cut at DEAD_LETTER_ORIGINAL_BYTES)
        and, for a page without an article, what was found on it anyway.
        `claim`: the key of the claim-checked page `message` was read from, emptied in the same script; when
        it is not known, a claim check is resolved here so the letter keeps the page and not the pointer.
        `once_per`: what makes the letter unique, when not the task id (the intake's stream entry).
        `started`: a `time.perf_counter()` reading, for the duration on the outcome line. `note` ends the error.
        """
        s = self.settings
        if claim is None:
            message, claim = claims.resolve_for_dead_letter(message, self.streams.client, s)
        if raw is None:  # e.g. too many attempts, refused before the page was read: name it if it reads
            raw = _page_in(message, s.max_message_bytes)
        original = original_of(message, s.dead_letter_original_bytes)
        text = redact(str(error) or type(error).__name__, s)
        letter = DeadLetter(
            reason=error.reason,
            error=f"{text} ({note})" if note else text,
            retryable=error.retryable,
            attempts=attempts,
            worker=worker,
            failed_at=datetime.now(UTC),
            stage=stage,
            job_id=job_id_for(raw) if raw else None,
            url=raw.url if raw else None,
            task_id=task_id,
            original=original.text,
            original_encoding=original.encoding,
            original_size=original.size,
            original_truncated=original.truncated,
            metadata=PageMetadata.found(error.metadata) if isinstance(error, NoArticle) else None,
        )
        published = self.streams.publish_dead_letter(letter, once_per or task_id, claim)
        outcome = Outcome.DEAD_LETTER if published.appended else Outcome.DUPLICATE
        ms = None if started is None else (time.perf_counter() - started) * 1000
        report(outcome, task_id, job_id=letter.job_id, url=letter.url, reason=letter.reason.value, duration_ms=ms)
        return outcome


def _page_in(message: Any, max_bytes: int) -> RawPage | None:
    """The page a message holds, so an operator finds its letter by job id and URL; None when it does
    not read as one (the letter says why it failed either way)."""
    if not isinstance(message, (str, bytes, bytearray, dict)):
        return None
    try:
        return decode_message(message, max_bytes)
    except ArticleWorkerError:
        return None


def redact(text: str, settings: Settings) -> str:
    """Never let the broker password reach a dead letter or a log line."""
    if settings.redis_url in text:
        text = text.replace(settings.redis_url, settings.redacted_redis_url)
    password = urlsplit(settings.redis_url).password
    return text.replace(password, "***") if password else text
