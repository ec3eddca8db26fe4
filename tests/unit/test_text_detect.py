"""Which path reads a page, and the reason the event carries."""

from __future__ import annotations

import pytest

from harness.pages import article_html
from schemas import RawPage
from worker import extract
from worker.pipeline.detect import detect

PROSE = "\n\n".join(
    f"Paragraph {i} of the story says that the council met on Monday and that the budget was approved."
    for i in range(6)
)


def page(content: str, **fields: object) -> RawPage:
    return RawPage.model_validate({"url": "https://news.example.com/a/1", "content": content, **fields})


@pytest.mark.parametrize(
    ("content", "content_type", "fmt", "reason"),
    [
        (PROSE, "text/plain; charset=utf-8", "text", "content_type text/plain"),
        ("<html><body><p>x</p></body></html>", "text/plain", "text", "content_type text/plain"),
        (PROSE, None, "text", "no markup"),
        ("Prices rose 3% <b>today</b> as x < y.\n" + PROSE, None, "text", "no markup"),
        ("<html><body><p>x</p></body></html>", None, "html", "markup"),
        (PROSE, "text/html", "html", "content_type text/html"),
    ],
)
def test_detect(content: str, content_type: str | None, fmt: str, reason: str) -> None:
    found = detect(content, content_type)
    assert (found.format, found.reason) == (fmt, reason)


def blob_pages() -> list[tuple[str, str]]:
    paragraphs = PROSE.split("\n\n")
    return [
        (f"<html><body><pre>Headline here\n\n{PROSE}\n\nCopyright 2024</pre></body></html>", "<pre>"),
        (f"<html><head><title>t</title></head><body>{'<br><br>'.join(paragraphs)}</body></html>", "<br>"),
        (f"<html><head><title>t</title></head><body><div>{PROSE}</div></body></html>", "one block"),
    ]


@pytest.mark.parametrize(("html", "shape"), blob_pages())
def test_html_text_blobs_take_the_text_path(html: str, shape: str) -> None:
    article = extract(page(html))
    assert article.input_format == "text"
    assert shape in article.provenance["input_format"]
    assert article.body_text.startswith("Paragraph 0 of the story")
    assert article.body_text.count("\n\n") == 5
    assert "Copyright" not in article.body_text


def test_structured_html_stays_on_the_html_path() -> None:
    _, html = article_html(2)
    article = extract(page(html))
    assert article.input_format == "html"
    assert article.provenance["input_format"] == "markup"
