"""Celery's consumer, with dead letters for messages it would otherwise only log and drop.

Celery acknowledges and forgets a message it cannot decode (not JSON, or a refused content type
such as pickle) or does not know; here each becomes a dead letter that keeps its body.
"""

from __future__ import annotations

import logging
from typing import Any

from celery.worker.consumer import Consumer
from kombu.exceptions import ContentDisallowed

from schemas.reasons import ArticleWorkerError, NotJson, RefusedContentType, UnknownTask

from .app import service_of

log = logging.getLogger("article_worker.consumer")
JSON = "application/json"


def _is_refused(exc: BaseException | None) -> bool:
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, ContentDisallowed):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


class DeadLetteringConsumer(Consumer):  # type: ignore[misc]
    def on_decode_error(self, message: Any, exc: Exception) -> None:
        if isinstance(exc, ContentDisallowed):
            error: ArticleWorkerError = RefusedContentType(
                f"content type {message.content_type!r} is refused; send JSON"
            )
        else:
            error = NotJson(f"message body is not decodable as {message.content_type!r}: {type(exc).__name__}")
        if self._dead_letter(error, message):
            message.ack()

    def on_unknown_message(self, body: Any, message: Any) -> None:
        if self._dead_letter(UnknownTask("message is not a Celery task message"), message):
            message.ack()

    def on_unknown_task(self, body: Any, message: Any, exc: Exception) -> None:
        name = (message.headers or {}).get("task")
        if self._dead_letter(UnknownTask(f"no task named {name!r} in this worker"), message):
            message.ack()

    def on_invalid_task(self, body: Any, message: Any, exc: Exception) -> None:
        # Celery 5.7 reports a refused serialiser here, wrapped, rather than as a decode error.
        refused = _is_refused(exc) or getattr(message, "content_type", JSON) != JSON
        error: ArticleWorkerError = (
            RefusedContentType(f"content type {message.content_type!r} is refused; send JSON")
            if refused
            else UnknownTask(f"invalid task message: {exc}")
        )
        if self._dead_letter(error, message):
            message.ack()

    def _dead_letter(self, error: ArticleWorkerError, message: Any) -> bool:
        """True once the dead letter is written; False leaves the message unacked for redelivery."""
        # The task id, else kombu's delivery tag: both survive redelivery, so a letter is written once.
        task_id = (message.headers or {}).get("id") or getattr(message, "delivery_tag", None)
        dead_letters = service_of(self.app).pages.dead_letters
        try:
            dead_letters.record(error, message.body, stage="broker", attempts=1, worker=self.hostname, task_id=task_id)
        except ArticleWorkerError:
            log.critical("could not dead-letter a refused message; it stays unacked for redelivery")
            return False
        return True
