"""Claim checks on the real Redis: large pages wait in their own key, the queue carries the key's id."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from schemas import DeadLetter, Reason
from schemas.reasons import ClaimMissing, InvalidMessage, PageTooLarge
from tests.support.queue import queued_args
from worker import producer
from worker.ops import dlq
from worker.ops.report import Outcome
from worker.page.dead_letters import DeadLetters
from worker.page.process import Delivery, Pages
from worker.producer import enqueue, send
from worker.service.app import create_app
from worker.settings import Settings
from worker.store import claims
from worker.store.keys import Keys
from worker.store.streams import Streams

CLAIM = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def streams(redis_client: redis.Redis, settings: Settings) -> Streams:
    return Streams(redis_client, settings)


@pytest.fixture
def pages(redis_client: redis.Redis, settings: Settings) -> Pages:
    return Pages(redis_client, settings)


@pytest.fixture
def app(settings: Settings) -> Iterator[Celery]:
    celery = create_app(settings)
    yield celery
    celery.close()


def only_dead_letter(client: redis.Redis, settings: Settings) -> DeadLetter:
    [(_, entry)] = client.xrange(settings.key(settings.dead_letter_stream))
    return DeadLetter.model_validate_json(entry[b"dead_letter"])


def page_text(n: int = 1, **extra: object) -> str:
    return json.dumps({"url": f"https://news.example.com/{n}", "content": article_html(n)[1], **extra})


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ('{"url": "https://x.org/"}', None),  # JSON text: an inline page
        ({"url": "https://x.org/", "content": "<p>x</p>"}, None),  # an inline page as an object
        ({"claim_check": CLAIM}, CLAIM),
    ],
)
def test_claim_of_tells_claim_checks_from_pages(message: Any, expected: str | None) -> None:
    assert claims.claim_of(message) == expected


@pytest.mark.parametrize(
    "message",
    [
        {"claim_check": "../../results"},  # only our own id shape: no arbitrary key reads
        {"claim_check": CLAIM.upper()},
        {"claim_check": CLAIM[:-1]},
        {"claim_check": 12},
        {"claim_check": CLAIM, "url": "https://x.org/"},
    ],
)
def test_a_malformed_claim_check_is_an_invalid_message(message: dict[str, Any]) -> None:
    with pytest.raises(InvalidMessage):
        claims.claim_of(message)


@pytest.mark.parametrize(
    ("threshold", "length", "wanted"),
    [(0, 10**6, False), (100, 99, False), (100, 100, True), (100, 5000, True)],
)
def test_pages_at_or_over_the_threshold_go_by_claim_check(threshold: int, length: int, wanted: bool) -> None:
    assert claims.wanted("x" * length, Settings(claim_check_bytes=threshold)) is wanted


def test_enqueue_sends_a_large_page_by_claim_check_and_a_small_one_inline(
    app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    big = {"url": "https://news.example.com/big", "content": "<p>" + "word " * settings.claim_check_bytes + "</p>"}
    small = {"url": "https://news.example.com/small", "content": "<p>tiny</p>"}
    enqueue(big, app=app)
    enqueue(small, app=app)
    queued = [args[0] for args in queued_args(redis_client, settings.key(settings.pages_queue))]
    [claim_message] = [m for m in queued if isinstance(m, dict)]
    [inline] = [m for m in queued if isinstance(m, str)]
    claim = claims.claim_of(claim_message)
    assert claim is not None
    stored = redis_client.get(Keys(settings).claim(claim))
    assert stored is not None and json.loads(stored)["url"] == big["url"]
    assert 0 < redis_client.ttl(Keys(settings).claim(claim)) <= settings.claim_check_ttl
    assert json.loads(inline)["url"] == small["url"]


def test_a_claim_checked_page_is_published_and_its_key_emptied_in_the_same_script(
    pages: Pages, streams: Streams, redis_client: redis.Redis, settings: Settings
) -> None:
    message = claims.store(redis_client, settings, page_text(1))
    key = Keys(settings).claim(message["claim_check"])
    assert pages.process(message, Delivery(task_id="t-claim")) is Outcome.EVENT
    assert redis_client.get(key) == b"", "the page is gone, an empty tombstone is left"
    assert 0 < redis_client.ttl(key) <= settings.dedup_ttl
    [(_, entry)] = redis_client.xrange(settings.key(settings.results_stream))
    assert json.loads(entry[b"event"])["url"] == "https://news.example.com/1"
    # Redelivered after the event was written: the done marker answers, the page is not needed.
    assert pages.process(message, Delivery(task_id="t-claim")) is Outcome.DUPLICATE
    # ... and still after the done marker expired (all workers down for longer than its TTL): the
    # tombstone answers, rather than a claim_missing dead letter for a page that was published.
    redis_client.delete(settings.key("done:t-claim"))
    assert pages.process(message, Delivery(task_id="t-claim")) is Outcome.DUPLICATE
    assert redis_client.xlen(settings.key(settings.dead_letter_stream)) == 0
    assert redis_client.xlen(settings.key(settings.results_stream)) == 1


def test_without_dedup_the_claim_key_is_deleted_outright(redis_client: redis.Redis, settings: Settings) -> None:
    no_dedup = settings.model_copy(update={"dedup_ttl": 0})
    message = claims.store(redis_client, no_dedup, page_text(2))
    assert Pages(redis_client, no_dedup).process(message, Delivery(task_id="t-nodedup")) is Outcome.EVENT
    assert not redis_client.exists(Keys(settings).claim(message["claim_check"]))


def test_a_poison_claim_check_is_dead_lettered_with_its_page(
    pages: Pages, streams: Streams, redis_client: redis.Redis, settings: Settings
) -> None:
    text = page_text(3, job_id="job-poison")
    message = claims.store(redis_client, settings, text)
    for _ in range(settings.max_attempts):
        streams.start_attempt("t-poison")  # each start = a crash before finishing
    assert pages.process(message, Delivery(task_id="t-poison")) is Outcome.DEAD_LETTER
    letter = only_dead_letter(redis_client, settings)
    assert letter.reason is Reason.TOO_MANY_ATTEMPTS
    assert letter.original == text, "read before dead-lettering, so a replay has the page"
    assert (letter.job_id, letter.url) == ("job-poison", "https://news.example.com/3"), "named by the page it holds"
    assert redis_client.get(Keys(settings).claim(message["claim_check"])) == b""


def test_a_claim_checked_bad_page_is_dead_lettered_with_the_page_not_the_claim(
    pages: Pages, streams: Streams, redis_client: redis.Redis, settings: Settings
) -> None:
    text = json.dumps({"url": "ftp://example.org/x", "content": "<p>x</p>" * 3000})
    message = claims.store(redis_client, settings, text)
    assert pages.process(message, Delivery(task_id="t-bad")) is Outcome.DEAD_LETTER
    letter = only_dead_letter(redis_client, settings)
    assert letter.reason is Reason.INVALID_MESSAGE
    assert letter.original == text, "the dead letter keeps the page, so a replay needs nothing else"
    assert redis_client.get(Keys(settings).claim(message["claim_check"])) == b""


def test_a_claim_whose_page_is_gone_is_dead_lettered_as_claim_missing(
    pages: Pages, streams: Streams, redis_client: redis.Redis, settings: Settings
) -> None:
    message = {"claim_check": CLAIM}
    with pytest.raises(ClaimMissing):
        claims.resolve(message, redis_client, settings)
    assert pages.process(message, Delivery(task_id="t-gone")) is Outcome.DEAD_LETTER
    letter = only_dead_letter(redis_client, settings)
    assert letter.reason is Reason.CLAIM_MISSING and not letter.retryable
    assert json.loads(letter.original or "") == message


def test_a_page_that_could_not_be_queued_leaves_no_claim_behind(
    app: Celery, redis_client: redis.Redis, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broker_down(*_: object, **__: object) -> str:
        raise ConnectionError("broker down")

    monkeypatch.setattr(send, "enqueue_message", broker_down)
    big = {"url": "https://news.example.com/big", "content": "<p>" + "word " * settings.claim_check_bytes + "</p>"}
    with pytest.raises(ConnectionError):
        producer.enqueue(big, app=app)
    assert not list(redis_client.scan_iter(match=settings.key("claim:*")))


def test_a_replayed_dead_letter_goes_by_claim_check_when_large_and_inline_when_small(
    app: Celery, redis_client: redis.Redis, settings: Settings, streams: Streams
) -> None:
    """Replay sends the original verbatim, as `enqueue` would send its text: a large page in its own key."""
    big = json.dumps({"url": "https://news.example.com/big", "content": "<p>" + "word " * settings.claim_check_bytes})
    small = "not json"
    for i, original in enumerate((big, small)):
        DeadLetters(streams).record(
            PageTooLarge("over the limit then"), original, stage="task", attempts=1, task_id=f"t{i}"
        )
    letters = list(dlq.entries(redis_client, settings))
    sent, skipped = dlq.replay(redis_client, settings, letters, lambda text: producer.send_text(text, app=app))
    assert (sent, skipped) == (2, [])
    queued = [args[0] for args in queued_args(redis_client, settings.key(settings.pages_queue))]
    [claim_message] = [m for m in queued if isinstance(m, dict)]
    claim = claims.claim_of(claim_message)
    assert claim is not None
    assert redis_client.get(Keys(settings).claim(claim)) == big.encode()  # verbatim, byte for byte
    assert [m for m in queued if isinstance(m, str)] == [small]
    assert redis_client.xlen(settings.key(settings.dead_letter_stream)) == 0
