"""One page message, start to finish: decode, extract, publish the event (or the skipped page, for a page
type not in ACCEPT_PAGE_TYPES) or the dead letter, report it.

Celery-free apart from the soft time limit exception (billiard's), so the Celery task around it
(worker/service/task.py) stays a thin shell, and tests call `Pages.process` directly.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import redis
from billiard.exceptions import SoftTimeLimitExceeded

from schemas import Article, ArticleEvent, Extractor, PageMetadata, RawPage, SkippedPage
from schemas.reasons import ArticleWorkerError, ExtractionTimeout, InternalError, PublishFailed, TooManyAttempts

from .. import __version__
from ..ops.report import Outcome, report
from ..pipeline import Limits, extract
from ..settings import Settings
from ..store import claims
from ..store.streams import Streams
from .dead_letters import DeadLetters
from .ids import event_id_for, job_id_for
from .messages import decode_message

log = logging.getLogger("article_worker.pages")
EXTRACTOR = Extractor(name="article-worker", version=__version__)


@dataclass(frozen=True)
class Delivery:
    task_id: str
    worker: str | None = None


class Pages:
    """What one process needs to handle page messages: the settings, our streams, the dead-letter recorder."""

    def __init__(self, client: redis.Redis, settings: Settings) -> None:
        self.settings = settings
        self.streams = Streams(client, settings)
        self.dead_letters = DeadLetters(self.streams)
        self.limits = Limits(**{name: getattr(settings, name) for name in Limits.__dataclass_fields__})

    def process(self, message: Any, delivery: Delivery) -> Outcome:
        """EVENT, SKIPPED, DEAD_LETTER or DUPLICATE, published and reported; raises PublishFailed only when Redis
        itself fails (the task retries), naming the page when it was read."""
        run = _Run(self, message, delivery)
        try:
            return run.run()
        except PublishFailed as exc:
            if run.raw is not None:
                exc.job_id, exc.url = job_id_for(run.raw), run.raw.url
            raise


@dataclass
class _Run:
    pages: Pages
    message: Any
    delivery: Delivery
    attempts: int = 0
    raw: RawPage | None = None
    claim: str | None = None  # the claim-checked page's key, emptied when the outcome is published
    started: float = field(default_factory=time.perf_counter)

    def run(self) -> Outcome:
        s, streams = self.pages.settings, self.pages.streams
        attempts = streams.start_attempt(self.delivery.task_id)
        if attempts is None:  # redelivered after its event or dead letter was written: only ack
            return self.duplicate()
        self.attempts = attempts
        try:
            if self.attempts > s.max_attempts:  # before reading the page: its GET may be what fails
                raise TooManyAttempts(
                    f"started {self.attempts} times without finishing (crashes or transient failures)"
                )
            self.message, self.claim = claims.resolve(self.message, streams.client, s)
            self.raw = decode_message(self.message, s.max_message_bytes)
            article = extract(self.raw, self.pages.limits)
        except claims.Finished:  # redelivered after its outcome, and after the done marker expired
            return self.duplicate()
        except PublishFailed:
            raise  # Redis failed us while reading the page: the task retries
        except ArticleWorkerError as exc:
            return self.dead(exc)
        except SoftTimeLimitExceeded:
            return self.dead(ExtractionTimeout.over("SOFT_TIME_LIMIT", s.soft_time_limit))
        except Exception as exc:  # a bug of ours met this page: keep the page, keep the worker
            log.exception("internal error on task %s", self.delivery.task_id)
            return self.dead(InternalError(f"{type(exc).__name__}: {exc}"[:500]))
        return self.publish(self.raw, article)

    def publish(self, raw: RawPage, article: Article) -> Outcome:
        """An event; or, for a page type not in ACCEPT_PAGE_TYPES, a skipped page: not a failure, its own stream."""
        duration_ms, job_id = self.elapsed_ms(), job_id_for(raw)
        about: dict[str, Any] = {  # what an event and a skipped page both say about the page
            "event_id": event_id_for(job_id, raw),
            "job_id": job_id,
            "url": raw.url,
            "worker": self.delivery.worker,
            "attempts": self.attempts,
            "producer": raw.producer,
            "attributes": raw.attributes,
        }
        streams, task_id = self.pages.streams, self.delivery.task_id
        if article.page_type in self.pages.settings.accept_page_types:
            event = ArticleEvent(
                **about,
                produced_at=datetime.now(UTC),
                extractor=EXTRACTOR,
                duration_ms=round(duration_ms, 3),
                fetched_at=raw.fetched_at,
                article=article,
            )
            outcome, reason, published = Outcome.EVENT, None, streams.publish_event(event, task_id, self.claim)
        else:
            skipped = SkippedPage(
                **about,
                page_type=article.page_type,
                page_type_confidence=article.page_type_confidence,
                metadata=PageMetadata.of(article),
                word_count=article.word_count,
                skipped_at=datetime.now(UTC),
            )
            outcome, reason = Outcome.SKIPPED, article.page_type
            published = streams.publish_skipped(skipped, task_id, self.claim)
        outcome = outcome if published.appended else Outcome.DUPLICATE
        report(outcome, task_id, job_id=job_id, url=raw.url, reason=reason, duration_ms=duration_ms, article=article)
        return outcome

    def dead(self, error: ArticleWorkerError) -> Outcome:
        return self.pages.dead_letters.record(
            error,
            self.message,
            stage="task",
            attempts=self.attempts,
            worker=self.delivery.worker,
            task_id=self.delivery.task_id,
            raw=self.raw,
            claim=self.claim,
            started=self.started,
        )

    def duplicate(self) -> Outcome:
        report(Outcome.DUPLICATE, self.delivery.task_id, duration_ms=self.elapsed_ms())
        return Outcome.DUPLICATE

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000
