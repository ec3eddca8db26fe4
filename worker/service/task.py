"""The Celery task: a thin shell around `Pages.process` that owns retries and time limits.

Every way out of the task is decided here, so nothing loops forever: Redis failures retry with
backoff (bounded by the attempt counter), anything unexpected becomes a dead letter, and a message
that cannot even be dead-lettered is requeued for a later, counted, attempt. Registered on the app by
`install(app)`.
"""

from __future__ import annotations

import json
import logging
import random
import time
from typing import Any

from billiard.exceptions import SoftTimeLimitExceeded
from celery import Task
from celery.exceptions import Reject, Retry, TimeLimitExceeded

from schemas.reasons import ArticleWorkerError, ExtractionTimeout, InternalError, PublishFailed

from ..ops.report import Outcome, report
from ..page.process import Delivery, Pages
from ..settings import Settings
from .app import service_of

log = logging.getLogger("article_worker.tasks")


def backoff(retries: int, settings: Settings) -> float:
    """Exponential backoff with full jitter, capped below the visibility timeout."""
    return random.uniform(0, min(settings.retry_backoff_max, settings.retry_backoff * 2**retries))


class PageTask(Task):  # type: ignore[misc]
    acks_late = True
    reject_on_worker_lost = True
    # A hard time limit requeues the message; on_failure has written the dead letter first, so the
    # redelivery only acks it. Had that write failed, the redelivery tries again (counted).
    acks_on_timeout = False
    ignore_result = True

    def on_failure(self, exc: Exception, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        """Runs in the main process when the hard time limit killed the pool process."""
        if not isinstance(exc, TimeLimitExceeded):
            return
        pages = service_of(self.app).pages
        error = ExtractionTimeout.over("HARD_TIME_LIMIT", pages.settings.hard_time_limit, "pool process killed")
        delivery = Delivery(task_id=task_id, worker=getattr(self.request, "hostname", None))
        try:
            _last_resort(pages, args[0] if args else None, delivery, error)
        except Reject:
            log.error("could not dead-letter timed-out task %s; it is requeued", task_id)


def process_page(self: PageTask, message: Any) -> str:
    pages = service_of(self.app).pages
    delivery = Delivery(task_id=self.request.id, worker=self.request.hostname)
    started = time.perf_counter()
    try:
        return pages.process(message, delivery).value
    except PublishFailed as exc:
        # Redis failed us. Try again later; the attempt counter bounds how often.
        try:
            raise self.retry(exc=exc, countdown=backoff(self.request.retries, pages.settings), max_retries=None)
        except Retry:
            _report_retry(exc, message, delivery.task_id, (time.perf_counter() - started) * 1000)
            raise
        except Exception:
            # Could not even schedule the retry: leave the message for redelivery.
            raise Reject(str(exc), requeue=True) from None
    except SoftTimeLimitExceeded:
        error: ArticleWorkerError = ExtractionTimeout.over("SOFT_TIME_LIMIT", pages.settings.soft_time_limit)
        return _last_resort(pages, message, delivery, error).value
    except Exception as exc:  # a bug outside the page handling: never let the message loop
        log.exception("unexpected error in task %s", delivery.task_id)
        return _last_resort(pages, message, delivery, InternalError(f"{type(exc).__name__}: {exc}"[:500])).value


def _last_resort(pages: Pages, message: Any, delivery: Delivery, error: ArticleWorkerError) -> Outcome:
    """Dead-letter the message as it came (its page, for a claim check), or requeue it when even that fails."""
    try:
        return pages.dead_letters.record(
            error, message, stage="task", attempts=0, worker=delivery.worker, task_id=delivery.task_id
        )
    except ArticleWorkerError:
        raise Reject(f"could not dead-letter: {error.reason.value}", requeue=True) from None


def _report_retry(exc: PublishFailed, message: Any, task_id: str, duration_ms: float) -> None:
    job_id, url = exc.job_id, exc.url
    if job_id is None and url is None:  # the page was not read: what the message itself says
        job_id, url = _identify(message)
    report(Outcome.RETRY, task_id, job_id=job_id, url=url, reason=exc.reason.value, duration_ms=duration_ms)


def _identify(message: Any) -> tuple[str | None, str | None]:
    """Best-effort job id and URL of a message the task did not read (a claim check names neither)."""
    try:
        page = json.loads(message)
        return page.get("job_id"), page.get("url")
    except Exception:
        return None, None
