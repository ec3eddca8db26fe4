"""Node and depth limits, checked before and right after the one lxml parse.

Before: a page with more start tags than the node limit is refused without building the tree
(counting `<` is a C-speed scan; the exact start-tag count runs only when that bound is exceeded).
After: libxml2 stops descending at depth 255 and silently drops everything after that point, so a
tree that deep would be a truncated page, not the page: refused instead.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from schemas.reasons import DocumentTooComplex

from .limits import Limits

_START_TAG = re.compile(r"<[a-zA-Z]")


def precheck(text: str, limits: Limits) -> None:
    """Raise DocumentTooComplex when the page surely has more elements than allowed."""
    if text.count("<") <= limits.max_dom_nodes:
        return
    tags = sum(1 for _ in _START_TAG.finditer(text))
    if tags > limits.max_dom_nodes:
        raise DocumentTooComplex(f"page has {tags} start tags, more than the {limits.max_dom_nodes} allowed")


def check_depth(root: HtmlElement, limits: Limits) -> None:
    """Raise DocumentTooComplex when some element is nested deeper than `limits.max_dom_depth`."""
    if root.xpath(f"boolean(//*[ancestor::*[{int(limits.max_dom_depth)}]])"):
        raise DocumentTooComplex(f"page nests elements deeper than {limits.max_dom_depth} levels")
