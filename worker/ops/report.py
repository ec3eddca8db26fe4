"""The one outcome vocabulary, and the one place a message's outcome is reported: a log line and the counts.

Every way a message ends comes through `report`: the page task (an event, a skipped page, a dead
letter, a duplicate), its retries, the hard time limit (reported by the main process), the consumer (messages
Celery cannot decode) and the intake. The line has the same fields whatever the path (task_id,
job_id, url, outcome, reason, duration_ms), and the observers (the metrics, once enabled) see the
same record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from schemas import Article

log = logging.getLogger("article_worker.pages")


class Outcome(StrEnum):
    """What became of a message: the `outcome` of the log line and the metrics' label."""

    EVENT = "event"  # an ArticleEvent was published
    SKIPPED = "skipped"  # a SkippedPage was published (a page type not in ACCEPT_PAGE_TYPES); reason: the type
    DEAD_LETTER = "dead_letter"  # a DeadLetter was published
    RETRY = "retry"  # Redis failed us; the task runs again after a backoff
    DUPLICATE = "duplicate"  # redelivered after its outcome was written, or the same page twice: nothing new


@dataclass(frozen=True)
class PageOutcome:
    outcome: Outcome
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
            "outcome": self.outcome.value,
            "reason": self.reason,
            "duration_ms": ms,
        }


Observer = Callable[[PageOutcome], None]
_observers: list[Observer] = []


def add_observer(observer: Observer) -> None:
    """Called with every reported outcome, in this process (the metrics register here)."""
    _observers.append(observer)


def report(outcome: Outcome, task_id: str | None, **details: Any) -> PageOutcome:
    """Log the message's outcome line and count it. Never raises: observing must not fail a page."""
    page = PageOutcome(outcome, task_id, **details)
    ms = -1.0 if page.duration_ms is None else page.duration_ms
    level = logging.INFO if outcome in (Outcome.EVENT, Outcome.SKIPPED, Outcome.DUPLICATE) else logging.WARNING
    log.log(
        level,
        "%s job=%s url=%s reason=%s %.1fms",
        *(outcome.value, page.job_id, page.url, page.reason, ms),
        extra=page.fields(),
    )
    for observer in _observers:
        try:
            observer(page)
        except Exception:  # a metrics bug must never cost a page
            log.exception("could not record an outcome")
    return page
