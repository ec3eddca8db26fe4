"""fastdoc must find exactly what readability-lxml finds, only sooner."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml.html import HtmlElement
from readability import Document
from readability.readability import clean as readability_clean

from worker.evaluation.dataset import load
from worker.pipeline.html.fastdoc import TreeDocument
from worker.pipeline.html.readability_private import clean
from worker.pipeline.limits import Limits
from worker.pipeline.parse import parse_html

PAGES = load(readerable_only=False)


class _Reference(Document):  # type: ignore[misc]
    """Unmodified readability on a fresh copy of the same tree on every pass."""

    def __init__(self, tree: HtmlElement, url: str) -> None:
        super().__init__(tree, url=url)
        self._tree = tree

    def _parse(self, input: Any) -> HtmlElement:
        return super()._parse(copy.deepcopy(self._tree))


@given(st.text(alphabet=st.sampled_from([" ", "\t", "\n", "\r", "\u00a0", "\u2003", "a", "b", ","]), max_size=600))
def test_clean_is_readabilitys_clean(text: str) -> None:
    assert clean(text) == readability_clean(text)


def test_clean_handles_long_runs_the_same() -> None:
    text = "a" + " " * 300 + "b" + " \t " * 200 + "\n" + "\t\t c \n\n d" + "\u00a0" * 260
    assert clean(text) == readability_clean(text)


@pytest.mark.parametrize("page", PAGES[::6], ids=lambda p: p.name)
def test_summary_is_readabilitys_summary(page: Any) -> None:
    root = parse_html(page.source.decode("utf-8", "replace"), Limits())
    before = copy.deepcopy(root)
    ours = TreeDocument(root, page.url).summary(html_partial=True)
    theirs = _Reference(root, page.url).summary(html_partial=True)
    assert ours == theirs
    assert len(root.text_content()) == len(before.text_content())  # our tree is left as it was
