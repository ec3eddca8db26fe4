"""Hostile and broken messages through the whole task path (Pages.process on the real Redis).

Each row: the message, then the dead letter's reason, or ARTICLE with a check on the article. Every
row must finish well within the time limit, and the next message must still be processed.
"""

from __future__ import annotations

import base64
import json
import time
import zlib
from collections.abc import Callable
from typing import Any

import pytest
import redis

from harness.pages import article_html
from schemas import PAGE_TYPES, Article, ArticleEvent, DeadLetter, Reason
from worker.ops.report import Outcome
from worker.page.process import Delivery, Pages
from worker.settings import Settings

ARTICLE = "article"
URL = "https://news.example.com/hostile"
KB = 1024
PROSE = "<p>" + "The council met on Tuesday to discuss the harbour budget and the new ferry timetable. " * 6 + "</p>"
ARTICLE_PAGE = f"<html><body><article><h1>Harbour budget</h1>{PROSE}{PROSE}</article></body></html>"
LIMITS = {"max_message_bytes": 512 * KB, "max_page_bytes": 64 * KB, "max_dom_nodes": 5000}


def msg(**fields: Any) -> str:
    return json.dumps({"url": URL, **fields})


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes, gzip-compressed in chunks (never held in memory)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1024 * 1024)
    out = [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join([*out, packer.flush()])


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]><html><body><p>&lol9;</p></body></html>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<html><body><article><p>&xxe;</p>{PROSE}</article></body></html>"
)
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n" + bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
UTF8_PAGE = ARTICLE_PAGE.replace("council", "conseil général élu").encode()


def words(article: Article) -> bool:
    return article.word_count > 50


