"""Page types (ACCEPT_PAGE_TYPES) and the metadata of pages without an article, through the task path
on the real Redis: a page of another type is a SkippedPage on its own stream, never a dead letter; a
`no_article` dead letter keeps what the pipeline found."""

from __future__ import annotations

import json

import pytest
import redis
from pydantic import ValidationError

from harness.pages import article_html
from schemas import DeadLetter, PageMetadata, Reason, SkippedPage
from schemas.reasons import NoArticle
from worker.ops.report import Outcome
from worker.page import process
from worker.page.ids import event_id_for, job_id_for
from worker.page.messages import decode_message
from worker.page.process import Delivery, Pages
from worker.settings import Settings


def page(n: int, **extra: object) -> str:
    return json.dumps(
        {"url": f"https://shop.example.com/{n}", "content": article_html(n)[1], "producer": "test", **extra}
    )


def entries(client: redis.Redis, key: str) -> list[dict[bytes, bytes]]:
    return [fields for _, fields in client.xrange(key)]


def test_a_page_of_a_type_not_accepted_is_a_skipped_page(redis_client: redis.Redis, settings: Settings) -> None:
    s = settings.model_copy(update={"accept_page_types": frozenset({"product"})})
    pages = Pages(redis_client, s)
    message = page(1, attributes={"crawl": 7})

    assert pages.process(message, Delivery(task_id="t-1", worker="w@test")) is Outcome.SKIPPED
    [entry] = entries(redis_client, s.key(s.skipped_stream))
    skipped = SkippedPage.model_validate_json(entry[b"skipped"])
    raw = decode_message(message, s.max_message_bytes)
    assert skipped.event_id == event_id_for(job_id_for(raw), raw) == entry[b"event_id"].decode()
    assert entry[b"page_type"] == b"article" and skipped.page_type == "article"
    assert skipped.metadata.title == article_html(1)[0] and skipped.metadata.publisher == "The Test Gazette"
    assert skipped.metadata.date_published == "2024-01-02T08:00:00+01:00"
    assert skipped.word_count > 50 and skipped.attempts == 1 and skipped.worker == "w@test"
    assert (skipped.producer, skipped.attributes) == ("test", {"crawl": 7})
    assert redis_client.xlen(s.key(s.results_stream)) == 0 and redis_client.xlen(s.key(s.dead_letter_stream)) == 0
    # Redelivered, or the same page again: one record, as for events.
    assert pages.process(message, Delivery(task_id="t-1")) is Outcome.DUPLICATE
    assert pages.process(message, Delivery(task_id="t-2")) is Outcome.DUPLICATE
    assert redis_client.xlen(s.key(s.skipped_stream)) == 1


def test_an_accepted_type_is_an_event(redis_client: redis.Redis, settings: Settings) -> None:
    s = settings.model_copy(update={"accept_page_types": frozenset({"product", "article"})})
    assert Pages(redis_client, s).process(page(2), Delivery(task_id="t-3")) is Outcome.EVENT
    assert redis_client.xlen(s.key(s.skipped_stream)) == 0


def test_no_article_dead_letters_keep_the_metadata_found(
    redis_client: redis.Redis, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = {
        "title": "Storm floods the old town",
        "authors": [{"name": "Jane Doe"}],
        "date_published": "2024-03-05",
        "date_published_precision": "date",
        "canonical_url": "https://news.example.com/storm",
        "body_text": "",  # not metadata: left out
        "date_modified": "last Tuesday",  # not an ISO date: left out, the rest kept
    }

    def no_body(*_: object) -> None:  # what the pipeline raises once it fills `metadata` (issue 17)
        raise NoArticle("no article text", metadata=found)

    monkeypatch.setattr(process, "extract", no_body)
    assert Pages(redis_client, settings).process(page(3), Delivery(task_id="t-4")) is Outcome.DEAD_LETTER
    [entry] = entries(redis_client, settings.key(settings.dead_letter_stream))
    letter = DeadLetter.model_validate_json(entry[b"dead_letter"])
    assert letter.reason is Reason.NO_ARTICLE and letter.metadata is not None
    assert letter.metadata.model_dump(exclude_defaults=True) == {
        "title": "Storm floods the old town",
        "authors": [{"name": "Jane Doe"}],
        "date_published": "2024-03-05",
        "date_published_precision": "date",
        "canonical_url": "https://news.example.com/storm",
    }


def test_other_dead_letters_have_no_metadata(redis_client: redis.Redis, settings: Settings) -> None:
    assert Pages(redis_client, settings).process("not json", Delivery(task_id="t-5")) is Outcome.DEAD_LETTER
    [entry] = entries(redis_client, settings.key(settings.dead_letter_stream))
    assert DeadLetter.model_validate_json(entry[b"dead_letter"]).metadata is None


def test_page_metadata_from_nothing_is_none() -> None:
    assert PageMetadata.found({}) is None
    assert PageMetadata.found({"title": "", "body_text": "x", "date_published": "soon"}) is None


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("article", {"article"}),
        (" Product , forum ", {"product", "forum"}),
        ("article,service", {"article", "service"}),
    ],
)
def test_accept_page_types_is_a_comma_separated_list(value: str, accepted: set[str]) -> None:
    assert Settings(accept_page_types=value).accept_page_types == accepted  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["blog", "article,news", ","])
def test_unknown_or_no_page_types_are_refused(value: str) -> None:
    with pytest.raises(ValidationError):
        Settings(accept_page_types=value)  # type: ignore[arg-type]
