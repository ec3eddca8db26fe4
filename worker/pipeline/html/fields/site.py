"""Publisher or site name."""

from __future__ import annotations

from ...fields.chain import Source
from ...textutil import clean_value
from .jsonld import article_value, as_text
from .page import HtmlPage


def _jsonld(page: HtmlPage) -> str | None:
    value = as_text(article_value(page.facts, "publisher", "sourceOrganization"))
    if value and not value.startswith(("http://", "https://")):
        return value
    websites = [obj for obj in page.facts.jsonld if str(obj.get("@type", "")).lower() == "website"]
    return as_text(websites[0].get("name")) if websites else None


def _meta(page: HtmlPage) -> str | None:
    found = page.facts.first_meta("og:site_name", "application-name", "apple-mobile-web-app-title", "dc.publisher")
    return clean_value(found[1], 200) if found else None


PUBLISHER: list[Source[HtmlPage, str]] = [Source("json-ld", _jsonld), Source("meta", _meta)]
