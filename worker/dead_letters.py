"""Building DeadLetter records: what failed, why, and the message exactly as it arrived."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from schemas import DeadLetter, RawPage
from schemas.reasons import ArticleWorkerError

from .messages import original_of
from .settings import Settings


def dead_letter(
    error: ArticleWorkerError,
    message: Any,
    settings: Settings,
    *,
    stage: Literal["intake", "broker", "task"],
    attempts: int,
    worker: str | None = None,
    task_id: str | None = None,
    raw: RawPage | None = None,
    job_id: str | None = None,
) -> DeadLetter:
    original = original_of(message, settings.dead_letter_original_bytes)
    return DeadLetter(
        reason=error.reason,
        error=redact(str(error) or type(error).__name__, settings),
        retryable=error.retryable,
        attempts=attempts,
        worker=worker,
        failed_at=datetime.now(UTC),
        stage=stage,
        job_id=job_id or (raw.job_id if raw else None),
        url=raw.url if raw else None,
        task_id=task_id,
        original=original.text,
        original_encoding=original.encoding,
        original_size=original.size,
        original_truncated=original.truncated,
    )


def redact(text: str, settings: Settings) -> str:
    """Never let the broker password reach a dead letter or a log line."""
    if settings.redis_url in text:
        text = text.replace(settings.redis_url, settings.redacted_redis_url)
    from urllib.parse import urlsplit

    password = urlsplit(settings.redis_url).password
    return text.replace(password, "***") if password else text
