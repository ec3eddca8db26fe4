"""The one place a page's outcome is reported: one log line per page, and the metrics.

`handling` reports events and dead letters, Celery's `task_retry` signal reports retries, and the
main process reports a page whose pool process was killed at the hard time limit. Whatever the
path, the line has the same fields (task_id, job_id, url, outcome, reason, duration_ms).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any

from celery import signals

from schemas import Article

from . import metrics

log = logging.getLogger("article_worker.pages")
TASK_NAME = "article_worker.process_page"
EVENT, DEAD_LETTER, RETRY, DUPLICATE = "event", "dead_letter", "retry", "duplicate"
# handling.Outcome values -> the outcome we log and count. A duplicate is a redelivered page whose event or
# dead letter was already written: nothing new is published, so it is neither counted as one nor filled in.
_ALIASES = {"published": EVENT, "dead_lettered": DEAD_LETTER}
_started: dict[str, float] = {}  # task id -> perf_counter at task start, in this pool process


@dataclass(frozen=True)
class PageOutcome:
    outcome: str
    task_id: str | None
    job_id: str | None = None
    url: str | None = None
    reason: str | None = None
    duration_ms: float | None = None
    article: Article | None = None

    def fields(self) -> dict[str, Any]:
        ms = None if self.duration_ms is None else round(self.duration_ms, 3)
        return {
            "task_id": self.task_id,
            "job_id": self.job_id,
            "url": self.url,
            "outcome": self.outcome,
            "reason": self.reason,
            "duration_ms": ms,
        }


def report(outcome: str, task_id: str | None, **details: Any) -> None:
    """Log the page's outcome line and count it. Never raises: observing must not fail a page."""
    page = PageOutcome(_ALIASES.get(outcome, outcome), task_id, **details)
    ms = -1.0 if page.duration_ms is None else page.duration_ms
    level = logging.INFO if page.outcome in (EVENT, DUPLICATE) else logging.WARNING
    log.log(
        level,
        "%s job=%s url=%s reason=%s %.1fms",
        *(page.outcome, page.job_id, page.url, page.reason, ms),
        extra=page.fields(),
    )
    try:
        metrics.observe(page)
    except Exception:  # a metrics bug must never cost a page
        log.exception("metrics: could not record an outcome")


def _task_started(task_id: str | None = None, **_: Any) -> None:
    if task_id:
        _started[task_id] = time.perf_counter()


def _task_finished(task_id: str | None = None, **_: Any) -> None:
    _started.pop(task_id or "", None)


def _task_retried(sender: Any = None, request: Any = None, reason: Any = None, **_: Any) -> None:
    if getattr(sender, "name", None) != TASK_NAME or request is None:
        return
    started = _started.get(request.id)
    cause = getattr(reason, "exc", None) or reason
    code = getattr(cause, "reason", None)
    job_id, url = getattr(cause, "job_id", None), getattr(cause, "url", None)
    if job_id is None and url is None:  # the page was not read: what the message itself says
        job_id, url = _identify(request.args)
    report(
        RETRY,
        request.id,
        job_id=job_id,
        url=url,
        reason=str(getattr(code, "value", code or type(cause).__name__)),
        duration_ms=None if started is None else (time.perf_counter() - started) * 1000,
    )


signals.task_prerun.connect(_task_started)
signals.task_postrun.connect(_task_finished)
signals.task_retry.connect(_task_retried)


def _identify(args: Any) -> tuple[str | None, str | None]:
    """Best-effort job id and URL of a task's message, for lines about pages handling did not finish."""
    try:
        message = json.loads(args[0])
        return message.get("job_id"), message.get("url")
    except Exception:
        return None, None
