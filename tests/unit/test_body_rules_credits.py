"""Credit lines at the top of the body go, whoever they name; sentences starting with "By" stay."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.html.credits import credit_line, drop_credit_lines


@pytest.mark.parametrize(
    "text, credit",
    [
        ("Reviewed by Hansa D. Bhargava, MD", True),
        ("Written by Rob Ewaschuk Edited by Betsy Beyer", True),
        ("By Jane Doe and John Roe", True),
        ("Par Martin Untersinger", True),
        ("Von Anna Müller und Jörg Schmidt", True),
        ("By the time we arrived, the shop was closed.", False),
        ("By Monday the prices had risen again", False),
        ("Bystanders Said Nothing", False),  # not the word "by"
        ("Written by hand, the letter was long", False),
        ("By " + "Name " * 20, False),  # too long for a credit line
    ],
)
def test_credit_line(text: str, credit: bool) -> None:
    assert credit_line(text) is credit


@pytest.mark.parametrize(
    "html, kept",
    [
        ("<p>Reviewed by Hansa Bhargava, MD</p><p>Body text.</p>", "Body text."),
        ('<div class="x">Written by Rob Ewaschuk<br>Edited by Betsy Beyer</div><p>Body.</p>', "Body."),
        # a photo credit is caption text
        (
            "<figure><img src=a.jpg><figcaption><span>Photo by Ann Lee</span></figcaption></figure><p>B.</p>",
            "Photo by Ann Lee B.",
        ),
        # only near the top: far down it may be a quoted credit
        ("<p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p><p>By Jane Doe</p>", "One. Two. Three. Four. By Jane Doe"),
    ],
)
def test_drop_credit_lines(html: str, kept: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    text = " ".join(t.strip() for t in drop_credit_lines(root).itertext() if t.strip())
    assert text == kept