CASES: list[tuple[str, Any, str | Reason, Callable[[Article], bool] | None]] = [
    # Not a message at all
    ("not json", "<html>not json</html>", Reason.NOT_JSON, None),
    ("truncated json", msg(content=ARTICLE_PAGE)[:-5], Reason.NOT_JSON, None),
    ("bytes not utf-8", b"\xff\xfe\x00\x81garbage", Reason.NOT_JSON, None),
    ("json array", "[1, 2, 3]", Reason.INVALID_MESSAGE, None),
    ("json null", "null", Reason.INVALID_MESSAGE, None),
    ("oversized message", msg(content="x" * 600 * KB), Reason.MESSAGE_TOO_LARGE, None),
    # Wrong or missing fields
    ("missing url", json.dumps({"content": ARTICLE_PAGE}), Reason.INVALID_MESSAGE, None),
    ("missing content", msg(), Reason.INVALID_MESSAGE, None),
    ("both contents", msg(content="x", content_b64="eA=="), Reason.INVALID_MESSAGE, None),
    ("content is a number", msg(content=42), Reason.INVALID_MESSAGE, None),
    ("attributes not an object", msg(content=ARTICLE_PAGE, attributes=[1]), Reason.INVALID_MESSAGE, None),
    ("job_id with spaces", msg(content=ARTICLE_PAGE, job_id="a b"), Reason.INVALID_MESSAGE, None),
    ("gzip on text content", msg(content="x", content_encoding="gzip"), Reason.INVALID_MESSAGE, None),
    ("unknown schema_version", msg(content=ARTICLE_PAGE, schema_version=2), Reason.UNSUPPORTED_SCHEMA_VERSION, None),
    ("schema_version string", msg(content=ARTICLE_PAGE, schema_version="1"), Reason.UNSUPPORTED_SCHEMA_VERSION, None),
    # Non-http URLs
    *[
        (f"url {scheme}", json.dumps({"url": url, "content": ARTICLE_PAGE}), Reason.INVALID_MESSAGE, None)
        for scheme, url in [
            ("ftp", "ftp://example.org/a"),
            ("file", "file:///etc/passwd"),
            ("javascript", "javascript:alert(1)"),
            ("data", "data:text/html,<p>x</p>"),
            ("relative", "/news/a"),
            ("no host", "http:///a"),
        ]
    ],
    # Size limits and compression
    ("oversized page text", msg(content="<p>" + "a" * 70 * KB), Reason.PAGE_TOO_LARGE, None),
    ("oversized page bytes", msg(content_b64=b64(b"<p>" + b"a" * 70 * KB)), Reason.PAGE_TOO_LARGE, None),
    (
        "gzip bomb 100 MB",
        msg(content_b64=b64(gzip_bomb(100 * KB * KB)), content_encoding="gzip"),
        Reason.PAGE_TOO_LARGE,
        None,
    ),
    ("gzip bomb undeclared", msg(content_b64=b64(gzip_bomb(20 * KB * KB))), Reason.PAGE_TOO_LARGE, None),
    (
        "truncated gzip",
        msg(content_b64=b64(gzip_bomb(KB * KB)[:50]), content_encoding="gzip"),
        Reason.DECOMPRESSION_FAILED,
        None,
    ),
    (
        "corrupt gzip",
        msg(content_b64=b64(b"\x1f\x8b\x08\x00" + b"\xff" * 64), content_encoding="gzip"),
        Reason.DECOMPRESSION_FAILED,
        None,
    ),
    ("bad base64", msg(content_b64="!!!not base64!!!"), Reason.UNDECODABLE, None),
    # Enormous or deep documents
    (
        "5k-deep nesting",
        msg(content="<html><body>" + "<div>" * 5000 + PROSE + "</div>" * 5000),
        Reason.DOCUMENT_TOO_COMPLEX,
        None,
    ),
    ("300-deep tables", msg(content="<table><tr><td>" * 300 + PROSE), Reason.DOCUMENT_TOO_COMPLEX, None),
    ("6k elements", msg(content="<html><body>" + "<b>x</b>" * 6000 + PROSE), Reason.DOCUMENT_TOO_COMPLEX, None),
    ("300 unclosed tags", msg(content="<html><body>" + "<b>" * 300 + PROSE), Reason.DOCUMENT_TOO_COMPLEX, None),
    # Entities
    ("billion laughs", msg(content=LAUGHS), Reason.NO_ARTICLE, None),
    ("billion laughs as xml", msg(content=LAUGHS, content_type="application/xml"), Reason.NO_ARTICLE, None),
    ("xxe", msg(content=XXE, content_type="application/xhtml+xml"), ARTICLE, lambda a: "root:" not in a.body_text),
    # Binary and undecodable content
    ("pdf as html", msg(content_b64=b64(PDF), content_type="text/html"), Reason.UNSUPPORTED_CONTENT, None),
    ("png as html", msg(content_b64=b64(PNG), content_type="text/html"), Reason.UNSUPPORTED_CONTENT, None),
    ("png declared", msg(content_b64=b64(PNG), content_type="image/png"), Reason.UNSUPPORTED_CONTENT, None),
    ("pdf as text content", msg(content=PDF.decode("latin-1")), Reason.UNSUPPORTED_CONTENT, None),
    (
        "random bytes",
        msg(content_b64=b64(bytes((i * 7919) % 256 for i in range(5000)))),
        Reason.UNSUPPORTED_CONTENT,
        None,
    ),
    ("bad utf-16 after bom", msg(content_b64=b64(b"\xff\xfe" + b"\x00\xd8" * 40)), Reason.UNDECODABLE, None),
    # Lying or odd charsets: the right text, not mojibake
    (
        "shift_jis label on utf-8",
        msg(content_b64=b64(UTF8_PAGE), charset="shift_jis"),
        ARTICLE,
        lambda a: "général élu" in a.body_text,
    ),
    (
        "utf-16 label on ascii",
        msg(content_b64=b64(ARTICLE_PAGE.encode()), charset="utf-16"),
        ARTICLE,
        lambda a: "harbour" in a.body_text,
    ),
    (
        "utf-16 label, even length",
        msg(content_b64=b64(ARTICLE_PAGE.encode() + b" "), charset="utf-16"),
        ARTICLE,
        lambda a: "harbour" in a.body_text,
    ),
    (
        "unknown charset label",
        msg(content_b64=b64(UTF8_PAGE), charset="x-klingon"),
        ARTICLE,
        lambda a: "élu" in a.body_text,
    ),
    (
        "latin-1 without label",
        msg(content_b64=b64(UTF8_PAGE.decode().encode("cp1252"))),
        ARTICLE,
        lambda a: "élu" in a.body_text,
    ),
    # Empty and odd text
    ("empty", msg(content=""), Reason.EMPTY_PAGE, None),
    ("whitespace", msg(content=" \n\t "), Reason.EMPTY_PAGE, None),
    ("empty bytes", msg(content_b64=""), Reason.EMPTY_PAGE, None),
    ("markup only", msg(content="<html><head></head><body></body></html>"), Reason.NO_ARTICLE, None),
    ("nul bytes in text", msg(content=ARTICLE_PAGE.replace("<p>", "<p>\x00")), ARTICLE, words),
    ("lone surrogate escape", msg(content=ARTICLE_PAGE.replace("<p>", "<p>\ud800")), Reason.NOT_JSON, None),
    ("control characters", msg(content=ARTICLE_PAGE.replace("<p>", "<p>\x01\x1b\u2028\ufeff")), ARTICLE, words),
    (
        "60 KB attribute",
        msg(content=ARTICLE_PAGE.replace("<article>", f"<article title='{'a' * 60 * KB}'>")),
        ARTICLE,
        words,
    ),
]


@pytest.fixture
def hostile_settings(settings: Settings) -> Settings:
    # Every page type is published here: these tests judge robustness, not what kind of page it is.
    return settings.model_copy(update={**LIMITS, "accept_page_types": frozenset(PAGE_TYPES)})


@pytest.mark.parametrize("message, expected, check", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_message(
    message: Any,
    expected: str | Reason,
    check: Callable[[Article], bool] | None,
    redis_client: redis.Redis,
    hostile_settings: Settings,
) -> None:
    s = hostile_settings
    pages = Pages(redis_client, s)
    started = time.perf_counter()
    outcome = pages.process(message, Delivery(task_id="task-hostile"))
    assert time.perf_counter() - started < s.soft_time_limit / 2
    if expected == ARTICLE:
        assert outcome is Outcome.EVENT
        [(_, fields)] = redis_client.xrange(s.key(s.results_stream))
        article = ArticleEvent.model_validate_json(fields[b"event"]).article
        assert check is not None and check(article)
    else:
        assert outcome is Outcome.DEAD_LETTER
        [(_, fields)] = redis_client.xrange(s.key(s.dead_letter_stream))
        letter = DeadLetter.model_validate_json(fields[b"dead_letter"])
        assert letter.reason is expected, letter.error
        assert letter.original_size > 0
    # And the next, ordinary page still goes through.
    ok = json.dumps({"url": "https://news.example.com/ok", "content": article_html(1)[1]})
    assert pages.process(ok, Delivery(task_id="task-next")) is Outcome.EVENT
