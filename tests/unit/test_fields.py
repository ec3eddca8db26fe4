"""Each field's fallback chain on tiny inline pages: (head/body HTML, expected value, expected source)."""

from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest

from worker.pipeline.dates import normalise_date
from worker.pipeline.fields.names import clean_names
from worker.pipeline.fields.registry import read_field
from worker.pipeline.html.fields.language import bcp47
from worker.pipeline.html.fields.links import absolute_url
from worker.pipeline.html.fields.page import HtmlPage

URL = "https://news.example.com/world/story.html"


def ld(obj: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def run(name: str, html: str) -> tuple[Any, str | None]:
    root = lxml.html.document_fromstring(html)
    found = read_field(name, HtmlPage.read(root, URL), body=False)
    return (found.value, found.source) if found else (None, None)


@pytest.mark.parametrize(
    "html, value, source",
    [
        (
            ld({"@type": "NewsArticle", "headline": "From JSON-LD"}) + "<title>Tag | Site</title>",
            "From JSON-LD",
            "json-ld",
        ),
        (
            ld({"@graph": [{"@type": "WebSite", "name": "Site"}, {"@type": "Article", "headline": "In a graph"}]}),
            "In a graph",
            "json-ld",
        ),
        ('<meta property="og:title" content="From OG"><title>Tag</title>', "From OG", "opengraph"),
        ("<title>Storm floods the old town | The Gazette</title>", "Storm floods the old town", "html"),
        ("<title>Storm floods the old town - The Gazette</title>", "Storm floods the old town", "html"),
        (
            '<meta property="og:site_name" content="Gazette"><title>Gazette — Storm floods the old town</title>',
            "Storm floods the old town",
            "html",
        ),
        ("<title>Q&amp;A: why - and how - it matters</title>", "Q&A: why - and how - it matters", "html"),
        ("<body><h1>Only a heading</h1></body>", "Only a heading", "heuristic"),
        ("<body><h1>Two</h1><h1>Headings</h1></body>", None, None),
        ("<title>   </title>", None, None),
    ],
)
def test_title(html: str, value: str | None, source: str | None) -> None:
    assert run("title", html) == (value, source)


@pytest.mark.parametrize(
    "html, names, source",
    [
        (
            ld({"@type": "Article", "author": {"@type": "Person", "name": "Ada Lovelace", "url": "https://e.org/ada"}}),
            ["Ada Lovelace"],
            "json-ld",
        ),
        (ld({"@type": "Article", "author": [{"name": "A One"}, {"name": "B Two"}]}), ["A One", "B Two"], "json-ld"),
        (ld({"@type": "Article", "author": "By Jane Doe"}), ["Jane Doe"], "json-ld"),
        ('<meta name="author" content="By Jane Doe and John Roe">', ["Jane Doe", "John Roe"], "meta"),
        ('<meta property="article:author" content="https://facebook.com/x">', None, None),
        ('<body><span class="byline">By Max Mustermann</span></body>', ["Max Mustermann"], "html"),
        ('<body><a rel="author" href="/p/sam">Sam Smith</a></body>', ["Sam Smith"], "heuristic"),
    ],
)
def test_authors(html: str, names: list[str] | None, source: str | None) -> None:
    value, found_source = run("authors", html)
    assert ([a.name for a in value] if value else None, found_source) == (names, source)


def test_author_url_kept() -> None:
    value, _ = run("authors", ld({"@type": "Article", "author": {"name": "Ada", "url": "https://e.org/ada"}}))
    assert value[0].url == "https://e.org/ada"


@pytest.mark.parametrize(
    "text, names",
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("by JANE DOE, Staff Writer", ["JANE DOE"]),
        ("Jane Doe | March 3, 2021", ["Jane Doe"]),
        ("Von Max Muster und Erika Muster", ["Max Muster", "Erika Muster"]),
        ("@handle", []),
        ("https://example.org/people/jane", []),
    ],
)
def test_clean_names(text: str, names: list[str]) -> None:
    assert clean_names(text) == names


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2020-05-01", ("2020-05-01", "date")),
        ("2020-05-01T10:00:00Z", ("2020-05-01T10:00:00+00:00", "datetime")),
        ("2020-05-01T10:00:00+02:00", ("2020-05-01T10:00:00+02:00", "datetime")),
        ("2020-05-01T10:00:00", ("2020-05-01T10:00:00", "datetime")),
        ("2020-05-01 10:00", ("2020-05-01T10:00:00", "datetime")),
        ("20200501", ("2020-05-01", "date")),
        ("2020-02-30", None),
        ("1700-01-01", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_normalise_date(value: str, expected: tuple[str, str] | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "html, value, source",
    [
        (
            ld({"@type": "NewsArticle", "datePublished": "2021-03-04T05:06:07-05:00"}),
            ("2021-03-04T05:06:07-05:00", "datetime"),
            "json-ld",
        ),
        ('<meta property="article:published_time" content="2021-03-04">', ("2021-03-04", "date"), "meta"),
        (
            '<meta name="pubdate" content="not a date"><meta name="date" content="2021-03-05">',
            ("2021-03-05", "date"),
            "meta",
        ),
        (
            '<body><time datetime="2021-03-06T10:00Z">March 6</time></body>',
            ("2021-03-06T10:00:00+00:00", "datetime"),
            "html",
        ),
        ("<body><p>No dates here</p></body>", None, None),
    ],
)
def test_published(html: str, value: tuple[str, str] | None, source: str | None) -> None:
    assert run("date_published", html) == (value, source)


@pytest.mark.parametrize(
    "html, value, source",
    [
        (ld({"@type": "Article", "dateModified": "2021-03-04"}), ("2021-03-04", "date"), "json-ld"),
        (
            '<meta property="article:modified_time" content="2021-03-04T01:02:03+01:00">',
            ("2021-03-04T01:02:03+01:00", "datetime"),
            "meta",
        ),
        ('<meta property="article:published_time" content="2021-03-04">', None, None),
    ],
)
def test_modified(html: str, value: tuple[str, str] | None, source: str | None) -> None:
    assert run("date_modified", html) == (value, source)


@pytest.mark.parametrize(
    "html, value, source",
    [
        ('<html lang="en-us"><head></head></html>', "en-US", "html"),
        ('<html lang="pt_BR"><head></head></html>', "pt-BR", "html"),
        ('<html><head><meta http-equiv="content-language" content="de"></head></html>', "de", "meta"),
        ("<html><head>" + ld({"@type": "Article", "inLanguage": "fr-FR"}) + "</head></html>", "fr-FR", "json-ld"),
        ('<html><head><meta property="og:locale" content="es_ES"></head></html>', "es-ES", "opengraph"),
        ('<html lang=""><head></head></html>', None, None),
    ],
)
def test_language(html: str, value: str | None, source: str | None) -> None:
    assert run("language", html) == (value, source)


@pytest.mark.parametrize(
    "tag, expected", [("zh-hant-tw", "zh-Hant-TW"), ("EN", "en"), ("x", None), ("es-419", "es-419")]
)
def test_bcp47(tag: str, expected: str | None) -> None:
    assert bcp47(tag) == expected


@pytest.mark.parametrize(
    "html, value, source",
    [
        (
            ld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Daily Planet"}}),
            "Daily Planet",
            "json-ld",
        ),
        ('<meta property="og:site_name" content="The Gazette">', "The Gazette", "meta"),
        ("<title>x</title>", None, None),
    ],
)
def test_publisher(html: str, value: str | None, source: str | None) -> None:
    assert run("publisher", html) == (value, source)


@pytest.mark.parametrize(
    "html, value, source",
    [
        ('<meta name="description" content=" A  summary. ">', "A summary.", "meta"),
        ('<meta property="og:description" content="OG summary">', "OG summary", "opengraph"),
        (ld({"@type": "Article", "description": "LD summary"}), "LD summary", "json-ld"),
    ],
)
def test_description(html: str, value: str | None, source: str | None) -> None:
    assert run("description", html) == (value, source)


@pytest.mark.parametrize(
    "html, value, source",
    [
        (
            '<link rel="canonical" href="/world/story.html?id=1#top">',
            "https://news.example.com/world/story.html?id=1",
            "html",
        ),
        (
            '<meta property="og:url" content="HTTPS://News.Example.com:443/a">',
            "https://news.example.com/a",
            "opengraph",
        ),
        ('<link rel="canonical" href="javascript:void(0)">', None, None),
    ],
)
def test_canonical(html: str, value: str | None, source: str | None) -> None:
    assert run("canonical_url", html) == (value, source)


def test_lead_image_and_keywords() -> None:
    html = (
        '<meta property="og:image" content="/i/lead.jpg"><meta property="og:image:width" content="1200">'
        '<meta name="keywords" content="storm, Floods ,storm">'
    )
    image, _ = run("lead_image", html)
    assert image and image.url == "https://news.example.com/i/lead.jpg" and image.width == 1200
    keywords, _ = run("keywords", html)
    assert keywords == ["storm", "Floods"]


@pytest.mark.parametrize(
    "href, expected",
    [
        ("../a.html?x=1#frag", "https://news.example.com/a.html?x=1"),
        ("//cdn.example.com/x.jpg", "https://cdn.example.com/x.jpg"),
        ("mailto:x@example.com", None),
        ("http://[broken", None),
    ],
)
def test_absolute_url(href: str, expected: str | None) -> None:
    assert absolute_url(URL, href) == expected
