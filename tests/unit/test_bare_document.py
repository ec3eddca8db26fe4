"""A bare document (an article handed over without a site around it) is an article: the page-type
model learned from whole web pages and reads such documents as forum posts."""

from __future__ import annotations

from schemas import RawPage
from worker.pipeline import extract

PROSE = (
    "<p>The storm arrived early on Tuesday and the river rose through the night, flooding the streets.</p>"
    "<p>Officials said repairs to the bridge and the market square would take weeks, and asked residents "
    "to stay away from the quay.</p>"
)
FURNITURE = "".join(
    f"<li><a href='/s/{i}'>Another story from the site about topic number {i} and more</a></li>" for i in range(40)
)


def test_a_bare_article_is_an_article_without_a_model_confidence() -> None:
    page = f"<html><head><title>Storm</title></head><body><article><h1>Storm</h1>{PROSE}</article></body></html>"
    article = extract(RawPage(url="https://news.example.com/2024/03/05/storm", content=page))
    assert article.page_type == "article" and article.page_type_confidence is None


def test_a_page_with_a_site_around_its_text_is_typed_by_the_model() -> None:
    page = (
        f"<html><head><title>Storm</title></head><body><nav><ul>{FURNITURE}</ul></nav>"
        f"<article><h1>Storm</h1>{PROSE}</article><footer><ul>{FURNITURE}</ul></footer></body></html>"
    )
    article = extract(RawPage(url="https://news.example.com/2024/03/05/storm", content=page))
    assert article.page_type_confidence is not None
