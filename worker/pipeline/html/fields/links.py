"""Canonical URL and lead image: absolute and normalised."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from schemas import Image

from ...fields.chain import Source
from ..facts import PageFacts
from .jsonld import article_value
from .page import HtmlPage

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


def _canonical_link(page: HtmlPage) -> str | None:
    links = page.facts.links.get("canonical")
    return absolute_url(page.url, links[0]) if links else None


def _og_url(page: HtmlPage) -> str | None:
    found = page.facts.first_meta("og:url")
    return absolute_url(page.url, found[1]) if found else None


CANONICAL: list[Source[HtmlPage, str]] = [Source("html", _canonical_link), Source("opengraph", _og_url)]


def _og_image(page: HtmlPage) -> Image | None:
    facts = page.facts
    found = facts.first_meta("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src")
    url = absolute_url(page.url, found[1]) if found else None
    if not url:
        return None
    alt = facts.first_meta("og:image:alt", "twitter:image:alt")
    return Image(
        url=url, alt=alt[1] if alt else None, width=_int(facts, "og:image:width"), height=_int(facts, "og:image:height")
    )


def _jsonld_image(page: HtmlPage) -> Image | None:
    value = article_value(page.facts, "image", "thumbnailUrl")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    url = absolute_url(page.url, value) if isinstance(value, str) else None
    return Image(url=url) if url else None


def _int(facts: PageFacts, key: str) -> int | None:
    found = facts.first_meta(key)
    return int(found[1]) if found and found[1].isdigit() else None


def _body_image(page: HtmlPage) -> Image | None:
    images = page.found.get("images") or []
    return images[0] if images else None


LEAD_IMAGE: list[Source[HtmlPage, Image]] = [
    Source("opengraph", _og_image),
    Source("json-ld", _jsonld_image),
    Source("body", _body_image, needs_body=True),
]
