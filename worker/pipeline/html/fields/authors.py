"""Authors as {name, url}: JSON-LD (following `@id` references), the Twitter card's "Written by",
meta tags, then the visible byline (byline markup, "By ..." next to the headline, a profile link).

Every source's names pass the same test: no CMS placeholder or account handle, and not the site
itself given as the person (an organisation whose name is the site's or its domain's). A source
whose names all fail gives nothing, so the next one (often the visible byline) is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from schemas import Author

from ...fields.chain import Source
from ...fields.lexicon import AUTHOR_LABELS, BY_VERBS, BY_WORDS, alternation
from ...fields.names import clean_names, handle_of_site, names_the_site, organisation, placeholder
from ...textutil import squash
from .byline import byline_authors
from .dates import headline_parts
from .jsonld import article_value, as_text
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
    "cxenseparse:author",
)
_ORGANISATION_TYPES = frozenset(
    {"organization", "corporation", "newsmediaorganization", "educationalorganization", "localbusiness", "website"}
)
_GENERIC_HOST_LABELS = frozenset({"www", "m", "amp", "blog", "blogs", "news", "en", "com", "org", "net", "co", "uk"})
#: "By Jane Doe", "Written by: Jane Doe and John Roe", "Author: Jane Doe" in running text
_NAME = r"[A-ZÀ-ÞĀ-ſ][\w.'’-]*(?:\s+(?:[A-ZÀ-ÞĀ-ſ][\w.'’-]*|van|von|de|da|del|der|di|du|la|le|bin|al-\w+)){0,3}"
_AND = r"(?:\s*,\s*|\s+(?:and|und|et|y|&)\s+)"
_LEAD = rf"(?:(?:{alternation(BY_VERBS)})\s+)?(?:{alternation(BY_WORDS)})\s*:?|(?:{alternation(AUTHOR_LABELS)})\s*[:：]"
_AUTHOR_LABEL = re.compile(
    rf"^\s*(?:(?:{alternation(BY_VERBS)})\s+)?(?:{alternation([*BY_WORDS, *AUTHOR_LABELS])})\s*[:：]?\s*$", re.I
)
_BY_LINE = re.compile(rf"^(?i:{_LEAD})(?=[\s:：])[\s:：]*(?P<names>{_NAME}(?:{_AND}{_NAME}){{0,3}})(?P<rest>.*)$")
_AND_RE = re.compile(_AND)
_CONNECTOR = re.compile(r"^(?:,|&|and|und|et|y)$", re.I)
#: the label alone in its node ('By', 'Author:', 'This post was written by'), the name in the next
_LABEL_ONLY = re.compile(
    rf"^(?:this\s+(?:post|article|story|page)\s+(?:was|is)\s+)?(?:{_LEAD}|(?:{alternation(AUTHOR_LABELS)}))\s*[:：]?$",
    re.I,
)
#: text nodes read after the headline (a third of it before), and the longest a byline node is
HEADLINE_NODES = 30
MAX_BYLINE_CHARS = 120
_PROFILE = (
    "author",
    "authors",
    "autor",
    "autoren",
    "auteur",
    "auteurs",
    "people",
    "profile",
    "profiles",
    "staff",
    "writers",
    "writer",
    "contributors",
    "contributor",
    "journalist",
    "journalists",
    "redaktion",
    "team",
)
_PROFILE_HINT = re.compile("|".join(_PROFILE), re.I)  # a cheap test before parsing the URL
_PROFILE_PATH = re.compile(rf"/(?:{'|'.join(_PROFILE)})/[\w.%-]+/?$", re.I)
MAX_LINKS = 2000


class _Site:
    """The names a page gives itself, to recognise the site given as its own author."""

    def __init__(self, page: HtmlPage) -> None:
        self.page = page

    @cached_property
    def names(self) -> list[str]:
        facts = self.page.facts
        values = [
            v for k in ("og:site_name", "application-name", "apple-mobile-web-app-title") for v in facts.meta.get(k, ())
        ]
        values.append(as_text(article_value(facts, "publisher")) or "")
        values += [as_text(o.get("name")) or "" for o in facts.jsonld if _types(o) & {"website", "organization"}]
        return [n for v in values if (n := squash(v).casefold())]

    @cached_property
    def words(self) -> list[str]:
        host = (urlsplit(self.page.url).hostname or "").casefold()
        labels = host.split(".")[:-1] if "." in host else [host]
        return [label.replace("-", "") for label in labels if label and label not in _GENERIC_HOST_LABELS]


def _kept(page: HtmlPage, authors: list[Author]) -> list[Author] | None:
    """Unique names that are not a CMS placeholder ('admin', 'undefined')."""
    seen: set[str] = set()
    kept = []
    for author in authors:
        name = author.name
        if name.casefold() in seen or placeholder(name):
            continue
        seen.add(name.casefold())
        kept.append(author)
    return kept or None


def _site(page: HtmlPage) -> _Site:
    if "site" not in page.cache:
        page.cache["site"] = _Site(page)
    site: _Site = page.cache["site"]
    return site


def _weak(page: HtmlPage, author: Author) -> bool:
    """The site itself given as the author, an organisation (JSON-LD), or an account handle: kept
    only when no source names a person."""
    site = _site(page)
    if author.name.casefold() in page.cache.get("organisations", ()):
        return True
    return names_the_site(author.name, site.names, site.words) or handle_of_site(author.name, site.words)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _jsonld(page: HtmlPage) -> list[Author] | None:
    value = article_value(page.facts, "author", "creator")
    items: list[Any] = value if isinstance(value, list) else [value] if value else []
    authors = []
    for item in items:
        if isinstance(item, dict):
            node = page.facts.node(item)  # {"@id": ...}: the Person node of the graph (Yoast)
            url = node.get("url") if isinstance(node.get("url"), str) else None
            names = clean_names(as_text(node.get("name")) or "", declared=True)
            if _types(node) & _ORGANISATION_TYPES:
                # a company or an outlet is no author; another kind of group ("Contributors to
                # Wikimedia projects") stays unless a person is found elsewhere
                names = [n for n in names if not organisation(n)]
                page.cache.setdefault("organisations", set()).update(n.casefold() for n in names)
            authors += [Author(name=n, url=url) for n in names]
        elif isinstance(item, str):
            authors += [Author(name=n) for n in clean_names(item, declared=True)]
    return _kept(page, authors)


def _twitter(page: HtmlPage) -> list[Author] | None:
    """Yoast and others: twitter:labelN "Written by" with the name in twitter:dataN."""
    meta = page.facts.meta
    for n in range(1, 5):
        label = (meta.get(f"twitter:label{n}") or [""])[0]
        data = (meta.get(f"twitter:data{n}") or [""])[0]
        if data and _AUTHOR_LABEL.match(label):
            return _kept(page, [Author(name=name) for name in clean_names(data, declared=True)])
    return None


def _meta(page: HtmlPage) -> list[Author] | None:
    for key in META_KEYS:
        for value in page.facts.meta.get(key, ()):
            if value.strip() and not value.strip().startswith(("http://", "https://")):
                found = _kept(page, [Author(name=n) for n in clean_names(value, declared=True)])
                if found:
                    return found
    return None


def _byline(page: HtmlPage) -> list[Author] | None:
    found = byline_authors(page.root)
    return _kept(page, found) if found else None


def _by_headline(page: HtmlPage) -> list[Author] | None:
    """A byline just under or over the headline: a text node 'By Jane Doe' (any lexicon language),
    or a node that is only the label ('By', 'Written by', 'Author:') followed by the name."""
    before, after = headline_parts(page)
    for texts in (after[:HEADLINE_NODES], before[-HEADLINE_NODES // 3 :]):
        for i, text in enumerate(texts):
            if len(text) > MAX_BYLINE_CHARS:
                continue
            match = _BY_LINE.match(text)
            names = _byline_names(match) if match else None
            if names is None and _LABEL_ONLY.match(text) and i + 1 < len(texts) and len(texts[i + 1]) <= 80:
                # the label alone, the name in the next node; more names after 'and', '&', ','
                names, j = texts[i + 1], i + 2
                while j + 1 < len(texts) and _CONNECTOR.match(texts[j]) and len(texts[j + 1]) <= 80:
                    names, j = f"{names}, {texts[j + 1]}", j + 2
            found = _kept(page, [Author(name=n) for n in clean_names(names)]) if names else None
            if found:
                return found
    return None


def _byline_names(match: re.Match[str]) -> str | None:
    """The names of a 'By ...' line, when what follows them may end a byline. The name pattern is
    greedy: 'by Agatha Caleo, Candidate Representative to the Committee' reads the role as a second
    name, so the last names are given back to the rest one by one until it may end a byline."""
    names, rest = match["names"], match["rest"]
    while True:
        if _ends_byline(rest):
            return names
        cut = list(_AND_RE.finditer(names))
        if not cut:
            return None
        last = cut[-1]
        names, rest = names[: last.start()], names[last.start() :] + rest


def _ends_byline(rest: str) -> bool:
    """What may follow the names on a byline line: nothing, a separator, a date, a role."""
    return not rest.strip() or bool(re.match(r"^\s*(?:[,|·•–—(-]|\d|on\b|am\b|le\b|el\b|il\b)", rest, re.I))


def _profile_link(page: HtmlPage) -> list[Author] | None:
    """A link to an author's profile page on the same site ('/author/jane-doe') whose text is a
    full name (a one-word menu item such as 'Team' is not)."""
    for count, link in enumerate(page.root.iter("a")):
        if count >= MAX_LINKS:
            break
        href = link.get("href") or ""
        if "/" not in href or not _PROFILE_HINT.search(href):
            continue
        parts = urlsplit(href)
        if parts.hostname and parts.hostname.casefold().removeprefix("www.") != _host(page):
            continue  # a profile on another site (a social network) names an account, not the byline
        if not _PROFILE_PATH.search(parts.path):
            continue
        names = [n for n in clean_names(link.text_content()) if len(n.split()) >= 2]
        found = _kept(page, [Author(name=n, url=href) for n in names])
        if found:
            return found
    return None


def _host(page: HtmlPage) -> str:
    return (urlsplit(page.url).hostname or "").casefold().removeprefix("www.")


_READERS = (
    ("json-ld", _jsonld),
    ("meta", _meta),
    ("meta", _twitter),
    ("html", _by_headline),
    ("heuristic", _byline),
    ("html", _profile_link),
)


def _prefer_people(position: int) -> Callable[[HtmlPage], list[Author] | None]:
    """The reader at `position`, except that the site itself given as the author ('USA TODAY' on
    usatoday.com) or an account handle ('kffnirmitap') gives way to a person any later reader
    finds; without one it stays."""

    def prefer(page: HtmlPage) -> list[Author] | None:
        found = _read(page, position)
        if not found:
            return None
        people = [a for a in found if not _weak(page, a)]
        if people:
            return people
        later = (_read(page, i) or [] for i in range(position + 1, len(_READERS)))
        return None if any(not _weak(page, a) for authors in later for a in authors) else found

    return prefer


def _read(page: HtmlPage, position: int) -> list[Author] | None:
    """Reader `position`'s authors, read once per page: a weak answer looks ahead at the later readers,
    which the chain then asks again."""
    key = f"authors:{position}"
    if key not in page.cache:
        page.cache[key] = _READERS[position][1](page)
    found: list[Author] | None = page.cache[key]
    return found


AUTHORS: list[Source[HtmlPage, list[Author]]] = [
    Source(name, _prefer_people(i)) for i, (name, _) in enumerate(_READERS)
]
