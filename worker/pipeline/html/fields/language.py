"""Language as a BCP 47 tag (declared sources first) and text direction."""

from __future__ import annotations

import re
from typing import Literal

from ...fields.chain import Source
from .jsonld import article_text
from .page import HtmlPage

_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?\b")


def bcp47(value: str | None) -> str | None:
    """'en_us' -> 'en-US', 'zh-hant-tw' -> 'zh-Hant-TW'; None when it is not a language tag."""
    match = _TAG.match((value or "").strip())
    if not match:
        return None
    language, script, region = match.groups()
    parts = [language.lower()]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


def _meta(page: HtmlPage, *keys: str) -> str | None:
    found = page.facts.first_meta(*keys)
    return bcp47(found[1]) if found else None


LANGUAGE: list[Source[HtmlPage, str]] = [
    Source("html", lambda page: bcp47(page.facts.html_lang)),
    Source("meta", lambda page: _meta(page, "content-language", "language", "dc.language")),
    Source("json-ld", lambda page: bcp47(article_text(page.facts, "inLanguage"))),
    Source("opengraph", lambda page: _meta(page, "og:locale")),
]


def _declared_direction(page: HtmlPage) -> Literal["ltr", "rtl"] | None:
    return "rtl" if page.facts.html_dir == "rtl" else "ltr" if page.facts.html_dir == "ltr" else None


#: the declared direction; the registry adds the language's own as the fallback of both paths
DIRECTION: list[Source[HtmlPage, str]] = [Source("html", _declared_direction)]
