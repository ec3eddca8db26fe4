"""Reading our result streams from tests."""

from __future__ import annotations

import time

import redis

from schemas import ArticleEvent, DeadLetter, SkippedPage


def read_stream(client: redis.Redis, key: str, field: bytes) -> list[bytes]:
    return [fields[field] for _, fields in client.xrange(key)]


def wait_for(client: redis.Redis, key: str, field: bytes, count: int, timeout: float = 60) -> list[bytes]:
    deadline = time.monotonic() + timeout
    while True:
        entries = read_stream(client, key, field)
        if len(entries) >= count or time.monotonic() > deadline:
            return entries
        time.sleep(0.1)


def events(client: redis.Redis, key: str, count: int, timeout: float = 60) -> list[ArticleEvent]:
    return [ArticleEvent.model_validate_json(raw) for raw in wait_for(client, key, b"event", count, timeout)]


def dead_letters(client: redis.Redis, key: str, count: int, timeout: float = 60) -> list[DeadLetter]:
    return [DeadLetter.model_validate_json(raw) for raw in wait_for(client, key, b"dead_letter", count, timeout)]


def skipped_pages(client: redis.Redis, key: str, count: int, timeout: float = 60) -> list[SkippedPage]:
    return [SkippedPage.model_validate_json(raw) for raw in wait_for(client, key, b"skipped", count, timeout)]
