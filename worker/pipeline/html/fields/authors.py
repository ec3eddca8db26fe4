"""Authors as {name, url}: JSON-LD, meta tags, then the visible byline (rel=author, byline elements)."""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from schemas import Author

from ..facts import PageFacts
from .byline import byline_authors
from .chain import Found, Step, first
from .jsonld import article_value
from .names import clean_names

__all__ = ["CHAIN", "clean_names", "read_authors"]

#: Dublin Core first (a declared creator), then the common author meta tags.
META_KEYS = (
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "byl",
    "sailthru.author",
)


def _unique(authors: list[Author]) -> list[Author]:
    seen: set[str] = set()
    kept = []
    for author in authors:
        if author.name.lower() not in seen:
            seen.add(author.name.lower())
            kept.append(author)
    return kept


def _jsonld(facts: PageFacts, root: HtmlElement) -> list[Author] | None:
    value = article_value(facts, "author", "creator")
    items: list[Any] = value if isinstance(value, list) else [value] if value else []
    authors = []
    for item in items:
        if isinstance(item, dict):
            url = item.get("url") if isinstance(item.get("url"), str) else None
            authors += [Author(name=n, url=url) for n in clean_names(str(item.get("name") or ""), declared=True)]
        elif isinstance(item, str):
            authors += [Author(name=n) for n in clean_names(item, declared=True)]
    return _unique(authors) or None


def _meta(facts: PageFacts, root: HtmlElement) -> list[Author] | None:
    for key in META_KEYS:
        for value in facts.meta.get(key, ()):
            if value.strip() and not value.strip().startswith(("http://", "https://")):
                found = _unique([Author(name=n) for n in clean_names(value, declared=True)])
                if found:
                    return found
    return None


def _byline(facts: PageFacts, root: HtmlElement) -> list[Author] | None:
    found = byline_authors(root)
    return _unique(found) if found else None


CHAIN: list[Step[list[Author]]] = [
    ("json-ld", _jsonld),
    ("meta", _meta),
    ("heuristic", _byline),
]


def read_authors(facts: PageFacts, root: HtmlElement) -> Found[list[Author]] | None:
    return first(CHAIN, facts, root)
