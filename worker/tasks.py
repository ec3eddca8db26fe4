"""The Celery task: a thin shell around `handling.process` that owns retries and timeouts.

Every way out of the task is decided here, so nothing loops forever: Redis failures retry with
backoff (bounded by the attempt counter), anything unexpected becomes a dead letter, and a message
that cannot even be dead-lettered is requeued for a later, counted, attempt.
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

from . import pool_init  # noqa: F401 - pool_init: gc.freeze() as each pool process starts
from .celery_app import TASK_NAME, app
from .dead_letters import dead_letter
from .handling import Delivery, process
from .ops.report import Outcome, report
from .runtime import streams
from .settings import get_settings
from .store import claims

log = logging.getLogger("article_worker.tasks")


def backoff(retries: int) -> float:
    """Exponential backoff with full jitter, capped below the visibility timeout."""
    s = get_settings()
    return random.uniform(0, min(s.retry_backoff_max, s.retry_backoff * 2**retries))


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
        s = get_settings()
        error = ExtractionTimeout.over("HARD_TIME_LIMIT", s.hard_time_limit, "pool process killed")
        try:
            message, claim = claims.resolve_for_dead_letter(args[0] if args else None, streams().client, s)
        except PublishFailed:
            log.error("could not read the page of timed-out task %s; it is requeued", task_id)
            return
        worker = getattr(self.request, "hostname", None)
        letter = dead_letter(error, message, s, stage="task", attempts=0, worker=worker, task_id=task_id)
        try:
            streams().publish_dead_letter(letter, task_id, claim)
        except ArticleWorkerError:
            log.error("could not dead-letter timed-out task %s; it is requeued", task_id)
        else:
            report(Outcome.DEAD_LETTER, task_id, job_id=letter.job_id, url=letter.url, reason=letter.reason.value)


@app.task(bind=True, base=PageTask, name=TASK_NAME)  # type: ignore[untyped-decorator]
def process_page(self: PageTask, message: Any) -> str:
    delivery = Delivery(task_id=self.request.id, worker=self.request.hostname)
    started = time.perf_counter()
    try:
        return process(message, delivery, streams(), get_settings()).value
    except PublishFailed as exc:
        # Redis failed us. Try again later; the attempt counter bounds how often.
        try:
            raise self.retry(exc=exc, countdown=backoff(self.request.retries), max_retries=None)
        except Retry:
            _report_retry(exc, message, delivery.task_id, (time.perf_counter() - started) * 1000)
            raise
        except Exception:
            # Could not even schedule the retry: leave the message for redelivery.
            raise Reject(str(exc), requeue=True) from None
    except SoftTimeLimitExceeded:
        s = get_settings()
        return _last_resort(message, delivery, ExtractionTimeout.over("SOFT_TIME_LIMIT", s.soft_time_limit))
    except Exception as exc:  # a bug outside the page handling: never let the message loop
        log.exception("unexpected error in task %s", delivery.task_id)
        return _last_resort(message, delivery, InternalError(f"{type(exc).__name__}: {exc}"[:500]))


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


def _last_resort(message: Any, delivery: Delivery, error: ArticleWorkerError) -> str:
    s = get_settings()
    try:
        message, claim = claims.resolve_for_dead_letter(message, streams().client, s)
    except PublishFailed:
        raise Reject(f"could not read the page to dead-letter it: {error.reason.value}", requeue=True) from None
    letter = dead_letter(error, message, s, stage="task", attempts=0, worker=delivery.worker, task_id=delivery.task_id)
    try:
        streams().publish_dead_letter(letter, delivery.task_id, claim)
    except ArticleWorkerError:
        raise Reject(f"could not dead-letter: {error.reason.value}", requeue=True) from None
    report(Outcome.DEAD_LETTER, delivery.task_id, job_id=letter.job_id, url=letter.url, reason=letter.reason.value)
    return "dead_lettered"
