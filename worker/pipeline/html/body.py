"""The article body, found by readability-lxml's algorithm on a copy of our tree.

`TreeDocument` (fastdoc.py) runs readability on copies of our already-parsed tree, without its
re-parse and its avoidable passes.
"""

from __future__ import annotations

import logging

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement

from schemas.reasons import NoArticle

from .boilerplate import in_prose
from .fastdoc import TreeDocument, Unparseable

logging.getLogger("readability.readability").setLevel(logging.WARNING)


class ArticleDocument(TreeDocument):
    """readability, except that an inline element inside a sentence (a glossed word whose class
    says "popup" or "tooltip") stays: it is words of the article, not a widget."""

    def keep_unlikely(self, elem: HtmlElement) -> bool:
        return in_prose(elem)


def find_body(root: HtmlElement, url: str) -> HtmlElement:
    """The article's container element, detached from `root` (which is left untouched)."""
    try:
        summary = ArticleDocument(root, url).summary(html_partial=True)
    except Unparseable as exc:
        raise NoArticle(f"readability found no article: {exc}") from None
    try:
        return lxml.html.fragment_fromstring(summary, create_parent="div")
    except (ParserError, ValueError) as exc:
        raise NoArticle(f"article body is empty: {exc}") from None
