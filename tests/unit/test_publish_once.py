"""Publishing once per message, on the real Redis: the scripts of worker.store.streams, via Streams and Pages."""

from __future__ import annotations

import json
import socket

import pytest
import redis

from harness.pages import article_html
from schemas import DeadLetter, Reason
from schemas.reasons import PublishFailed
from worker.ops.report import Outcome
from worker.page import process
from worker.page.process import Delivery, Pages
from worker.settings import Settings
from worker.store.client import make_client
from worker.store.streams import Streams


@pytest.fixture
def streams(redis_client: redis.Redis, settings: Settings) -> Streams:
    return Streams(redis_client, settings)


@pytest.fixture
def pages(redis_client: redis.Redis, settings: Settings) -> Pages:
    return Pages(redis_client, settings)


def page(n: int = 1, **extra: object) -> str:
    return json.dumps(
        {"url": f"https://news.example.com/{n}", "job_id": f"job-{n}", "content": article_html(n)[1], **extra}
    )


def stream_entries(client: redis.Redis, settings: Settings, name: str) -> list[dict[bytes, bytes]]:
    return [fields for _, fields in client.xrange(settings.key(name))]


def test_a_redelivered_page_is_published_once_with_the_same_event_id(
    pages: Pages, streams: Streams, redis_client: redis.Redis, settings: Settings
) -> None:
    delivery = Delivery(task_id="task-1", worker="w@test")
    assert pages.process(page(), delivery) is Outcome.EVENT
    assert pages.process(page(), delivery) is Outcome.DUPLICATE
    [entry] = stream_entries(redis_client, settings, settings.results_stream)
    assert entry[b"job_id"] == b"job-1"
    assert not redis_client.exists(settings.key("attempts:task-1")), "the counter is deleted when done"
    # The same page as a second message (a new task id): the same event id, still one entry.
    assert pages.process(page(), Delivery(task_id="task-2")) is Outcome.DUPLICATE
    assert len(stream_entries(redis_client, settings, settings.results_stream)) == 1


def test_attempts_are_counted_until_the_message_is_poison(
    pages: Pages, streams: Streams, redis_client: redis.Redis, settings: Settings
) -> None:
    for expected in range(1, settings.max_attempts + 1):
        assert streams.start_attempt("task-crashy") == expected  # each start = a crash before finishing
    assert pages.process(page(3), Delivery(task_id="task-crashy")) is Outcome.DEAD_LETTER
    [entry] = stream_entries(redis_client, settings, settings.dead_letter_stream)
    letter = DeadLetter.model_validate_json(entry[b"dead_letter"])
    assert letter.reason is Reason.TOO_MANY_ATTEMPTS and letter.attempts == settings.max_attempts + 1
    assert streams.start_attempt("task-crashy") is None
    assert redis_client.xlen(settings.key(settings.results_stream)) == 0


def test_a_dead_letter_is_written_once_per_message(
    pages: Pages, streams: Streams, redis_client: redis.Redis, settings: Settings
) -> None:
    for _ in range(3):
        assert pages.process("not json", Delivery(task_id="task-bad")) in (
            Outcome.DEAD_LETTER,
            Outcome.DUPLICATE,
        )
    [entry] = stream_entries(redis_client, settings, settings.dead_letter_stream)
    assert entry[b"reason"] == b"not_json"


def test_an_unexpected_exception_becomes_an_internal_error_letter(
    pages: Pages, streams: Streams, redis_client: redis.Redis, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("a bug met this page")

    monkeypatch.setattr(process, "extract", boom)
    assert pages.process(page(4), Delivery(task_id="task-bug")) is Outcome.DEAD_LETTER
    [entry] = stream_entries(redis_client, settings, settings.dead_letter_stream)
    letter = DeadLetter.model_validate_json(entry[b"dead_letter"])
    assert letter.reason is Reason.INTERNAL_ERROR and letter.retryable and "a bug met this page" in letter.error
    assert letter.job_id == "job-4"


def test_redis_unreachable_is_a_retryable_publish_failure(settings: Settings) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dead = Pages(make_client(f"redis://127.0.0.1:{port}/0", retries=1, timeout=0.5), settings)
    with pytest.raises(PublishFailed) as caught:
        dead.process(page(5), Delivery(task_id="task-x"))
    assert caught.value.retryable


def test_backoff_is_capped_exponential_with_full_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    from worker.service.task import backoff

    settings = Settings(retry_backoff=1.0, retry_backoff_max=8.0)
    delays = {retries: [backoff(retries, settings) for _ in range(300)] for retries in range(8)}
    for retries, values in delays.items():
        cap = min(8.0, 2**retries)
        assert all(0 <= v <= cap for v in values)
        assert max(values) > cap * 0.8 and min(values) < cap * 0.2  # jitter spans the whole range
