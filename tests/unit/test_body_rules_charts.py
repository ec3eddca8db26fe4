"""Labels placed on a chart by percent offsets are not article text."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.html.boilerplate import chart_label, strip_boilerplate


@pytest.mark.parametrize(
    "style, label",
    [
        ("top:4.8869%;margin-top:-16.2px;left:96.5906%;width:60px;", True),
        ("top: 34.8%; right: 95%; width: 44px", True),
        ("top:10%", False),  # one offset places nothing on a picture
        ("margin-top:10%;padding-left:5%", False),  # margins and padding are layout, not placement
        ("top:10px;left:0", False),  # pixel offsets: sticky headers and the like
        ("", False),
    ],
)
def test_chart_label(style: str, label: bool) -> None:
    assert chart_label(lxml.html.fragment_fromstring(f'<div style="{style}"><p>600</p></div>')) is label


def test_chart_labels_are_stripped_and_the_text_around_kept() -> None:
    html = (
        "<p>Interest payments will triple.</p><div class='chart'><img src='c.png'>"
        "<div style='top:9.5%;right:94.9%'><p>$900</p></div><div style='top:60%;left:5%'><p>billion</p></div></div>"
        "<p>More text.</p>"
    )
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    text = " ".join(t.strip() for t in strip_boilerplate(root, by_class=False).itertext() if t.strip())
    assert text == "Interest payments will triple. More text."
