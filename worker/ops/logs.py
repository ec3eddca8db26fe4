"""Logging set-up: readable lines by default, one JSON object per line with LOG_FORMAT=json.

We own the root logger's handler, not Celery: its `setup_logging` signal (connected by the worker's
`install`) hands the set-up to us in the main worker process and again in every pool process, and a
handler someone else put on the root logger (an application embedding the worker) is left where it is.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from ..settings import Settings

FIELDS = ("task_id", "job_id", "url", "outcome", "reason", "duration_ms", "worker")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(processName)s %(name)s: %(message)s"
# Celery's "received" and "succeeded" lines repeat what our one outcome line per page says.
CHATTY = ("celery.worker.strategy", "celery.app.trace")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        entry.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class OurHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler we install (a second set-up replaces it and nothing else).

    It masks the Redis password in every line, whoever logs it: Celery's debug lines quote URLs and messages.
    """

    def __init__(self, secret: str | None = None) -> None:
        super().__init__(sys.stderr)
        forms = {secret, unquote(secret), json.dumps(unquote(secret))[1:-1]} if secret else set()
        self.secrets = sorted((f for f in forms if f), key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


def configure_logging(settings: Settings) -> logging.Handler:
    handler = OurHandler(urlsplit(settings.redis_url).password)
    handler.setFormatter(JsonFormatter() if settings.log_format == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, OurHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    logging.captureWarnings(True)  # warnings too (Celery warns before its own log set-up) go through us
    level: int = logging.getLevelNamesMapping().get(settings.log_level.upper(), logging.INFO)
    root.setLevel(level)
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.NOTSET if level <= logging.DEBUG else max(logging.WARNING, level))
    return handler


def celery_setup_logging(settings: Settings) -> None:
    """For Celery's `setup_logging`: ours goes on unless the host application has its own handler."""
    root = logging.getLogger()
    if any(not isinstance(h, OurHandler) for h in root.handlers):
        return  # an embedding application configured logging: leave it alone
    configure_logging(settings)


def quiet_shutdown(settings: Settings, consumer: Any) -> None:
    """JSON logs: Celery's SIGTERM handler prints "Warm shutdown" straight to stdout; ours logs it instead."""
    if settings.log_format != "json" or getattr(consumer, "controller", None) is None:
        return
    from celery.apps.worker import install_worker_term_handler

    install_worker_term_handler(consumer.controller, verbose=False)


def log_shutdown(sig: Any, how: Any) -> None:
    logging.getLogger("article_worker.worker").info("%s shutdown on %s", how, sig)
