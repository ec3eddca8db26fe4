"""Description, section and keywords."""

from __future__ import annotations

from lxml.html import HtmlElement

from ...textutil import clean_value
from ..facts import PageFacts
from .chain import Found, Step, first
from .jsonld import article_text, article_value


def _meta(*keys: str) -> Step[str]:
    def read(facts: PageFacts, root: HtmlElement) -> str | None:
        found = facts.first_meta(*keys)
        return clean_value(found[1]) if found else None

    return ("meta", read)


DESCRIPTION: list[Step[str]] = [
    _meta("description", "dc.description"),
    ("opengraph", _meta("og:description", "twitter:description")[1]),
    ("json-ld", lambda facts, root: article_text(facts, "description")),
]
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
