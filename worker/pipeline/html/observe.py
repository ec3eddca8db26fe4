"""Everything the learned body stage looks at on one page: segments, readability's view, features."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
import numpy as np
from lxml.html import HtmlElement

from .fastdoc import TreeDocument, Unparseable
from .features import ReadabilityView, matrix
from .segments import Segment, segment


@dataclass(frozen=True)
class Observation:
    segments: list[Segment]
    view: ReadabilityView
    features: np.ndarray


class _ViewDocument(TreeDocument):
    """readability's choice is all we read: its article's markup serves only its own length test
    (retry when under 250 characters), so links are not made absolute and attributes not cleaned."""

    def get_clean_html(self) -> str:
        return str(lxml.html.tostring(self.html, encoding="unicode"))


def readability_view(root: HtmlElement, url: str) -> ReadabilityView:
    """readability-lxml's article on a copy of `root`, as elements of `root` (empty when it finds none)."""
    document = _ViewDocument(root, url)
    try:
        document.summary(html_partial=True)
    except Unparseable:
        return ReadabilityView(frozenset(), None, {})
    return ReadabilityView(frozenset(document.kept()), document.best, document.scores)


def page_title(root: HtmlElement) -> str | None:
    """The page's own title (og:title, else <title>): a feature only, read the same way in training."""
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title" and meta.get("content"):
            return str(meta.get("content"))
    title = root.find(".//title")
    return title.text_content() if title is not None else None


def observe(root: HtmlElement, url: str) -> Observation:
    segments = segment(root)
    view = readability_view(root, url)
    return Observation(segments, view, matrix(segments, view, page_title(root)))
