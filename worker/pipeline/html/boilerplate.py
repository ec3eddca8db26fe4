"""Boilerplate inside an article element: widgets, hidden nodes, share bars, link lists.

General markup rules only (tags, hidden-ness, class/id words that name page furniture, link
density); nothing keyed to one site.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

DROP_TAGS = frozenset(
    "script style noscript form button input select textarea iframe svg nav aside footer template object embed "
    "canvas dialog menu".split()
)
#: class/id words of page furniture: sharing, related links, newsletters, ads, comments, bylines.
FURNITURE = re.compile(
    r"share|social|related|newsletter|promo|comment|advert|\bad-|\bads?\b|sidebar|subscribe|popup|modal|cookie|"
    r"breadcrumb|\btags?\b|pagination|\bmenu|\bnav|footer|masthead|sponsor|outbrain|taboola|recirc|more-|"
    r"read-more|signup|toolbar|print|byline|author|dateline|timestamp|meta",
    re.I,
)
TEXT_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
LINK_LIST_DENSITY = 0.5
LINK_LIST_MAX_CHARS = 1000


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def hidden(element: HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def link_density(element: HtmlElement) -> float:
    total = len(text_of(element)) or 1
    return sum(len(text_of(a)) for a in element.iter("a")) / total


def is_furniture(element: HtmlElement) -> bool:
    if element.tag in TEXT_TAGS:
        return False
    return bool(FURNITURE.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def strip_boilerplate(root: HtmlElement, *, by_class: bool) -> HtmlElement:
    """Drop widgets, hidden nodes and link lists under `root` (in place); with `by_class`, also
    elements whose class or id names page furniture."""
    for element in list(root.iter()):
        if element is root or not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if element.tag in DROP_TAGS or hidden(element) or (by_class and is_furniture(element)):
            element.drop_tree()
    for element in list(root.iter("ul", "ol", "div", "section", "table")):
        if element is root or element.getparent() is None:
            continue
        if link_density(element) > LINK_LIST_DENSITY and len(text_of(element)) < LINK_LIST_MAX_CHARS:
            element.drop_tree()
    return root
