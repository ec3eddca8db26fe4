"""Body cleaning and recovery rules on tiny inline pages."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.html.boilerplate import strip_boilerplate
from worker.pipeline.html.container import article_container, refine_body

PARA = "This is a real paragraph of the article with enough words to count as evidence of place {}."


def text(html: str, *, by_class: bool) -> str:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return " ".join(t.strip() for t in strip_boilerplate(root, by_class=by_class).itertext() if t.strip())


@pytest.mark.parametrize(
    "html, by_class, kept",
    [
        ('<p>Text.</p><div class="share-bar">Share on X</div>', True, "Text."),
        ('<p>Text.</p><div class="related-links">Read this too</div>', True, "Text."),
        ('<p>Text.</p><div class="newsletter-signup">Get our letter</div>', True, "Text."),
        ('<p>Text.</p><span class="byline">By Jane Doe</span>', True, "Text."),
        (
            '<p class="author-note">A paragraph is text, whatever its class.</p>',
            True,
            "A paragraph is text, whatever its class.",
        ),
        ('<p>Text.</p><div class="share-bar">Share on X</div>', False, "Text. Share on X"),  # class rules off
        ("<p>Text.</p><aside>Pull quote box</aside><form>Email</form><nav>Home</nav>", False, "Text."),
        ('<p>Text.</p><div style="display: none">Hidden</div><p hidden>Also</p>', False, "Text."),
        ('<p>Text.</p><ul><li><a href="/1">One story</a></li><li><a href="/2">Two story</a></li></ul>', False, "Text."),
        ("<p>Text.</p><ul><li>First point</li><li>Second point</li></ul>", False, "Text. First point Second point"),
    ],
)
def test_strip_boilerplate(html: str, by_class: bool, kept: str) -> None:
    assert text(html, by_class=by_class) == kept


def page(article: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body><nav><a href='/'>Home</a></nav>{article}</body></html>")


def test_container_is_the_deepest_element_holding_the_paragraphs() -> None:
    root = page(f'<main><div id="story"><p>{PARA.format(1)}</p><p>{PARA.format(2)}</p></div></main>')
    body = lxml.html.fragment_fromstring(f"<p>{PARA.format(1)}</p><p>{PARA.format(2)}</p>", create_parent="div")
    container = article_container(root, body)
    assert container is not None and container.get("id") == "story"


def test_refine_recovers_lead_list_and_heading_but_not_furniture() -> None:
    article = (
        '<div id="story"><p class="lead">The lead sentence that readability dropped.</p>'
        f"<p>{PARA.format(1)}</p><h2><a href='#x'>A linked sub-heading</a></h2><p>{PARA.format(2)}</p>"
        "<ul><li>A listed point</li><li>Another point</li></ul>"
        '<div class="share-tools"><a href="/s">Share</a> <a href="/t">Tweet</a></div></div>'
    )
    body = lxml.html.fragment_fromstring(f"<p>{PARA.format(1)}</p><p>{PARA.format(2)}</p>", create_parent="div")
    refined = " ".join(refine_body(page(article), body).text_content().split())
    assert "lead sentence" in refined and "A linked sub-heading" in refined and "A listed point" in refined
    assert "Share" not in refined and "Home" not in refined


def test_refine_keeps_readability_when_the_container_would_lose_its_text() -> None:
    article = f'<div id="story"><p>{PARA.format(1)}</p><div class="related"><p>{PARA.format(2)}</p></div></div>'
    body = lxml.html.fragment_fromstring(f"<p>{PARA.format(1)}</p><p>{PARA.format(2)}</p>", create_parent="div")
    refined = " ".join(refine_body(page(article), body).text_content().split())
    assert refined.count("real paragraph") == 2
