"""The article body, found by readability-lxml on a copy of our tree.

readability mutates the document it is given and re-parses on its lenient retry; subclassing its
`_parse` hands it a fresh copy of our already-parsed tree on each pass instead of a string.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement
from readability import Document
from readability.readability import Unparseable

from ...errors import NoArticle

logging.getLogger("readability.readability").setLevel(logging.WARNING)


class _TreeDocument(Document):  # type: ignore[misc]
    def __init__(self, tree: HtmlElement, url: str) -> None:
        super().__init__(tree, url=url)
        self._tree = tree

    def _parse(self, input: Any) -> HtmlElement:  # readability's own parameter name
        return super()._parse(copy.deepcopy(self._tree))


def find_body(root: HtmlElement, url: str) -> HtmlElement:
    """The article's container element, detached from `root` (which is left untouched)."""
    try:
        summary = _TreeDocument(root, url).summary(html_partial=True)
    except Unparseable as exc:
        raise NoArticle(f"readability found no article: {exc}") from None
    try:
        return lxml.html.fragment_fromstring(summary, create_parent="div")
    except (ParserError, ValueError) as exc:
        raise NoArticle(f"article body is empty: {exc}") from None
