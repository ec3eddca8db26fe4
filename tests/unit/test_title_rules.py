"""Title by agreement, site-suffix removal and Dublin Core keys, on tiny inline pages."""

from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest

from worker.pipeline.fields.registry import read_field
from worker.pipeline.html.facts import gather
from worker.pipeline.html.fields.page import HtmlPage

URL = "https://www.newsfeeder.com/world/story.html"


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


@pytest.mark.parametrize(
    "html, value",
    [
        # entities escaped twice, Markdown marks
        (og("og:title", "What&amp;#8217;s the Best Editor?"), "What’s the Best Editor?"),
        (og("og:title", "## Regolith binding agents"), "Regolith binding agents"),
        # the site's name before or after any separator, its domain included
        (og("og:title", "Newsfeeder | State of SEO in 2026"), "State of SEO in 2026"),
        (
            og("og:site_name", "Gardenary") + og("og:title", "Planting vs. Ordinary Planting • Gardenary"),
            "Planting vs. Ordinary Planting",
        ),
        # a topic prefix naming a section
        (og("og:title", "Blog: Hardware-Attested Builds"), "Hardware-Attested Builds"),
        # ... but not one that merely starts with the letters of a host label ('newsfeeder')
        (og("og:title", "Newsfeeders Guild: Effective Practices"), "Newsfeeders Guild: Effective Practices"),
        (og("og:title", "Newsfeeder Blog: Effective Practices"), "Effective Practices"),
        # a headline in the site-name field is no site name; a slogan after the name is cut with it
        (
            og("og:site_name", "How to Design a Website: a Complete Guide for 2026 | Clay")
            + og("og:title", "How to Design a Website: a Complete Guide for 2026 | Clay"),
            "How to Design a Website: a Complete Guide for 2026",
        ),
        (
            og("og:site_name", "Urge Fitness | Affordable Gyms Near You in PA and NJ")
            + og("og:title", "Guide to Gym Equipment - Urge Fitness | Affordable Gyms Near You in PA and NJ"),
            "Guide to Gym Equipment",
        ),
        # the page's host name before the headline, with no separator
        ("<title>newsfeeder.com Vibe Coding</title>", "Vibe Coding"),
        # a credit in parentheses that the visible headline leaves out
        (
            og("og:title", "Skiplagging in the relocation process (via Passle)")
            + "<body><h1>Skiplagging in the relocation process</h1></body>",
            "Skiplagging in the relocation process",
        ),
        # never "Home": the <title> tag is read
        (og("og:title", "Home") + "<title>The real headline here</title>", "The real headline here"),
        # the one <h1> that extends the declared title, or restyles it
        (
            og("og:title", "House Renovation Costs in the Bay Area")
            + "<body><h1>House Renovation Costs in the Bay Area: Room-by-Room Breakdown</h1></body>",
            "House Renovation Costs in the Bay Area: Room-by-Room Breakdown",
        ),
        (
            og("og:title", "Review And Approval Process") + "<body><h1>Review and Approval Process</h1></body>",
            "Review and Approval Process",
        ),
        # the visible headline wins where it rewords the declared title ...
        (
            og("og:title", "Top 10 IT Security Best Practices for 2025: Protect Your Business")
            + "<body><h1>IT &amp; Cybersecurity Best Practices to Protect Your Business</h1></body>",
            "IT & Cybersecurity Best Practices to Protect Your Business",
        ),
        # ... but an <h1> sharing no word with it (a blog's name, a section), in capitals, or with a
        # byline caught in it: the declared title stays
        (
            og("og:title", "Open Verilog flow for GreenPak4 devices") + "<body><h1>Silicon Exposed</h1></body>",
            "Open Verilog flow for GreenPak4 devices",
        ),
        # one shared word in eleven: the <h1> is the section's name, not a rewording
        (
            og("og:title", "Minecraft Bountiful Update arrives for all players on every platform today")
            + "<body><h1>Minecraft News</h1></body>",
            "Minecraft Bountiful Update arrives for all players on every platform today",
        ),
        (
            og("og:title", "Tips for Online Success") + "<body><h1>TIPS FOR ONLINE SUCCESS</h1></body>",
            "Tips for Online Success",
        ),
        (
            og("og:title", "Top Strategies for Security")
            + "<body><h1>Top Strategies for Security Posted on July 1, 2024 by infuy</h1></body>",
            "Top Strategies for Security",
        ),
    ],
)
def test_title_cleaning_and_the_visible_headline(html: str, value: str) -> None:
    assert title_of(html.replace("https://news.example.com", ""))[0] == value
