"""Inline elements inside a sentence are article words, whatever their class or id."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.html.boilerplate import in_prose, strip_boilerplate


@pytest.mark.parametrize(
    "html, prose",
    [
        ('<p>I am a <a class="popup" href="#">rather elderly</a> man.</p>', True),
        ('<p><a class="popup" href="#">I</a> am a man.</p>', True),  # words after it
        ('<p>He said <span class="tooltip">so</span></p>', True),  # words before it
        ('<p><a class="share" href="#">Share</a></p>', False),  # alone in its block
        ('<div><div class="popup">A sentence in a box.</div> and text</div>', False),  # a block, not inline
        ('<div>Text. <span class="byline">By Jane Doe</span></div>', True),
        ('<div><p>Text.</p><span class="byline">By Jane Doe</span></div>', False),
    ],
)
def test_in_prose(html: str, prose: bool) -> None:
    root = lxml.html.fragment_fromstring(html)
    element = next(e for e in root.iter() if e.get("class"))
    assert in_prose(element) is prose


@pytest.mark.parametrize(
    "html, kept",
    [
        ('<p>I am a <a class="popup" href="#">rather elderly</a> man.</p>', "I am a rather elderly man."),
        ('<p>A <em class="ad-word">sponsor</em> paid.</p>', "A sponsor paid."),
        ('<p>Text.</p><p><a class="share-link" href="#">Share</a></p>', "Text."),
    ],
)
def test_class_words_do_not_cut_sentences(html: str, kept: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert " ".join(strip_boilerplate(root, by_class=True).text_content().split()) == kept
