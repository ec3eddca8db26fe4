"""What the page says about itself, gathered in one pass over <head>, <meta> and JSON-LD.

Field chains read from here instead of each walking the tree again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

_DC_PREFIX = re.compile(r"^(dc|dcterms):")  # Dublin Core as RDFa (dc:title) and as HTML meta (DC.title)

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "socialmediaposting",
        "liveblogposting",
        "techarticle",
        "scholarlyarticle",
        "report",
        "review",
        "webpage",
        "creativework",
    }
)


@dataclass
class PageFacts:
    url: str
    meta: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    title_tag: str | None = None
    html_lang: str | None = None
    html_dir: str | None = None
    links: dict[str, list[str]] = field(default_factory=dict)
    h1s: list[HtmlElement] = field(default_factory=list)
    ids: dict[str, dict[str, Any]] = field(default_factory=dict)  # JSON-LD nodes by "@id"
    site_names: list[str] | None = None  # filled once by the title rules

    def first_meta(self, *keys: str) -> tuple[str, str] | None:
        """(key, value) of the first key that has a non-empty value."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value.strip():
                    return key, value.strip()
        return None

    def node(self, obj: dict[str, Any]) -> dict[str, Any]:
        """A JSON-LD reference ({"@id": ...}, as Yoast's graph gives authors) with the node it names."""
        ref = obj.get("@id")
        if isinstance(ref, str) and ref in self.ids and self.ids[ref] is not obj:
            return {**self.ids[ref], **{k: v for k, v in obj.items() if v not in (None, "", [], {})}}
        return obj

    def article_objects(self) -> list[dict[str, Any]]:
        """JSON-LD objects of article types, the most specific type first."""
        found = [obj for obj in self.jsonld if _types(obj) & ARTICLE_TYPES]
        return sorted(found, key=lambda obj: _types(obj) <= {"webpage", "creativework"})


def gather(root: HtmlElement, url: str) -> PageFacts:
    facts = PageFacts(url=url)
    facts.html_lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    facts.html_dir = (root.get("dir") or "").strip().lower() or None
    metas = []
    for element in root.iter("title", "meta", "link", "script", "h1"):  # one pass over the tree
        tag = element.tag
        if tag == "meta":
            if element.get("content") is not None:
                metas.append(element)
        elif tag == "h1":
            facts.h1s.append(element)
        elif tag == "link":
            href = element.get("href")
            if href:
                for rel in (element.get("rel") or "").lower().split():
                    facts.links.setdefault(rel, []).append(href.strip())
        elif tag == "script":
            if (element.get("type") or "").strip().lower() == "application/ld+json":
                facts.jsonld.extend(_jsonld_objects(element.text or ""))
        elif facts.title_tag is None:
            facts.title_tag = " ".join(element.text_content().split()) or None
    for obj in facts.jsonld:
        ref = obj.get("@id")
        if isinstance(ref, str) and len(obj) > 1:
            facts.ids.setdefault(ref, obj)
    for attr in ("property", "name", "itemprop", "http-equiv"):  # RDFa `property` is the standard form
        for meta in metas:
            for key in (meta.get(attr) or "").lower().split():
                facts.meta.setdefault(_DC_PREFIX.sub(r"\1.", key), []).append(meta.get("content") or "")
    return facts


def _jsonld_objects(text: str) -> Iterator[dict[str, Any]]:
    try:
        data = json.loads(_unwrap(text), strict=False)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the decoder recurses (parse bounds it)
        return
    yield from _flatten(data, depth=0)


def _unwrap(text: str) -> str:
    """JSON-LD as pages ship it: inside an HTML comment or an XHTML CDATA section."""
    text = text.strip()
    for start, end in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
        if text.startswith(start) and text.endswith(end):
            text = text[len(start) : -len(end)].strip()
    return text


def _flatten(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _flatten(data[key], depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}
