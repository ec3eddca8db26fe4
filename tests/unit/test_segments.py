"""Segments follow a browser's blocks, and the assembled article loses exactly the dropped words."""

from __future__ import annotations

import math

import lxml.html
import pytest

from worker.pipeline.html.kept_copy import assemble
from worker.pipeline.html.render import render_text
from worker.pipeline.html.segments import segment

PAGE = (
    "<html><body><nav><a href='/'>Home</a></nav><div class='content'>Intro <b>bold</b> tail"
    "<p>Para <a href='x'>link</a> after.</p><div class='share'><a>Share</a> on X</div> more <span>x</span>"
    "<script>var no;</script> end<figure><img src='a.jpg'></figure><ul><li>one</li><li>two <i>i</i></li></ul>"
    "</div><footer>(c) 2024</footer></body></html>"
)


def test_segments_split_at_blocks_and_keep_inline_text_together() -> None:
    texts = [s.text for s in segment(lxml.html.document_fromstring(PAGE))]
    assert texts == [
        "Home",
        "Intro bold tail",
        "Para link after.",
        "Share on X",
        "more x end",
        "one",
        "two i",
        "(c) 2024",
    ]


def test_segment_context_links_and_class_words() -> None:
    segments = {s.text: s for s in segment(lxml.html.document_fromstring(PAGE))}
    assert segments["Para link after."].links == 1 and segments["Para link after."].link_chars == len("link")
    assert segments["Home"].link_chars == 4
    assert segments["Share on X"].near != segments["Intro bold tail"].near  # "share" vs "content" families


def test_assemble_drops_exactly_the_dropped_segments() -> None:
    root = lxml.html.document_fromstring(PAGE)
    segments = segment(root)
    dropped = {"Home", "Share on X", "(c) 2024", "more x end"}
    body = assemble(segments, [s.text not in dropped for s in segments])
    assert body is not None
    text = render_text(body)
    assert all(word not in text for word in ("Home", "Share", "more", "2024", "var no"))
    for kept in ("Intro bold tail", "Para link after.", "one", "two i"):
        assert kept in text
    assert body.find(".//img") is not None  # an image between kept text stays
    assert root.find(".//nav") is not None and "Share" in root.text_content()  # the page itself is untouched


def test_assemble_keeps_text_after_a_dropped_block() -> None:
    root = lxml.html.document_fromstring(PAGE)
    segments = segment(root)
    body = assemble(segments, [s.text != "Intro bold tail" for s in segments])
    assert body is not None
    text = render_text(body)
    assert "Intro" not in text and "more x end" in text and "Share on X" in text


def test_assemble_without_kept_segments() -> None:
    segments = segment(lxml.html.document_fromstring(PAGE))
    assert assemble(segments, [False] * len(segments)) is None


def test_assemble_when_a_dropped_segments_inline_piece_owns_a_kept_segment() -> None:
    """An inline element holding a block (`<span>..<div>..</div> tail</span>`) is a piece of the
    segment around it and the owner of its own tail's segment: dropping the first keeps the second."""
    html = (
        "<html><body><div class='c'><p>Kept paragraph one.</p><div>Answered by <span><span>Ann</span> "
        "<div><span>Inner block text</span></div> tail words</span></div></div></body></html>"
    )
    segments = segment(lxml.html.document_fromstring(html))
    body = assemble(segments, [s.text not in ("Answered by Ann", "Inner block text") for s in segments])
    assert body is not None
    text = render_text(body)
    assert "Kept paragraph one." in text and "tail words" in text
    assert "Answered" not in text and "Inner" not in text


def test_segments_under_different_grandparents_are_counted_apart() -> None:
    """Each segment's grandparent count is its own grandparent's, however many other grandparents
    the page has: the count once merged elements whose short-lived lxml proxies shared an id()."""
    from worker.pipeline.html.features import NAMES, ReadabilityView, matrix

    sections = "".join(f"<section><div><p>Paragraph {i} has words.</p></div></section>" for i in range(40))
    pair = "<section><div><p>a</p><p>b</p></div></section>"
    root = lxml.html.document_fromstring(f"<html><body>{sections}{pair}</body></html>")
    segments = segment(root)
    rows = matrix(segments, ReadabilityView(frozenset(), None, {}))
    column = rows[:, NAMES.index("grandparent_segments")]
    assert column[:40].tolist() == [pytest.approx(math.log1p(1))] * 40
    assert column[40:].tolist() == [pytest.approx(math.log1p(2))] * 2


@pytest.mark.parametrize(
    "token",
    [
        "ads",
        "ad",
        "adslot",
        "sidebar-ad",
        "navigation",
        "replies",
        "reply-to",
        "tags",
        "tag-list",
        "read-more-stories",
        "comment-author",
        "x",
        "",
        "mainnav",
        "site-header__top-bar",
        "btn-share-facebook",
        "social-share",
        "gallery-img",
    ],
)
def test_token_families_match_the_whole_alternation(token: str) -> None:
    from worker.pipeline.html.segments import _FAMILIES, _FAMILY_BIT, _token_bits

    expected = 0
    for match in _FAMILIES.finditer(token):
        expected |= _FAMILY_BIT[match.lastgroup or ""]
    assert _token_bits(token) == expected
