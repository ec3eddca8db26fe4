"""Description, section and keywords."""

from __future__ import annotations

import html

from lxml.html import HtmlElement

from ...fields.chain import Source
from ...textutil import clean_value
from .jsonld import article_text, article_value
from .page import HtmlPage

MIN_LEAD_CHARS = 25


def _meta(source: str, *keys: str) -> Source[HtmlPage, str]:
    def read(page: HtmlPage) -> str | None:
        found = page.facts.first_meta(*keys)
        return _unescaped(clean_value(found[1])) if found else None

    return Source(source, read)


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


DESCRIPTION: list[Source[HtmlPage, str]] = [
    Source("json-ld", lambda page: _unescaped(article_text(page.facts, "description"))),
    _meta("meta", "dc.description", "dcterms.description"),
    _meta("opengraph", "og:description"),
    _meta("meta", "description"),
    _meta("opengraph", "twitter:description"),
    Source("body", lambda page: first_paragraph(page.body) if page.body is not None else None, needs_body=True),
]

SECTION: list[Source[HtmlPage, str]] = [
    Source("json-ld", lambda page: article_text(page.facts, "articleSection")),
    _meta("meta", "article:section", "section", "parsely-section"),
]


def _keywords(items: object) -> list[str]:
    values = items if isinstance(items, list) else [items] if items else []
    keywords: list[str] = []
    for item in values:
        for word in str(item).split(","):
            cleaned = clean_value(word, 100)
            if cleaned and cleaned.lower() not in {k.lower() for k in keywords}:
                keywords.append(cleaned)
    return keywords[:50]


def _meta_keywords(page: HtmlPage) -> list[str]:
    meta = page.facts.meta
    return _keywords(meta.get("article:tag") or meta.get("news_keywords") or meta.get("keywords"))


KEYWORDS: list[Source[HtmlPage, list[str]]] = [
    Source("json-ld", lambda page: _keywords(article_value(page.facts, "keywords"))),
    Source("meta", _meta_keywords),
]
