"""Authors from the page's visible byline: rel=author / itemprop=author, then byline-like elements.

A byline container usually holds the names as links or `*name*` elements next to dates and
roles; those leaves are read first, the container's own text only when it has none.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from schemas import Author

from ...fields.names import clean_names
from ...textutil import squash

_FEATURE = re.compile(r"byline|author|writtenby|p-author|contributor", re.I)
_NOT_BYLINE = re.compile(r"authori[tz]|photo|avatar|image|img|bio|comment|related|recommend|tweet|follow", re.I)
_SKIP_ANCESTORS = frozenset({"nav", "aside", "footer", "form"})
#: a block of other stories or of comments: a byline inside it is another article's
_ELSEWHERE = re.compile(
    r"related|recommend|more-?stories|read-?next|sidebar|widget|teaser|popular|trending|comment", re.I
)
_STEMS = ("uthor", "UTHOR", "yline", "YLINE", "ritten", "RITTEN", "ontributor", "ONTRIBUTOR")
_HAS_STEM = " or ".join(f"contains(., '{stem}')" for stem in _STEMS)
#: candidates in document order, found by libxml2 over attribute nodes (twice as fast as a Python
#: walk of every element); `_is_byline` then decides with the exact, case-blind pattern
_CANDIDATES = (
    f"//@class[{_HAS_STEM}]/.. | //@id[{_HAS_STEM}]/.. | //@rel[contains(., 'author')]/.."
    " | //@itemprop[contains(., 'author')]/.."
)
MAX_TEXT = 200
MAX_CONTAINERS = 8
MAX_LEAVES = 60
MAX_FEATURES = 400


def _features(element: HtmlElement) -> str:
    """Class and id; at most MAX_FEATURES characters (utility-class soup runs to thousands)."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"[:MAX_FEATURES]


def _is_byline(element: HtmlElement) -> bool:
    if not isinstance(element.tag, str) or element.tag in ("meta", "link", "script", "style", "img"):
        return False
    if "author" in (element.get("rel") or "").lower().split() or "author" in (element.get("itemprop") or "").lower():
        return True
    features = _features(element)
    return bool(_FEATURE.search(features)) and not _NOT_BYLINE.search(features)


def _hidden_or_aside(element: HtmlElement) -> bool:
    return any(a.tag in _SKIP_ANCESTORS for a in element.iterancestors())


def _elsewhere(element: HtmlElement, seen: dict[HtmlElement, bool]) -> bool:
    """Inside a list of other stories or a comment thread (`seen`: ancestors already judged)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("html", "body"):
            continue
        if ancestor not in seen:
            seen[ancestor] = bool(_ELSEWHERE.search(_features(ancestor)))
        if seen[ancestor]:
            return True
    return False


def _strong(element: HtmlElement) -> bool:
    """rel=author / itemprop=author|name, or a class naming an author or a name."""
    if "author" in (element.get("rel") or "").lower().split():
        return True
    if re.search(r"author|name", element.get("itemprop") or "", re.I):
        return True
    return bool(re.search(r"author|name", _features(element), re.I)) and not _NOT_BYLINE.search(_features(element))


def _leaf_names(container: HtmlElement) -> list[Author]:
    """Names in the container's innermost name elements: strong ones (author/name markup) when
    there are any, else its links."""
    strong: list[Author] = []
    links: list[Author] = []
    for count, leaf in enumerate(container.iterdescendants()):
        if count >= MAX_LEAVES:
            break  # a byline is short; a container this big is a bio or a whole section
        if not isinstance(leaf.tag, str) or any(isinstance(c.tag, str) and c.tag != "br" for c in leaf):
            continue
        href = leaf.get("href") if leaf.tag == "a" else None
        names = [Author(name=n, url=href) for n in clean_names(leaf.text_content())]
        if _strong(leaf):
            strong += names
        elif leaf.tag == "a":
            links += names
    return strong or links


def byline_authors(root: HtmlElement) -> list[Author] | None:
    """The first byline element that yields a name: rel/itemprop=author markup first, then
    elements whose class or id says byline/author, each in document order."""
    seen: dict[HtmlElement, bool] = {}
    elements = [e for e in root.xpath(_CANDIDATES) if _is_byline(e) and not _elsewhere(e, seen)]
    marked = [e for e in elements if _marked(e)]  # explicit markup counts wherever it sits
    by_class = [e for e in elements if not _marked(e) and not _hidden_or_aside(e)]
    for group in (marked, by_class):
        found = _first_names(group)
        if found:
            return found
    return None


def _marked(element: HtmlElement) -> bool:
    return "author" in (element.get("rel") or "").lower().split() or "author" in (element.get("itemprop") or "").lower()


def _first_names(elements: list[HtmlElement]) -> list[Author] | None:
    tried = 0
    for element in elements:
        text = squash(element.text_content())
        if not text or len(text) > MAX_TEXT:
            continue
        tried += 1
        found = _leaf_names(element)
        if not found:
            href = element.get("href") if element.tag == "a" else None
            found = [Author(name=n, url=href) for n in clean_names(text)]
        if found:
            return found
        if tried >= MAX_CONTAINERS:
            break
    return None
