"""Author names from bylines: prefixes, dates, roles, handles; and which byline element is read."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.fields.names import clean_names
from worker.pipeline.fields.registry import read_field
from worker.pipeline.html.fields.page import HtmlPage

URL = "https://news.example.com/world/story.html"


@pytest.mark.parametrize(
    "text, names",
    [
        ("by Lucas Nolan22 Dec 2016651", ["Lucas Nolan"]),  # a date glued to the name
        ("By Nathan Willis March 25, 2015", ["Nathan Willis"]),
        ("By GILLIAN MOHNEY March 11, 2015 3:46 PM", ["GILLIAN MOHNEY"]),
        ("James Akinaka • 8h", ["James Akinaka"]),
        ("By Daniel Gillmor, Senior Staff Technologist, ACLU Speech, Privacy", ["Daniel Gillmor"]),
        ("By Brenda Goodman, MA", ["Brenda Goodman"]),
        ("Written by Rob Ewaschuk", ["Rob Ewaschuk"]),
        ("Stella Kim and Jennifer Jett", ["Stella Kim", "Jennifer Jett"]),
        ("Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
        ("Mac & i", ["Mac & i"]),  # one name with an ampersand, not two people
        ("CC7567", []),  # a user handle
        ("J", []),
        ("史蒂文的家_藍天 (stevenhgm)", ["史蒂文的家_藍天 (stevenhgm)"]),
        # a month or a weekday is never a person; an unfilled template key is none either
        ("Ziyi Xu, Dec", ["Ziyi Xu"]),
        ("Mar", []),
        ("Friday", []),
        ("page.head.extra.author", []),
        ("sara.r.peter", ["sara.r.peter"]),  # a handle (one-letter part): kept, the site rules weigh it
    ],
)
def test_clean_names(text: str, names: list[str]) -> None:
    assert clean_names(text) == names


def test_a_declared_template_key_is_no_author() -> None:
    """A meta author left as the CMS's template key: declared values are kept whole, this one is not."""
    assert clean_names("page.head.extra.author", declared=True) == []
    assert clean_names("BBC News", declared=True) == ["BBC News"]


def authors_of(html: str) -> tuple[list[str] | None, str | None]:
    root = lxml.html.document_fromstring(html)
    found = read_field("authors", HtmlPage.read(root, URL), body=False)
    return ([a.name for a in found.value], found.source) if found else (None, None)


@pytest.mark.parametrize(
    "html, names, source",
    [
        # Dublin Core creator is a declared author and wins over meta author
        ('<meta name="author" content="Web Team"><meta property="dc:creator" content="Ann Lee">', ["Ann Lee"], "meta"),
        ('<meta name="parsely-author" content="Jane Doe">', ["Jane Doe"], "meta"),
        # a declared organisation is the author, even though "News" is a role word in bylines
        ('<meta property="og:article:author" content="BBC News">', ["BBC News"], "meta"),
        ('<body><span class="byline">Staff Writer</span></body>', None, None),
        # explicit author microdata counts even inside an <aside>
        (
            '<body><aside><span itemprop="author">Nicolas Perriault —</span></aside></body>',
            ["Nicolas Perriault"],
            "heuristic",
        ),
        ('<meta property="og:article:author" content="Ann Lee">', ["Ann Lee"], "meta"),
        # JSON-LD inside a CDATA section
        (
            '<script type="application/ld+json"><![CDATA[{"@type":"Article","author":{"name":"Ann Lee"}}]]></script>',
            ["Ann Lee"],
            "json-ld",
        ),
        # the name link inside a byline container, not the section link or the date next to it
        (
            '<body><div class="authorInfo"><a href="/tech">Tech Industry</a> by '
            '<a rel="author" class="author" href="/p/sm">Steven Musil</a> January 18, 2017</div></body>',
            ["Steven Musil"],
            "html",  # the 'by' then the name, read by the headline rule before the markup scan
        ),
        # several name elements in one byline: all of them
        (
            '<body><div class="article-byline">By <span class="byline-name">Stella Kim</span> and '
            '<span class="byline-name">Jennifer Jett</span></div></body>',
            ["Stella Kim", "Jennifer Jett"],
            "html",
        ),
        # an "authorization" menu is not a byline; bylines inside <aside>/<nav> are not this article's
        (
            '<body><div id="authorization">Sign In | Sign Up</div><aside><span class="byline">Other Writer</span>'
            '</aside><div class="byline"><span class="name">Ann Lee</span></div></body>',
            ["Ann Lee"],
            "heuristic",
        ),
        ("<body><p>No byline here.</p></body>", None, None),
    ],
)
def test_author_sources(html: str, names: list[str] | None, source: str | None) -> None:
    assert authors_of(html) == (names, source)


