"""Body cleaning and recovery rules on tiny inline pages."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.html.boilerplate import drop_byline_lines, drop_title_heading, strip_boilerplate
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
        ('<p>Text.</p><div class="share-bar">Share on X</div>', False, "Text."),  # small widget: always
        # without by_class a large element is kept whatever its class: it may wrap the article
        (f'<div class="meta">{"Long article text. " * 12}</div>', False, ("Long article text. " * 12).strip()),
        (f'<div class="meta">{"Long article text. " * 12}</div>', True, ""),
        ("<p>Text.</p><aside>Pull quote box</aside><form>Email</form><nav>Home</nav>", False, "Text."),
        ('<p>Text.</p><div style="display: none">Hidden</div><p hidden>Also</p>', False, "Text."),
        ('<p>Text.</p><ul><li><a href="/1">One story</a></li><li><a href="/2">Two story</a></li></ul>', False, "Text."),
        ("<p>Text.</p><ul><li>First point</li><li>Second point</li></ul>", False, "Text. First point Second point"),
        # class words are matched per token: a section about "shared" history is not a share bar
        ('<div class="section" id="amend-a-shared-changeset">Text.</div>', True, "Text."),
        ('<p>Text.</p><div class="jp-relatedposts">Other posts</div>', True, "Text."),
        # labels of furniture and "more stories" blocks, whatever their markup
        ("<p>Text.</p><div>Advertisement</div><p>More.</p>", False, "Text. More."),
        (
            '<p>Text.</p><div><h3>Most Popular</h3><a href="/a">Story one here</a> <a href="/b">Story two</a></div>',
            False,
            "Text.",
        ),
        # a figure whose player we dropped loses its caption; one with an image (even lazy) keeps it
        (
            '<p>Text.</p><figure><div class="player"></div><figcaption>Media caption</figcaption></figure>',
            False,
            "Text.",
        ),
        ('<figure><img src="a.jpg"><figcaption>Kept</figcaption></figure>', False, "Kept"),
        ('<figure><noscript><img src="a.jpg"></noscript><figcaption>Kept</figcaption></figure>', False, "Kept"),
        (
            '<figure itemtype="http://schema.org/ImageObject"><div></div><figcaption>Kept</figcaption></figure>',
            False,
            "Kept",
        ),
        (
            "<p>Text.</p><div><h3>More about the storm</h3><p>A paragraph of text, not links.</p></div>",
            False,
            "Text. More about the storm A paragraph of text, not links.",
        ),
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


@pytest.mark.parametrize(
    "html, title, kept",
    [
        ("<h1>Storm hits town</h1><p>Text.</p>", "Storm hits town", "Text."),
        ("<h2>Storm  hits\ntown</h2><p>Text.</p>", "Storm hits town", "Text."),
        ("<h1>Storm hits town</h1><p>Text.</p>", None, "Storm hits town Text."),
        (
            "<h2>Background</h2><p>Text.</p><h1>Storm hits town</h1>",
            "Storm hits town",
            "Background Text. Storm hits town",
        ),
    ],
)
def test_drop_title_heading(html: str, title: str | None, kept: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert " ".join(t.strip() for t in drop_title_heading(root, title).itertext() if t.strip()) == kept


def test_refine_takes_in_a_lead_before_the_article_block() -> None:
    article = (
        '<div id="story"><div class="intro"><p>The intro paragraph that sits before the main block of text '
        "and sets out what the story is about.</p></div>"
        f'<div id="text"><p>{PARA.format(1)}</p><p>{PARA.format(2)}</p><p>{PARA.format(3)}</p></div></div>'
    )
    body = lxml.html.fragment_fromstring("".join(f"<p>{PARA.format(i)}</p>" for i in (1, 2, 3)), create_parent="div")
    refined = " ".join(refine_body(page(article), body).text_content().split())
    assert "intro paragraph" in refined and refined.count("real paragraph") == 3


LONG = "A long paragraph of the article that is well over the length of any byline line. " * 4


@pytest.mark.parametrize(
    "html, names, kept",
    [
        (f"<p>By Jane Doe</p><p>{LONG}</p>", ["Jane Doe"], LONG.strip()),
        (
            f"<div>Le Monde | 04.05.2015 | Par Martin Untersinger</div><p>{LONG}</p>",
            ["Martin Untersinger"],
            LONG.strip(),
        ),
        (f"<p>Jane Doe</p><p>{LONG}</p>", ["Jane Doe"], LONG.strip()),  # the name alone, heading the text
        # a sentence that mentions the author is article text
        (
            f"<p>{LONG}</p><p>Critics said Jane Doe was wrong.</p>",
            ["Jane Doe"],
            f"{LONG.strip()} Critics said Jane Doe was wrong.",
        ),
        (f"<p>By Jane Doe</p><p>{LONG}</p>", [], f"By Jane Doe {LONG.strip()}"),  # no known author: nothing to match
    ],
)
def test_drop_byline_lines(html: str, names: list[str], kept: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert " ".join(t.strip() for t in drop_byline_lines(root, names).itertext() if t.strip()) == kept


def test_refine_climbs_through_a_label_wrapper_to_the_intro() -> None:
    intro = "The intro paragraph that sits before the main block of text and sets out what the story is about."
    article = (
        f'<div class="story-body"><p>{intro}</p>'
        f'<div id="read-more"><div>Read more</div><div id="read-more-content">'
        f"<p>{PARA.format(1)}</p><p>{PARA.format(2)}</p><p>{PARA.format(3)}</p></div></div></div>"
    )
    body = lxml.html.fragment_fromstring("".join(f"<p>{PARA.format(i)}</p>" for i in (1, 2, 3)), create_parent="div")
    refined = " ".join(refine_body(page(article), body).text_content().split())
    assert "intro paragraph" in refined and refined.count("real paragraph") == 3
    assert "Read more" not in refined
