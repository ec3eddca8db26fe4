"""An id that is the slug of the element's own heading names article text, not a widget."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.html.boilerplate import heading_anchor, is_furniture, strip_boilerplate

SECTION = '<div id="{}"><h2>{}</h2><p>Text of the section.</p></div>'


@pytest.mark.parametrize(
    "ident, heading, anchor",
    [
        ("sharing-with-a-single-developer", "Sharing with a single developer", True),
        ("example-1-amend-a-shared-changeset", "Example 1: Amend a shared changeset", True),
        ("related-work", "Related work", True),
        ("share-bar", "Share this", False),  # a widget name, not the heading's slug
        ("comments", "Comments", False),  # one word: too little evidence of a slug
        ("sharing-with-a-single-developer", "Something else", False),
    ],
)
def test_heading_anchor(ident: str, heading: str, anchor: bool) -> None:
    element = lxml.html.fragment_fromstring(SECTION.format(ident, heading))
    assert heading_anchor(element) is anchor
    assert is_furniture(element) is (not anchor)


@pytest.mark.parametrize(
    "html, kept",
    [
        (SECTION.format("sharing-with-a-team", "Sharing with a team"), "Sharing with a team Text of the section."),
        ('<p>Text.</p><div id="social-links"><h2>Follow us</h2><p>Links</p></div>', "Text."),
        ('<p>Text.</p><div class="share-bar" id="share-this"><h3>Share this</h3></div>', "Text."),
    ],
)
def test_sections_named_after_their_heading_stay(html: str, kept: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    kept_text = " ".join(t.strip() for t in strip_boilerplate(root, by_class=True).itertext() if t.strip())
    assert kept_text == kept
