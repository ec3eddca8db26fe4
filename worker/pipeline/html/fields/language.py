"""Language as a BCP 47 tag (declared sources first) and text direction."""

from __future__ import annotations

import re
from typing import Literal

from lxml.html import HtmlElement

from ..facts import PageFacts
from .chain import Found, Step, first
from .jsonld import article_text

_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?\b")
_RTL = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ku", "ckb"})


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


CHAIN: list[Step[str]] = [
    ("html", lambda facts, root: bcp47(facts.html_lang)),
    (
        "meta",
        lambda facts, root: bcp47((facts.first_meta("content-language", "language", "dc.language") or ("", ""))[1]),
    ),
    ("json-ld", lambda facts, root: bcp47(article_text(facts, "inLanguage"))),
    ("opengraph", lambda facts, root: bcp47((facts.first_meta("og:locale") or ("", ""))[1])),
]


def read_language(facts: PageFacts, root: HtmlElement) -> Found[str] | None:
    return first(CHAIN, facts, root)


def direction(facts: PageFacts, language: str | None) -> Literal["ltr", "rtl"] | None:
    if facts.html_dir in ("ltr", "rtl"):
        return "rtl" if facts.html_dir == "rtl" else "ltr"
    if language:
        return "rtl" if language.split("-")[0] in _RTL else "ltr"
    return None
