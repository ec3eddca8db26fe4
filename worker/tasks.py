"""The Celery task: a thin shell around `handling.process` that owns retries and timeouts."""

from __future__ import annotations

import random
from typing import Any

from celery import Task
from celery.exceptions import Reject, Retry, TimeLimitExceeded

from .celery_app import TASK_NAME, app
from .dead_letters import dead_letter
from .errors import ExtractionTimeout, PublishFailed
from .handling import Delivery, process
from .outcomes import DEAD_LETTER, report
from .runtime import streams
from .settings import get_settings


def backoff(retries: int) -> float:
    """Exponential backoff with full jitter, capped below the visibility timeout."""
    s = get_settings()
    return random.uniform(0, min(s.retry_backoff_max, s.retry_backoff * 2**retries))


class PageTask(Task):  # type: ignore[misc]
    acks_late = True
    reject_on_worker_lost = True
    ignore_result = True

    def on_failure(self, exc: Exception, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        """Runs in the main process when the hard time limit killed the pool process."""
        if not isinstance(exc, TimeLimitExceeded):
            return
        s = get_settings()
        error = ExtractionTimeout(f"extraction exceeded HARD_TIME_LIMIT={s.hard_time_limit}s; pool process killed")
        message = args[0] if args else None
        letter = dead_letter(error, message, s, stage="task", attempts=0, worker=self.request.hostname, task_id=task_id)
        streams().publish_dead_letter(letter)
        report(DEAD_LETTER, task_id, job_id=letter.job_id, url=letter.url, reason=letter.reason.value)


@app.task(bind=True, base=PageTask, name=TASK_NAME)  # type: ignore[untyped-decorator]
def process_page(self: PageTask, message: Any) -> str:
    delivery = Delivery(task_id=self.request.id, worker=self.request.hostname)
    try:
        return process(message, delivery, streams(), get_settings()).value
    except PublishFailed as exc:
        # Redis failed us. Try again later; the attempt counter bounds how often.
        try:
            raise self.retry(exc=exc, countdown=backoff(self.request.retries), max_retries=None)
        except Retry:
            raise
        except Exception:
            # Could not even schedule the retry: leave the message for redelivery.
            raise Reject(str(exc), requeue=True) from None
