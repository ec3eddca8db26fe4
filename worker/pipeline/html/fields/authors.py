"""Authors as {name, url}: JSON-LD, meta tags, rel=author links, then byline elements."""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from schemas import Author

from ...textutil import clean_value
from ..facts import PageFacts
from .chain import Found, Step, first
from .jsonld import article_value

_BY = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af)\s*[:\s]\s*", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|\|)\s*", re.I)
_NOT_A_NAME = re.compile(r"\d|https?://|@|^\W+$")
_BYLINE_XPATH = (
    ".//*[@rel='author' or @itemprop='author' or contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' author ')]"
)


def clean_names(text: str) -> list[str]:
    """'By Jane Doe and John Roe' -> ['Jane Doe', 'John Roe']; drops dates, URLs and handles."""
    text = _BY.sub("", clean_value(text) or "")
    names = []
    for piece in _SPLIT.split(text):
        part = _BY.sub("", piece).strip(" .:-–—")
        if part and not _NOT_A_NAME.search(part) and 1 <= len(part.split()) <= 5 and len(part) <= 80:
            names.append(part)
    return names


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
            authors += [Author(name=n, url=url) for n in clean_names(str(item.get("name") or ""))]
        elif isinstance(item, str):
            authors += [Author(name=n) for n in clean_names(item)]
    return _unique(authors) or None


def _meta(facts: PageFacts, root: HtmlElement) -> list[Author] | None:
    found = facts.first_meta("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author")
    if not found or found[1].startswith(("http://", "https://")):
        return None
    return _unique([Author(name=n) for n in clean_names(found[1])]) or None


def _byline(facts: PageFacts, root: HtmlElement) -> list[Author] | None:
    for element in root.xpath(_BYLINE_XPATH)[:5]:
        names = clean_names(element.text_content())
        if names:
            href = element.get("href") if element.tag == "a" else None
            return _unique([Author(name=n, url=href) for n in names])
    return None


CHAIN: list[Step[list[Author]]] = [
    ("json-ld", _jsonld),
    ("meta", _meta),
    ("heuristic", _byline),
]


def read_authors(facts: PageFacts, root: HtmlElement) -> Found[list[Author]] | None:
    return first(CHAIN, facts, root)
