"""Recover what readability dropped: find its article's container in our tree, clean it ourselves.

readability-lxml's sanitizer removes leads outside its top candidate, link-heavy headings, lists,
tables and captions that belong to the article. We locate the smallest element of the original
tree holding nearly all of readability's paragraphs and clean that with our boilerplate rules.
The result replaces readability's only when it keeps (almost) all of its text and does not grow
out of proportion; otherwise readability's article is kept, with the safe cleaning rules applied.
"""

from __future__ import annotations

import copy
import re
from collections import Counter

from lxml.html import HtmlElement

from .boilerplate import (
    DROP_TAGS,
    drop_byline_lines,
    drop_title_heading,
    hidden,
    is_furniture,
    link_density,
    strip_boilerplate,
    text_of,
)
from .credits import drop_credit_lines
from .standfirst import drop_dek_heading

BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td", "blockquote", "dd", "figcaption")
MIN_KEY = 40  # shorter paragraphs ("Share", "Advertisement") are not evidence of place
SHARE_OF_TEXT = 0.9  # the container holds this share of the matched paragraphs' text
MATCHED = 0.5  # ... and those paragraphs are at least this share of readability's text
CLIMB = 2.0  # go up to a parent with real paragraphs while it has at most this factor of text
MAX_CLIMB = 3
WRAPPER = 1.05  # a parent with at most this factor of text adds nothing but a label
LEAD_CHARS = 80
KEEP = 0.97  # the expansion keeps this share of readability's words (furniture aside) ...
KEEP_RAW = 0.75  # ... and this share counting furniture, so a misread class cannot drop the article
GROW = 1.6  # ... and has at most this many times as many words
_TOKEN = re.compile(r"\w+")


def article_container(root: HtmlElement, body: HtmlElement) -> HtmlElement | None:
    """The deepest element of `root` holding SHARE_OF_TEXT of the text of `body`'s paragraphs."""
    keys = {k for e in body.iter(*BLOCKS) if len(k := text_of(e)) >= MIN_KEY}
    matched = [(e, len(k)) for e in root.iter(*BLOCKS) if (k := text_of(e)) in keys]
    total = sum(size for _, size in matched)
    if not total or total < MATCHED * len(text_of(body)):
        return None
    weight: dict[HtmlElement, int] = {}
    for element, size in matched:
        for ancestor in element.iterancestors():
            weight[ancestor] = weight.get(ancestor, 0) + size
    best, best_depth = None, -1
    for ancestor, size in weight.items():
        if size >= SHARE_OF_TEXT * total:
            depth = sum(1 for _ in ancestor.iterancestors())
            if depth > best_depth:
                best, best_depth = ancestor, depth
    if best is None or best.tag in ("body", "html"):
        return None
    return _climb(best)


def _climb(element: HtmlElement) -> HtmlElement:
    """Up to parents whose children before ours hold real paragraphs (a lead, an intro readability
    left out), while the parent has at most CLIMB times the text. Blocks after the article are
    more often related stories than article text, so they do not count."""
    for _ in range(MAX_CLIMB):
        target = _lead_parent(element)
        if target is None:
            target = _lead_parent(element, through_wrapper=True)
        if target is None:
            break
        element = target
    return element


def _lead_parent(element: HtmlElement, *, through_wrapper: bool = False) -> HtmlElement | None:
    """The parent (or, through a parent that adds next to no text, the grandparent) whose children
    before ours hold real paragraphs."""
    size = len(text_of(element))
    child = element
    if through_wrapper:
        wrapper = element.getparent()
        if wrapper is None or len(text_of(wrapper)) > WRAPPER * size:
            return None
        child = wrapper
    parent = child.getparent()
    if parent is None or parent.tag in ("body", "html") or len(text_of(parent)) > CLIMB * size:
        return None
    if not any(_has_paragraph(sibling) for sibling in child.itersiblings(preceding=True)):
        return None
    return parent


def _has_paragraph(element: HtmlElement) -> bool:
    if not isinstance(element.tag, str) or element.tag in DROP_TAGS or is_furniture(element) or hidden(element):
        return False
    return any(
        len(text_of(p)) >= LEAD_CHARS and link_density(p) < 0.25 and not is_furniture(p) for p in element.iter("p")
    )


def refine_body(
    root: HtmlElement,
    body: HtmlElement,
    title: str | None = None,
    authors: list[str] | None = None,
    description: str | None = None,
) -> HtmlElement:
    """readability's `body`, or the cleaned container it came from when that only adds text."""
    container = article_container(root, body)
    chosen = strip_boilerplate(body, by_class=False)
    if container is not None:
        candidate = strip_boilerplate(_detached_copy(container), by_class=True)
        raw, after = _words(chosen), _words(candidate)
        clean = _words(strip_boilerplate(_detached_copy(chosen), by_class=True))
        if (
            _kept(clean, after) >= KEEP
            and _kept(raw, after) >= KEEP_RAW
            and sum(after.values()) <= GROW * sum(raw.values())
        ):
            chosen = candidate
    chosen = drop_dek_heading(drop_title_heading(chosen, title), description)
    return drop_credit_lines(drop_byline_lines(chosen, authors or []))


def _detached_copy(element: HtmlElement) -> HtmlElement:
    duplicate = copy.deepcopy(element)
    duplicate.tail = None
    return duplicate


def _kept(before: Counter[str], after: Counter[str]) -> float:
    return sum((before & after).values()) / (sum(before.values()) or 1)


def _words(element: HtmlElement) -> Counter[str]:
    return Counter(_TOKEN.findall(element.text_content()))
