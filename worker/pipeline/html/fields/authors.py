"""Authors as {name, url}: JSON-LD, meta tags, then the visible byline (rel=author, byline elements)."""

from __future__ import annotations

from typing import Any

from schemas import Author

from ...fields.chain import Source
from ...fields.names import clean_names
from .byline import byline_authors
from .jsonld import article_value
from .page import HtmlPage

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


def _jsonld(page: HtmlPage) -> list[Author] | None:
    value = article_value(page.facts, "author", "creator")
    items: list[Any] = value if isinstance(value, list) else [value] if value else []
    authors = []
    for item in items:
        if isinstance(item, dict):
            url = item.get("url") if isinstance(item.get("url"), str) else None
            authors += [Author(name=n, url=url) for n in clean_names(str(item.get("name") or ""), declared=True)]
        elif isinstance(item, str):
            authors += [Author(name=n) for n in clean_names(item, declared=True)]
    return _unique(authors) or None


def _meta(page: HtmlPage) -> list[Author] | None:
    for key in META_KEYS:
        for value in page.facts.meta.get(key, ()):
            if value.strip() and not value.strip().startswith(("http://", "https://")):
                found = _unique([Author(name=n) for n in clean_names(value, declared=True)])
                if found:
                    return found
    return None


def _byline(page: HtmlPage) -> list[Author] | None:
    found = byline_authors(page.root)
    return _unique(found) if found else None


AUTHORS: list[Source[HtmlPage, list[Author]]] = [
    Source("json-ld", _jsonld),
    Source("meta", _meta),
    Source("heuristic", _byline),
]
