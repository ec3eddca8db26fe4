"""Claim check: a large page waits in its own Redis key, and the queue carries only that key's id.

Why: Celery moves every task message through the worker's main process, which JSON-decodes it,
writes it again to kombu's unacked hash and pipes it (twice: arguments and body) to the pool
process. For a 200 KiB page that is about 4 ms of main-process CPU and a pause of the pool process
while the page crawls through the pipe; with a claim check the message is ~50 bytes and the pool
process reads the page with one GET. The same Lua script that publishes the page's event or dead
letter (`worker.store.streams`) empties the key into a short-lived tombstone, so a redelivery after that
finds the `done` marker (or, once that expired, the tombstone) and only acks; `CLAIM_CHECK_TTL`
bounds what a purged queue leaves behind.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import redis
from redis.exceptions import RedisError

from schemas.reasons import ClaimMissing, InvalidMessage, PublishFailed

from ..settings import Settings
from .keys import Keys

FIELD = "claim_check"
_ID = re.compile(r"[0-9a-f]{32}")


class Finished(Exception):
    """The claim's page was already published or dead-lettered: its key holds the empty tombstone."""


def wanted(text: str, settings: Settings) -> bool:
    return 0 < settings.claim_check_bytes <= len(text)


def claim_of(message: Any) -> str | None:
    """The claim id when `message` is a claim check; only our own id shape, so a crafted message
    cannot make the worker read an arbitrary key."""
    if not (isinstance(message, dict) and FIELD in message):
        return None
    claim = message[FIELD]
    if len(message) != 1 or not isinstance(claim, str) or not _ID.fullmatch(claim):
        raise InvalidMessage(f'malformed claim check: expected {{"{FIELD}": "<32 hex digits>"}}')
    return claim


def store(client: redis.Redis, settings: Settings, text: str) -> dict[str, str]:
    """Put the page text in its key; returns the message to enqueue instead of the page."""
    claim = uuid.uuid4().hex
    client.set(Keys(settings).claim(claim), text, ex=settings.claim_check_ttl)
    return {FIELD: claim}


def resolve(message: Any, client: redis.Redis, settings: Settings) -> tuple[Any, str | None]:
    """(the page message, its claim key) for a claim check, else (message, None).

    Raises PublishFailed when Redis fails (retryable), ClaimMissing when the page is gone, Finished
    when only the tombstone is left."""
    claim = claim_of(message)
    if claim is None:
        return message, None
    name = Keys(settings).claim(claim)
    try:
        page = client.get(name)
    except RedisError as exc:
        raise PublishFailed(f"could not read claim-checked page: {type(exc).__name__}") from None
    if page is None:
        raise ClaimMissing(f"claim-checked page {claim} is not in Redis (expired after CLAIM_CHECK_TTL, or deleted)")
    if not page:
        raise Finished(claim)
    return page, name


def resolve_for_dead_letter(message: Any, client: redis.Redis, settings: Settings) -> tuple[Any, str | None]:
    """As `resolve`, for a dead letter: the page when there is one, else the message as it came.
    PublishFailed still raises: a caller that can requeue should, rather than keep only the pointer."""
    try:
        return resolve(message, client, settings)
    except (ClaimMissing, InvalidMessage, Finished):
        return message, None


def resolve_quietly(message: Any, client: redis.Redis, settings: Settings) -> tuple[Any, str | None]:
    """As `resolve_for_dead_letter`, never raising: if Redis fails here, the dead letter's own write
    fails too and the task retries."""
    try:
        return resolve_for_dead_letter(message, client, settings)
    except PublishFailed:
        return message, None
