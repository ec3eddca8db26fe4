"""Lists of notes that cite links are article text; lists of links to other pages are not."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.html.boilerplate import has_prose_item, strip_boilerplate

NOTE = "We have the green light for another round of students hacking on this feature next term"
LINKS = '<li><a href="/1">Bug 1 - window is affected by source</a></li><li><a href="/2">Bug 2 - add telemetry</a></li>'


def kept(html: str) -> str:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return " ".join(t.strip() for t in strip_boilerplate(root, by_class=False).itertext() if t.strip())


@pytest.mark.parametrize(
    "html, prose",
    [
        (f'<ul><li>{NOTE} (<a href="/b">Bug 7</a>)</li>{LINKS}</ul>', True),
        (f"<ul>{LINKS}</ul>", False),
        ('<ul><li><a href="/a">A long headline of another story that runs past eighty characters</a></li></ul>', False),
        (f"<div><p>{NOTE}.</p></div>", True),
    ],
)
def test_has_prose_item(html: str, prose: bool) -> None:
    assert has_prose_item(lxml.html.fragment_fromstring(html)) is prose


@pytest.mark.parametrize(
    "html, text",
    [
        # a changelog item with a sentence keeps the list, links and all
        (f'<ul><li>{NOTE}.</li><li><a href="/x">Bug 3 - a fix</a></li>{LINKS}</ul>', NOTE),
        # a sub-list under an item's own words belongs to the item
        (f"<ul><li>{NOTE}.</li><li>In progress:<ul>{LINKS}</ul></li></ul>", f"{NOTE}. In progress: Bug 1"),
        # a menu: the sub-list hangs under a link and goes with it
        (f'<p>Text.</p><ul><li><a href="/p">Products</a><ul>{LINKS}</ul></li></ul>', "Text."),
        (f"<p>Text.</p><ul>{LINKS}</ul>", "Text."),
    ],
)
def test_link_lists(html: str, text: str) -> None:
    assert kept(html).startswith(text)
    if text == "Text.":
        assert kept(html) == "Text."


@pytest.mark.parametrize(
    "html, text",
    [
        # a linked value in a table cell is data: the app's name in a table of sizes
        (
            '<table><tr><th>App</th><th>Size</th></tr><tr><td><div><a href="/m">Google Maps</a></div></td>'
            "<td>32.7 MB</td></tr></table>",
            "App Size Google Maps 32.7 MB",
        ),
        # outside a table the same block is a link list
        ('<p>Text.</p><div><a href="/m">Google Maps</a></div>', "Text."),
    ],
)
def test_linked_table_cells_are_data(html: str, text: str) -> None:
    assert kept(html) == text
