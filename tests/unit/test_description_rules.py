"""Description: declared summaries in order, unescaped once, then the article's first paragraph."""

from __future__ import annotations

import base64

import lxml.html
import pytest

from schemas import RawPage
from worker.pipeline import extract
from worker.pipeline.fields.registry import read_field
from worker.pipeline.html.fields.page import HtmlPage
from worker.pipeline.html.fields.summary import first_paragraph

URL = "https://news.example.com/world/story.html"
ARTICLE = "".join(
    f"<p>Paragraph {i} of the story, long enough to be read as article text by the pipeline.</p>" for i in range(8)
)


@pytest.mark.parametrize(
    "head, value, source",
    [
        ('<meta name="description" content="Meta"><meta property="og:description" content="OG">', "OG", "opengraph"),
        ('<meta property="dc:description og:description" content="Dublin Core">', "Dublin Core", "meta"),
        ('<meta name="twitter:description" content="Tweet">', "Tweet", "opengraph"),
        ('<meta name="description" content="That&amp;#039;s escaped twice">', "That's escaped twice", "meta"),
        ("", None, None),
    ],
)
def test_declared_description(head: str, value: str | None, source: str | None) -> None:
    root = lxml.html.document_fromstring(f"<html><head>{head}</head><body></body></html>")
    found = read_field("description", HtmlPage.read(root, URL), body=False)
    assert ((found.value, found.source) if found else (None, None)) == (value, source)


@pytest.mark.parametrize(
    "html, lead",
    [
        (
            "<p>Short.</p><p>The first real paragraph of the article text.</p>",
            "The first real paragraph of the article text.",
        ),
        ("<h2>Heading only</h2>", None),
    ],
)
def test_first_paragraph(html: str, lead: str | None) -> None:
    assert first_paragraph(lxml.html.fragment_fromstring(html, create_parent="div")) == lead


def test_article_without_meta_description_gets_its_first_paragraph() -> None:
    html = f"<html><head><title>Story</title></head><body><article>{ARTICLE}</article></body></html>"
    raw = RawPage(url=URL, content_b64=base64.b64encode(html.encode()).decode())
    article = extract(raw)
    assert article.description and article.description.startswith("Paragraph 0 of the story")
    assert article.provenance["description"] == "body"
