"""A heading that opens the body with a piece of the headline is the title field's, not the body's."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.html.boilerplate import drop_title_heading

TITLE = "Lupita Nyong'o's $150K Pearl Oscar Dress -- Stolen"


@pytest.mark.parametrize(
    "html, kept",
    [
        ("<h2>Lupita Nyong'o</h2><p>Body text.</p>", "Body text."),  # a kicker: part of the title
        ("<div><h2>Open Journalism:</h2></div><p>Body.</p>", "Open Journalism: Body."),  # not in this title
        ("<h2>Lupita</h2><p>Body text.</p>", "Lupita Body text."),  # one word is too little evidence
        ("<p>Lead.</p><h2>Pearl Oscar Dress</h2><p>More.</p>", "Lead. Pearl Oscar Dress More."),  # not leading
        (f"<p>Lead.</p><h1>{TITLE}</h1>", "Lead."),  # the whole title goes wherever it is
        ("<div><span></span><h2>Pearl Oscar Dress</h2></div><p>Body.</p>", "Body."),
    ],
)
def test_leading_title_part(html: str, kept: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    text = " ".join(t.strip() for t in drop_title_heading(root, TITLE).itertext() if t.strip())
    assert text == kept
