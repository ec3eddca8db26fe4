"""Title by agreement, site-suffix removal and Dublin Core keys, on tiny inline pages."""

from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest

from worker.pipeline.fields.registry import read_field
from worker.pipeline.html.facts import gather
from worker.pipeline.html.fields.page import HtmlPage

URL = "https://news.example.com/world/story.html"


def ld(obj: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def og(key: str, value: str) -> str:
    return f'<meta property="{key}" content="{value}">'


def title_of(html: str) -> tuple[str | None, str | None]:
    root = lxml.html.document_fromstring(html)
    found = read_field("title", HtmlPage.read(root, URL), body=False)
    return (found.value, found.source) if found else (None, None)


@pytest.mark.parametrize(
    "html, value, source",
    [
        # a JSON-LD headline that three other sources contradict is a description, not the title
        (
            ld({"@type": "Article", "headline": "Encyclopedia list", "name": "Films with loops"})
            + "<title>Films with loops - Wiki</title><body><h1>Films with loops</h1></body>",
            "Films with loops",
            "json-ld",
        ),
        # ... but one contradicting source is not enough: the declared title stays
        (
            og("og:title", "Declared headline") + og("twitter:title", "Other words") + "<body><h1>Other words</h1>",
            "Declared headline",
            "opengraph",
        ),
        # a known site name is dropped from meta titles too, wherever it sits
        (
            og("og:site_name", "Gazette - the daily paper") + og("og:title", "Storm hits town | Gazette"),
            "Storm hits town",
            "opengraph",
        ),
        # without a known site name a meta title keeps its dashes
        (og("og:title", "How we built it - an async framework"), "How we built it - an async framework", "opengraph"),
        # the <h1> shows where an unknown site suffix of a short <title> starts
        ("<title>New Zealand - Wikipedia</title><body><h1>New Zealand</h1></body>", "New Zealand", "heuristic"),
        # the site suffix is cut at its separator even when its words occur earlier in the title
        (
            "<title>Get your JavaScript Code Covered | Code | Nic</title>",
            "Get your JavaScript Code Covered | Code",
            "html",
        ),
        # Dublin Core as RDFa (dc:title) is a declared title and comes first among meta titles
        (
            '<meta property="x:title dc:title" content="Preferred"><meta property="og:title" content="Other">',
            "Preferred",
            "meta",
        ),
        # two <h1>s, neither repeated anywhere: no title rather than a guess
        ("<body><h1>Site</h1><h1>Section</h1></body>", None, None),
        # two <h1>s, one repeated by the <title>: that one
        (
            "<title>Real headline here</title><body><h1>Logo</h1><h1>Real headline here</h1></body>",
            "Real headline here",
            "html",
        ),
    ],
)
def test_title_rules(html: str, value: str | None, source: str | None) -> None:
    assert title_of(html) == (value, source)


def test_property_meta_wins_over_name_meta() -> None:
    html = '<meta name="DC.title" content="By name"><meta property="dc:title" content="By property">'
    root = lxml.html.document_fromstring(html)
    assert gather(root, URL).meta["dc.title"] == ["By property", "By name"]
