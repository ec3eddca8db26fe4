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

from .boilerplate import strip_boilerplate, text_of

BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td", "blockquote", "dd", "figcaption")
MIN_KEY = 40  # shorter paragraphs ("Share", "Advertisement") are not evidence of place
SHARE_OF_TEXT = 0.9  # the container holds this share of the matched paragraphs' text
KEEP = 0.97  # the expansion keeps this share of readability's words ...
GROW = 1.6  # ... and has at most this many times as many words
_TOKEN = re.compile(r"\w+")


def article_container(root: HtmlElement, body: HtmlElement) -> HtmlElement | None:
    """The deepest element of `root` holding SHARE_OF_TEXT of the text of `body`'s paragraphs."""
    keys = {k for e in body.iter(*BLOCKS) if len(k := text_of(e)) >= MIN_KEY}
    matched = [(e, len(k)) for e in root.iter(*BLOCKS) if (k := text_of(e)) in keys]
    total = sum(size for _, size in matched)
    if not total:
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
    return None if best is None or best.tag in ("body", "html") else best


def refine_body(root: HtmlElement, body: HtmlElement) -> HtmlElement:
    """readability's `body`, or the cleaned container it came from when that only adds text."""
    container = article_container(root, body)
    if container is not None:
        candidate = copy.deepcopy(container)
        candidate.tail = None
        strip_boilerplate(candidate, by_class=True)
        before, after = _words(body), _words(candidate)
        kept = sum((before & after).values()) / (sum(before.values()) or 1)
        if kept >= KEEP and sum(after.values()) <= GROW * sum(before.values()):
            return candidate
    return strip_boilerplate(body, by_class=False)


def _words(element: HtmlElement) -> Counter[str]:
    return Counter(_TOKEN.findall(element.text_content()))
