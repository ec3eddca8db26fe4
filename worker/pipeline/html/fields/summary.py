"""Description, section and keywords."""

from __future__ import annotations

import html

from lxml.html import HtmlElement

from ...textutil import clean_value
from ..facts import PageFacts
from .chain import Found, Step, first
from .jsonld import article_text, article_value


def _meta(*keys: str) -> Step[str]:
    def read(facts: PageFacts, root: HtmlElement) -> str | None:
        found = facts.first_meta(*keys)
        return _unescaped(clean_value(found[1])) if found else None

    return ("meta", read)


DESCRIPTION: list[Step[str]] = [
    ("json-ld", lambda facts, root: _unescaped(article_text(facts, "description"))),
    _meta("dc.description", "dcterms.description"),
    ("opengraph", _meta("og:description")[1]),
    _meta("description"),
    ("opengraph", _meta("twitter:description")[1]),
]
MIN_LEAD_CHARS = 25


def first_paragraph(body: HtmlElement) -> str | None:
    """The description of last resort: the article's first paragraph (provenance "body")."""
    for paragraph in body.iter("p"):
        text = clean_value(paragraph.text_content())
        if text and len(text) >= MIN_LEAD_CHARS:
            return text
    return None


def _unescaped(text: str | None) -> str | None:
    """Meta content escaped twice ("That&#039;s") reads as once."""
    return clean_value(html.unescape(text)) if text and "&" in text else text


SECTION: list[Step[str]] = [
    ("json-ld", lambda facts, root: article_text(facts, "articleSection")),
    _meta("article:section", "section", "parsely-section"),
]


def read_description(facts: PageFacts, root: HtmlElement) -> Found[str] | None:
    return first(DESCRIPTION, facts, root)


def read_section(facts: PageFacts, root: HtmlElement) -> Found[str] | None:
    return first(SECTION, facts, root)


def read_keywords(facts: PageFacts) -> Found[list[str]] | None:
    value = article_value(facts, "keywords")
    source = "json-ld"
    if not value:
        value = facts.meta.get("article:tag") or facts.meta.get("news_keywords") or facts.meta.get("keywords")
        source = "meta"
    items = value if isinstance(value, list) else [value] if value else []
    keywords: list[str] = []
    for item in items:
        for word in str(item).split(","):
            cleaned = clean_value(word, 100)
            if cleaned and cleaned.lower() not in {k.lower() for k in keywords}:
                keywords.append(cleaned)
    return Found(keywords[:50], source) if keywords else None
