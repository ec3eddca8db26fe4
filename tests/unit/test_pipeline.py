from __future__ import annotations

import base64
import gzip
import re
import subprocess
import sys

import pytest

from harness.pages import article_html, author_of
from schemas import RawPage, Reason
from schemas.reasons import ArticleWorkerError
from tests.conftest import ROOT, SEED
from worker import extract


def page(content: str | None = None, **fields: object) -> RawPage:
    return RawPage.model_validate({"url": "https://news.example.com/a/1", "content": content, **fields})


def test_article_fields_from_a_simple_page() -> None:
    title, html = article_html(3)
    article = extract(page(html))
    assert article.title == title
    assert [a.name for a in article.authors] == [author_of(3)]
    assert article.publisher == "The Test Gazette"
    assert article.date_published == "2024-01-04T08:00:00+01:00"
    assert article.date_published_precision == "datetime"
    assert article.language == "en" and article.direction == "ltr"
    assert article.input_format == "html"
    assert "Home" not in article.body_text and "Copyright" not in article.body_text
    assert article.body_text.count("\n\n") >= 4
    assert article.word_count > 150 and article.reading_time_minutes == 1
    assert article.provenance["title"] == "json-ld" and article.provenance["authors"] == "json-ld"

    # Without the JSON-LD block the same fields come from the next links of their chains.
    bare = re.sub(r"<script type='application/ld\+json'>.*?</script>", "", html)
    assert bare != html
    fallback = extract(page(bare))
    assert fallback.title == title and [a.name for a in fallback.authors] == [author_of(3)]
    assert fallback.provenance["title"] == "html" and fallback.provenance["authors"] == "meta"


def test_bytes_with_gzip_and_charset_give_the_same_article() -> None:
    _, html = article_html(5)
    as_text = extract(page(html))
    data = gzip.compress(html.encode("utf-16"))
    as_bytes = extract(
        page(None, content_b64=base64.b64encode(data).decode(), content_encoding="gzip", charset="utf-16")
    )
    assert as_bytes == as_text


def test_no_sentinels_for_unknown_fields() -> None:
    body = "<p>" + "Words of a plain page without any metadata at all, repeated. " * 10 + "</p>"
    article = extract(page(f"<html><body><div>{body}</div></body></html>"))
    assert article.title is None and article.authors == [] and article.date_published is None
    assert "[no-title]" not in article.model_dump_json()


@pytest.mark.parametrize(
    "content, fields, reason",
    [
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", {}, Reason.NO_ARTICLE),
        ("   \n  ", {}, Reason.EMPTY_PAGE),
        ("<html></html>", {}, Reason.NO_ARTICLE),
        ("%PDF-1.4 binary junk", {}, Reason.UNSUPPORTED_CONTENT),
        ("<p>x</p>", {"content_type": "application/pdf"}, Reason.UNSUPPORTED_CONTENT),
        ("<div>" * 200 + "</div>" * 200, {}, Reason.NO_ARTICLE),
    ],
)
def test_pages_without_an_article(content: str, fields: dict[str, object], reason: Reason) -> None:
    with pytest.raises(ArticleWorkerError) as caught:
        extract(page(content, **fields))
    assert caught.value.reason is reason


def test_node_limit() -> None:
    from worker.pipeline import Limits

    html = "<html><body>" + "<p>word</p>" * 2000 + "</body></html>"
    with pytest.raises(ArticleWorkerError) as caught:
        extract(page(html), Limits(max_dom_nodes=1000))
    assert caught.value.reason is Reason.DOCUMENT_TOO_COMPLEX


def test_plain_text_goes_to_the_text_path() -> None:
    text = "A headline\n\n" + "\n\n".join(
        f"This is a sentence of the story, number {i}, long enough to count as prose." for i in range(4)
    )
    article = extract(page(text, content_type="text/plain"))
    assert article.input_format == "text"
    assert article.body_text.startswith("This is a sentence")


def test_seed_page_reads_as_text() -> None:
    article = extract(page(SEED.read_text(encoding="utf-8")))
    assert article.input_format == "text"
    assert article.body_text.startswith("Russia dramatically escalated its air war in Syria")


def test_body_html_is_sanitised() -> None:
    evil = (
        "<html><body><article><p onclick='alert(1)'>" + "Plenty of article words here to be kept. " * 8 + "</p>"
        "<script>alert(2)</script><p><a href='javascript:alert(3)'>link</a> <img src=x onerror=alert(4)>"
        + "More article text follows in this paragraph. " * 6
        + "</p></article></body></html>"
    )
    html = extract(page(evil)).body_html or ""
    assert "alert" not in html and "onclick" not in html and "javascript:" not in html


def test_pipeline_imports_neither_celery_nor_redis() -> None:
    code = (
        "import sys, worker, worker.pipeline; worker.extract;"
        "print(sorted(m for m in ('celery', 'redis', 'kombu') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
