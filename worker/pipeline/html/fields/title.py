"""Title: structured data first, then the <title> tag without its site-name suffix, then <h1>."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ...textutil import clean_value, squash
from ..facts import PageFacts
from .chain import Found, Step, first
from .jsonld import article_text

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|/|:)\s+")


def _jsonld(facts: PageFacts, root: HtmlElement) -> str | None:
    return article_text(facts, "headline", "name")


def _og(facts: PageFacts, root: HtmlElement) -> str | None:
    found = facts.first_meta("og:title", "twitter:title")
    return clean_value(found[1]) if found else None


def _meta(facts: PageFacts, root: HtmlElement) -> str | None:
    found = facts.first_meta("dc.title", "dcterms.title", "title", "sailthru.title")
    return clean_value(found[1]) if found else None


def _title_tag(facts: PageFacts, root: HtmlElement) -> str | None:
    return strip_site_name(facts.title_tag, facts) if facts.title_tag else None


def _h1(facts: PageFacts, root: HtmlElement) -> str | None:
    headings = root.findall(".//h1")
    return clean_value(headings[0].text_content(), 500) if len(headings) == 1 else None


CHAIN: list[Step[str]] = [
    ("json-ld", _jsonld),
    ("opengraph", _og),
    ("meta", _meta),
    ("html", _title_tag),
    ("heuristic", _h1),
]


def strip_site_name(title: str, facts: PageFacts) -> str:
    """'Story | Site' -> 'Story': drop the part that names the site, else the shorter end part."""
    title = squash(title)
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site = facts.first_meta("og:site_name", "application-name")
    site_name = site[1].lower() if site else None
    if site_name:
        kept = [p for p in parts if p.lower() != site_name and p.lower() not in site_name]
        if kept and len(kept) < len(parts):
            return _join_back(title, kept)
    first_part, last_part = parts[0], parts[-1]
    if len(first_part.split()) >= 3 and len(first_part) >= len(last_part):
        return _join_back(title, parts[:-1])
    return title


def _join_back(title: str, kept: list[str]) -> str:
    start = title.index(kept[0])
    end = title.index(kept[-1], start) + len(kept[-1])
    return title[start:end]


def read_title(facts: PageFacts, root: HtmlElement) -> Found[str] | None:
    return first(CHAIN, facts, root)
