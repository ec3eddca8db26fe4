"""A real worker process on the real Redis: pages in, events and dead letters out."""

from __future__ import annotations

import json

import redis
from celery import Celery

from harness.pages import article_html
from schemas import Reason
from tests.conftest import SEED
from tests.integration.conftest import StartWorker
from tests.support.cli import run_cli
from tests.support.streams import dead_letters, events, skipped_pages
from worker.producer import enqueue, enqueue_message
from worker.settings import Settings


def test_twenty_pages_become_twenty_events(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    start_worker(concurrency=2)
    pages = [article_html(i) for i in range(19)]
    job_ids = [
        enqueue({"url": f"https://news.example.com/{i}", "content": html, "attributes": {"n": i}}, app=producer_app)
        for i, (_, html) in enumerate(pages)
    ]
    job_ids.append(enqueue({"url": "https://news.example.com/seed", "content": SEED.read_text()}, app=producer_app))

    got = events(redis_client, settings.key(settings.results_stream), 20)

    assert sorted(e.job_id for e in got) == sorted(job_ids)
    by_job = {e.job_id: e for e in got}
    for i, (title, _) in enumerate(pages):
        event = by_job[job_ids[i]]
        assert event.article.title == title
        assert event.attributes == {"n": i}
        assert event.extractor.name == "article-worker" and event.duration_ms > 0
    assert by_job[job_ids[-1]].article.input_format == "text"
    assert len({e.event_id for e in got}) == 20
    assert redis_client.xlen(settings.key(settings.dead_letter_stream)) == 0


def test_bad_messages_become_dead_letters_and_the_worker_carries_on(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    start_worker()
    not_json = "<html>this is not JSON</html>"
    invalid = json.dumps({"url": "ftp://example.org/x", "content": "<p>x</p>"})
    no_article = json.dumps(
        {
            "url": "https://example.org/empty",
            "job_id": "job-empty",
            "content": "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        }
    )
    for message in (not_json, invalid, no_article):
        enqueue_message(message, app=producer_app)
    _, html = article_html(42)
    job_id = enqueue({"url": "https://news.example.com/after", "content": html}, app=producer_app)

    letters = dead_letters(redis_client, settings.key(settings.dead_letter_stream), 3)
    assert [(d.reason, d.original) for d in letters] == [
        (Reason.NOT_JSON, not_json),
        (Reason.INVALID_MESSAGE, invalid),
        (Reason.NO_ARTICLE, no_article),
    ]
    assert all(not d.retryable and d.stage == "task" and d.attempts == 1 for d in letters)
    assert letters[2].job_id == "job-empty" and letters[2].url == "https://example.org/empty"
    [event] = events(redis_client, settings.key(settings.results_stream), 1)
    assert event.job_id == job_id


def test_same_page_twice_is_published_once(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    start_worker()
    _, html = article_html(7)
    page = {"url": "https://news.example.com/7", "job_id": "job-7", "content": html}
    enqueue(page, app=producer_app)
    enqueue(page, app=producer_app)
    enqueue({**page, "job_id": "job-7b"}, app=producer_app)
    # One pool process takes the queue in order, so job-7b's event means the duplicate was handled.
    got = events(redis_client, settings.key(settings.results_stream), 2)
    assert [e.job_id for e in got] == ["job-7", "job-7b"]
    assert redis_client.xlen(settings.key(settings.results_stream)) == 2


def test_a_large_page_goes_by_claim_check_and_its_key_is_gone_after_the_event(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    title, html = article_html(7)
    filler = "".join(
        f"<p>Paragraph {i} of the long report, with enough words to read as prose.</p>" for i in range(400)
    )
    big = html.replace("</article>", filler + "</article>")
    assert len(big) > settings.claim_check_bytes
    job_id = enqueue({"url": "https://news.example.com/long", "content": big}, app=producer_app)
    assert list(redis_client.scan_iter(match=settings.key("claim:*"))), "the page waits in its own key"
    start_worker()
    [event] = events(redis_client, settings.key(settings.results_stream), 1)
    assert event.job_id == job_id and event.article.title == title
    assert "Paragraph 399 of the long report" in (event.article.body_text or "")
    claim_keys = list(redis_client.scan_iter(match=settings.key("claim:*")))
    assert [redis_client.get(key) for key in claim_keys] == [b""], "emptied with the event"
    # Reliable fetch: the message left the worker's processing list in its unacked write.
    assert not list(redis_client.scan_iter(match=settings.key("processing:*")))


def test_a_page_of_a_type_not_accepted_comes_out_on_the_skipped_stream(
    start_worker: StartWorker,
    producer_app: Celery,
    redis_client: redis.Redis,
    settings: Settings,
    service_env: dict[str, str],
) -> None:
    """With ACCEPT_PAGE_TYPES=product, an ordinary article page is read fine and skipped, not dead-lettered."""
    start_worker(env={"ACCEPT_PAGE_TYPES": "product"})
    title, html = article_html(7)
    job_id = enqueue(
        {"url": "https://news.example.com/7", "content": html, "attributes": {"n": 7}, "producer": "e2e"},
        app=producer_app,
    )
    [skipped] = skipped_pages(redis_client, settings.key(settings.skipped_stream), 1)
    assert (skipped.job_id, skipped.page_type, skipped.metadata.title) == (job_id, "article", title)
    assert skipped.attributes == {"n": 7} and skipped.producer == "e2e" and skipped.worker
    assert redis_client.xlen(settings.key(settings.results_stream)) == 0
    assert redis_client.xlen(settings.key(settings.dead_letter_stream)) == 0
    stats = json.loads(run_cli(["stats", "--json"], service_env).stdout)
    assert (stats["skipped"], stats["skipped_by_type"], stats["events"]) == (1, {"article": 1}, 0)
