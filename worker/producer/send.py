"""The producer API: put pages on the queue from Python.

Without an `app`, the first call builds one from the environment (REDIS_URL, KEY_PREFIX...), as a worker
reads it; pass `app=create_app(settings)` to send elsewhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from celery import Celery

from schemas import RawPage

from ..page.ids import event_id_for, job_id_for
from ..service.app import TASK_NAME, create_app, service_of
from ..settings import Settings
from ..store import claims
from ..store.client import shared_client
from ..store.keys import Keys


def _app(app: Celery | None) -> Celery:
    return app if app is not None else _default_app()


@lru_cache(maxsize=1)
def _default_app() -> Celery:
    return create_app(Settings())


def to_raw_page(page: RawPage | Mapping[str, Any]) -> RawPage:
    """Validate here, at the producer, so a bad page fails fast instead of as a dead letter."""
    raw = page if isinstance(page, RawPage) else RawPage.model_validate(dict(page))
    return raw if raw.job_id else raw.model_copy(update={"job_id": job_id_for(raw)})


class Published:
    """Whether a page was already published within DEDUP_TTL (its event id is remembered): the workers
    would publish nothing new for it and count it as a duplicate. For producers that want to say so."""

    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.dedup_ttl > 0
        self.keys = Keys(settings)
        self.client = shared_client(settings.redis_url) if self.enabled else None

    def before(self, page: RawPage | Mapping[str, Any]) -> bool:
        if self.client is None:
            return False
        raw = to_raw_page(page)
        assert raw.job_id is not None
        return bool(self.client.exists(self.keys.published(event_id_for(raw.job_id, raw))))


def enqueue(page: RawPage | Mapping[str, Any], *, app: Celery | None = None, queue: str | None = None) -> str:
    """Validate `page`, send it to the pages queue (a large one by claim check), return its job id."""
    raw = to_raw_page(page)
    send_text(raw.model_dump_json(exclude_none=True), app=app, queue=queue)
    assert raw.job_id is not None
    return raw.job_id


def send_text(text: str, *, app: Celery | None = None, queue: str | None = None) -> str:
    """Send message text as it is, by claim check when it is at least CLAIM_CHECK_BYTES (the worker
    reads both alike); returns the task id. `enqueue` and dead-letter replay both send this way."""
    celery = _app(app)
    settings = service_of(celery).settings
    if not claims.wanted(text, settings):
        return enqueue_message(text, app=celery, queue=queue)
    client = shared_client(settings.redis_url)
    message = claims.store(client, settings, text)
    try:
        return enqueue_message(message, app=celery, queue=queue)
    except BaseException:
        client.delete(Keys(settings).claim(message[claims.FIELD]))  # not queued: nobody will read it
        raise


def enqueue_message(message: str | dict[str, str], *, app: Celery | None = None, queue: str | None = None) -> str:
    """Send a message as it is (dead-letter replay, tests, claim checks); returns the task id."""
    celery = _app(app)
    task_id = str(uuid.uuid4())
    celery.send_task(
        TASK_NAME,
        args=[message],
        queue=queue or celery.conf.task_default_queue,
        task_id=task_id,
        serializer="json",
        retry=True,
        retry_policy={"max_retries": 5, "interval_start": 0.2, "interval_step": 0.5, "interval_max": 3},
    )
    return task_id