def ld_graph(*nodes: dict[str, object]) -> str:
    import json

    return f'<script type="application/ld+json">{json.dumps({"@graph": list(nodes)})}</script>'


@pytest.mark.parametrize(
    "html, names, source",
    [
        # Yoast: the article's author is an @id reference to a Person node of the graph
        (
            ld_graph(
                {"@type": "Article", "author": {"@id": "https://e.org/#/person/1"}},
                {"@type": "Person", "@id": "https://e.org/#/person/1", "name": "Nirmita Panchal"},
            ),
            ["Nirmita Panchal"],
            "json-ld",
        ),
        # the Twitter card's "Written by"
        (
            '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Chase Bernath">',
            ["Chase Bernath"],
            "meta",
        ),
        # labels and glued text in 10+ languages
        ('<meta name="author" content="Author: Ashley Biancuzzo">', ["Ashley Biancuzzo"], "meta"),
        ('<meta name="author" content="Autor: Jan Kowalski">', ["Jan Kowalski"], "meta"),
        ('<meta name="author" content="BySummer Swann">', ["Summer Swann"], "meta"),
        ('<meta name="author" content="[&#39;Sergio Martínez&#39;]">', ["Sergio Martínez"], "meta"),
        ('<meta name="author" content="Maria &amp;amp; Katerina Ioannou">', ["Maria & Katerina Ioannou"], "meta"),
        # a CMS placeholder is never an author; the visible byline is read instead
        (
            '<meta name="author" content="admin"><body><h1>Story</h1><p>By Jane Doe</p></body>',
            ["Jane Doe"],
            "html",
        ),
        # a label node, then the name: "By" / "Written by" / "Von" next to the headline
        (
            "<body><h1>Story</h1><div><span>Written by</span><span>Edzel Tabing</span></div></body>",
            ["Edzel Tabing"],
            "html",
        ),
        ("<body><h1>Geschichte</h1><p>Von Max Muster, 19. Juli 2014</p></body>", ["Max Muster"], "html"),
        # a profile link of the same site, not a social-network profile
        (
            '<body><h1>Story</h1><a href="https://bsky.app/profile/x">Blue Sky</a>'
            '<a href="/authors/emily-walker/">Emily Walker</a></body>',
            ["Emily Walker"],
            "html",
        ),
        # a byline inside a list of related stories belongs to another article
        ('<body><div class="related-posts"><span class="byline">By Other Writer</span></div></body>', None, None),
    ],
)
def test_author_sources_and_cleaning(html: str, names: list[str] | None, source: str | None) -> None:
    assert authors_of(html) == (names, source)


def test_the_site_as_author_gives_way_to_a_person() -> None:
    page = '<meta property="og:site_name" content="USA TODAY"><meta name="author" content="USA TODAY">'
    assert authors_of(page + "<body><h1>Story</h1><p>By Brian Truitt</p></body>") == (["Brian Truitt"], "html")
    assert authors_of(page) == (["USA TODAY"], "meta")  # no person anywhere: the page's own statement stays
    company = ld_graph({"@type": "Article", "author": {"@type": "Organization", "name": "Claight Corporation"}})
    assert authors_of(company) == (None, None)


@pytest.mark.parametrize(
    "after, names",
    [
        # a role read as a second name by the greedy name pattern is given back
        (
            "<p>03/01/2017</p><p>by Agatha Caleo, Candidate Representative to the Liaison Committee</p>",
            ["Agatha Caleo"],
        ),
        # the label alone in its node, the name in the next
        ("<p>Contributors:</p><p>Janet Loughrey</p>", ["Janet Loughrey"]),
        (
            "<p>This post was written by <a href='/x'>Vanessa Mendez, MD</a>, a gastroenterologist.</p>",
            ["Vanessa Mendez"],
        ),
        # no name after 'by': nothing
        ("<p>by the river, the town floods again</p>", None),
    ],
)
def test_byline_next_to_the_headline(after: str, names: list[str] | None) -> None:
    found, source = authors_of(f"<html><body><h1>Story of the day</h1>{after}<p>Body text.</p></body></html>")
    assert found == names
    assert source == ("html" if names else None)
