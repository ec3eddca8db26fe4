"""Property-based: whatever arrives, nothing but an article with text or a typed error of the page comes out.

`extract()` may only return an Article or raise a MessageError / PageError (an error the page itself
causes, with a permanent reason); any other exception escapes `read()` and fails the test. The task
path may only end in an event, a dead letter that is not `internal_error`, or a duplicate.
"""

from __future__ import annotations

import base64
import gzip
import json
from typing import Any

import redis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import Article, RawPage, Reason
from schemas.reasons import ArticleWorkerError, MessageError, PageError
from worker.ops.report import Outcome
from worker.page.messages import decode_message
from worker.page.process import Delivery, Pages
from worker.pipeline import Limits, extract
from worker.settings import Settings

LIMITS = Limits(max_page_bytes=256 * 1024, max_dom_nodes=20_000, max_dom_depth=250)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIELDS = list(RawPage.model_fields)
TAGS = ["html", "body", "p", "div", "article", "a", "img", "script", "style", "svg", "table", "td", "h1", "meta", "br"]

fragments = st.one_of(
    st.text(max_size=80),
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&lol;", "<!--", "-->", "<![CDATA[", "<?xml ?>", "<!DOCTYPE html>"]),
    st.just("<p>" + "Words of a real sentence about the harbour and its ferry. " * 4 + "</p>"),
)
html_text = st.lists(fragments, max_size=60).map("".join)
charsets = st.one_of(st.none(), st.sampled_from(["utf-8", "utf-16", "utf-32", "latin-1", "shift_jis", "x-bogus", ""]))
content_types = st.one_of(
    st.none(), st.sampled_from(["text/html", "text/plain", "application/pdf", "text/html; charset=utf-16", "x"])
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def read(raw: RawPage) -> Article | ArticleWorkerError:
    """extract(), its typed errors returned; any other exception propagates and fails the test."""
    try:
        return extract(raw, LIMITS)
    except ArticleWorkerError as exc:
        return exc


def assert_article_or_page_error(result: Article | ArticleWorkerError) -> None:
    if isinstance(result, Article):
        assert result.body_text.strip() and result.word_count > 0, "an article has text"
    else:
        assert isinstance(result, (MessageError, PageError)), f"{type(result).__name__}: not an error of the page"
        assert result.reason not in (Reason.INTERNAL_ERROR, Reason.TIMEOUT) and not result.retryable


@SETTINGS
@given(data=st.binary(max_size=4096) | html_text.map(lambda t: t.encode("utf-8", "surrogatepass")), charset=charsets,
       content_type=content_types, gzipped=st.booleans())  # fmt: skip
def test_arbitrary_bytes_give_an_article_or_an_error_of_the_page(
    data: bytes, charset: str | None, content_type: str | None, gzipped: bool
) -> None:
    payload = gzip.compress(data) if gzipped else data
    raw = RawPage(
        url="https://example.org/p",
        content_b64=base64.b64encode(payload).decode(),
        content_encoding="gzip" if gzipped else None,
        charset=charset or None,
        content_type=content_type,
    )
    assert_article_or_page_error(read(raw))


@SETTINGS
@given(text=html_text | st.text(max_size=2000), content_type=content_types)
def test_arbitrary_text_gives_an_article_or_an_error_of_the_page(text: str, content_type: str | None) -> None:
    assert_article_or_page_error(read(RawPage(url="https://example.org/t", content=text, content_type=content_type)))


page_dicts = st.fixed_dictionaries(
    {"url": st.sampled_from(["https://example.org/x", "ftp://x", "", "http://h/" + "a" * 10])},
    optional={
        **{name: json_values for name in FIELDS if name != "url"},
        "content": html_text,
        "schema_version": st.sampled_from([1, 2, "1", None]),
    },
)
messages = st.one_of(
    page_dicts.map(json.dumps),
    st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), json_values, max_size=6).map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=200),
    st.binary(max_size=200),
)


@SETTINGS
@given(message=messages)
def test_arbitrary_messages_give_a_page_or_a_message_error_then_an_article_or_a_page_error(message: Any) -> None:
    try:
        raw = decode_message(message, 64 * 1024)
    except ArticleWorkerError as exc:  # any other exception escapes and fails the test
        assert isinstance(exc, MessageError) and not exc.retryable, f"{type(exc).__name__}: not a message error"
        return
    assert_article_or_page_error(read(raw))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(message=messages)
def test_arbitrary_messages_through_the_task_path(
    message: Any, redis_client: redis.Redis, settings: Settings
) -> None:  # fmt: skip
    before = redis_client.xlen(settings.key(settings.dead_letter_stream))
    result = Pages(redis_client, settings).process(message, Delivery(task_id=f"prop-{hash(message)}-{before}"))
    assert result in (Outcome.EVENT, Outcome.DEAD_LETTER, Outcome.DUPLICATE)
    last = redis_client.xrevrange(settings.key(settings.dead_letter_stream), count=1)
    if result is Outcome.DEAD_LETTER:
        assert last and last[0][1][b"reason"] != Reason.INTERNAL_ERROR.value.encode()
