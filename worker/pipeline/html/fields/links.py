"""Canonical URL and lead image: absolute and normalised."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml.html import HtmlElement

from schemas import Image

from ..facts import PageFacts
from .chain import Found, Step, first
from .jsonld import article_value

_DEFAULT_PORTS = {"http": 80, "https": 443}


def absolute_url(base: str, href: str | None) -> str | None:
    """An absolute http(s) URL with scheme and host lower-cased, no fragment, no default port."""
    if not href or not href.strip():
        return None
    try:
        parts = urlsplit(urljoin(base, href.strip()))
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if port and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@{host}" if userinfo else host
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _canonical_link(facts: PageFacts, root: HtmlElement) -> str | None:
    links = facts.links.get("canonical")
    return absolute_url(facts.url, links[0]) if links else None


def _og_url(facts: PageFacts, root: HtmlElement) -> str | None:
    found = facts.first_meta("og:url")
    return absolute_url(facts.url, found[1]) if found else None


CANONICAL: list[Step[str]] = [("html", _canonical_link), ("opengraph", _og_url)]


def read_canonical(facts: PageFacts, root: HtmlElement) -> Found[str] | None:
    return first(CANONICAL, facts, root)


def _og_image(facts: PageFacts, root: HtmlElement) -> Image | None:
    found = facts.first_meta("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src")
    url = absolute_url(facts.url, found[1]) if found else None
    if not url:
        return None
    alt = facts.first_meta("og:image:alt", "twitter:image:alt")
    return Image(
        url=url, alt=alt[1] if alt else None, width=_int(facts, "og:image:width"), height=_int(facts, "og:image:height")
    )


def _jsonld_image(facts: PageFacts, root: HtmlElement) -> Image | None:
    value = article_value(facts, "image", "thumbnailUrl")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    url = absolute_url(facts.url, value) if isinstance(value, str) else None
    return Image(url=url) if url else None


def _int(facts: PageFacts, key: str) -> int | None:
    found = facts.first_meta(key)
    return int(found[1]) if found and found[1].isdigit() else None


LEAD_IMAGE: list[Step[Image]] = [("opengraph", _og_image), ("json-ld", _jsonld_image)]


def read_lead_image(facts: PageFacts, root: HtmlElement) -> Found[Image] | None:
    return first(LEAD_IMAGE, facts, root)
