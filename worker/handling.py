"""One message, start to finish: decode, extract, publish the event or the dead letter.

Celery-free apart from the soft time limit exception, so the task stays a thin shell.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from billiard.exceptions import SoftTimeLimitExceeded

from schemas import ArticleEvent, Extractor, RawPage
from schemas.reasons import ArticleWorkerError, ExtractionTimeout, InternalError, PublishFailed, TooManyAttempts

from . import __version__, test_hooks
from .dead_letters import dead_letter
from .ids import event_id_for, job_id_for
from .messages import decode_message
from .ops.report import Outcome as Reported
from .ops.report import report
from .pipeline import Limits, extract
from .settings import Settings
from .store import claims
from .store.streams import Streams

log = logging.getLogger("article_worker.pages")
EXTRACTOR = Extractor(name="article-worker", version=__version__)


class Outcome(StrEnum):
    PUBLISHED = "published"
    DUPLICATE = "duplicate"
    DEAD_LETTERED = "dead_lettered"


@dataclass(frozen=True)
class Delivery:
    task_id: str
    worker: str | None = None


def process(message: Any, delivery: Delivery, streams: Streams, settings: Settings) -> Outcome:
    """Publish an event or a dead letter; raise PublishFailed only when Redis itself fails."""
    run = _Run(message, delivery, streams, settings)
    try:
        return run.run()
    except PublishFailed as exc:
        if run.raw is not None:
            exc.job_id, exc.url = job_id_for(run.raw), run.raw.url
        raise


@dataclass
class _Run:
    message: Any
    delivery: Delivery
    streams: Streams
    settings: Settings
    attempts: int = 0
    raw: RawPage | None = None
    claim: str | None = None  # the claim-checked page's key, emptied when the outcome is published
    started: float = field(default_factory=time.perf_counter)

    def run(self) -> Outcome:
        attempts = self.streams.start_attempt(self.delivery.task_id)
        if attempts is None:  # redelivered after its event or dead letter was written: only ack
            self.log(Outcome.DUPLICATE, None, None, self.elapsed_ms())
            return Outcome.DUPLICATE
        self.attempts = attempts
        try:
            if self.attempts > self.settings.max_attempts:  # before reading the page: its GET may be what fails
                raise TooManyAttempts(
                    f"started {self.attempts} times without finishing (crashes or transient failures)"
                )
            self.message, self.claim = claims.resolve(self.message, self.streams.client, self.settings)
            self.raw = decode_message(self.message, self.settings.max_message_bytes)
            test_hooks.hold(self.raw, self.attempts, self.delivery.worker, self.streams, "start")
            article = extract(
                self.raw, Limits(self.settings.max_page_bytes, self.settings.max_dom_nodes, self.settings.max_dom_depth)
            )
        except claims.Finished:  # redelivered after its outcome, and after the done marker expired
            self.log(Outcome.DUPLICATE, None, None, self.elapsed_ms())
            return Outcome.DUPLICATE
        except PublishFailed:
            raise  # Redis failed us while reading the page: the task retries
        except ArticleWorkerError as exc:
            return self.dead(exc)
        except SoftTimeLimitExceeded:
            return self.dead(ExtractionTimeout.over("SOFT_TIME_LIMIT", self.settings.soft_time_limit))
        except Exception as exc:  # a bug of ours met this page: keep the page, keep the worker
            log.exception("internal error on task %s", self.delivery.task_id)
            return self.dead(InternalError(f"{type(exc).__name__}: {exc}"[:500]))
        duration_ms = self.elapsed_ms()
        raw = self.raw
        job_id = job_id_for(raw)
        event = ArticleEvent(
            event_id=event_id_for(job_id, raw),
            job_id=job_id,
            url=raw.url,
            produced_at=datetime.now(UTC),
            extractor=EXTRACTOR,
            worker=self.delivery.worker,
            attempts=self.attempts,
            duration_ms=round(duration_ms, 3),
            fetched_at=raw.fetched_at,
            producer=raw.producer,
            article=article,
            attributes=raw.attributes,
        )
        published = self.streams.publish_event(event, self.delivery.task_id, self.claim)
        outcome = Outcome.PUBLISHED if published.appended else Outcome.DUPLICATE
        test_hooks.hold(raw, self.attempts, self.delivery.worker, self.streams, "published")
        self.log(outcome, job_id, None, duration_ms, article)
        return outcome

    def dead(self, error: ArticleWorkerError) -> Outcome:
        if self.claim is None:  # failed before the page was read (too many attempts, timeout in the GET)
            self.message, self.claim = claims.resolve_quietly(self.message, self.streams.client, self.settings)
        job_id = job_id_for(self.raw) if self.raw else None
        letter = dead_letter(
            error,
            self.message,
            self.settings,
            stage="task",
            attempts=self.attempts,
            worker=self.delivery.worker,
            task_id=self.delivery.task_id,
            raw=self.raw,
            job_id=job_id,
        )
        published = self.streams.publish_dead_letter(letter, self.delivery.task_id, self.claim)
        outcome = Outcome.DEAD_LETTERED if published.appended else Outcome.DUPLICATE
        self.log(outcome, job_id, error, self.elapsed_ms())
        return outcome

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000

    def log(
        self, outcome: Outcome, job_id: str | None, error: ArticleWorkerError | None, ms: float, article: Any = None
    ) -> None:
        reason = error.reason.value if error else None
        url = self.raw.url if self.raw else None
        reported = {Outcome.PUBLISHED: Reported.EVENT, Outcome.DEAD_LETTERED: Reported.DEAD_LETTER}.get(
            outcome, Reported.DUPLICATE
        )
        report(reported, self.delivery.task_id, job_id=job_id, url=url, reason=reason, duration_ms=ms, article=article)
