"""Publisher or site name."""

from __future__ import annotations

from lxml.html import HtmlElement

from ...textutil import clean_value
from ..facts import PageFacts
from .chain import Found, Step, first
from .jsonld import article_value, as_text


def _jsonld(facts: PageFacts, root: HtmlElement) -> str | None:
    value = as_text(article_value(facts, "publisher", "sourceOrganization"))
    if value and not value.startswith(("http://", "https://")):
        return value
    websites = [obj for obj in facts.jsonld if str(obj.get("@type", "")).lower() == "website"]
    return as_text(websites[0].get("name")) if websites else None


def _meta(facts: PageFacts, root: HtmlElement) -> str | None:
    found = facts.first_meta("og:site_name", "application-name", "apple-mobile-web-app-title", "dc.publisher")
    return clean_value(found[1], 200) if found else None


CHAIN: list[Step[str]] = [("json-ld", _jsonld), ("meta", _meta)]


def read_publisher(facts: PageFacts, root: HtmlElement) -> Found[str] | None:
    return first(CHAIN, facts, root)
