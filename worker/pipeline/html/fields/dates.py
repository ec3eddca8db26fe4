"""Published and modified dates: JSON-LD, OpenGraph/article meta, then <time> elements."""

from __future__ import annotations

from lxml.html import HtmlElement

from ...dates import Precision, normalise_date
from ..facts import PageFacts
from .chain import Found, Step, first
from .jsonld import article_text

IsoDate = tuple[str, Precision]

_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")


def _from_meta(facts: PageFacts, keys: tuple[str, ...]) -> IsoDate | None:
    for key in keys:
        for value in facts.meta.get(key, ()):
            found = normalise_date(value)
            if found:
                return found
    return None


def _published_time_element(facts: PageFacts, root: HtmlElement) -> IsoDate | None:
    for element in root.xpath(".//time[@datetime][@itemprop='datePublished' or @pubdate]|.//time[@datetime]")[:3]:
        found = normalise_date(element.get("datetime"))
        if found:
            return found
    return None


PUBLISHED: list[Step[IsoDate]] = [
    ("json-ld", lambda facts, root: normalise_date(article_text(facts, "datePublished", "dateCreated"))),
    ("meta", lambda facts, root: _from_meta(facts, _PUBLISHED_META)),
    ("html", _published_time_element),
]
MODIFIED: list[Step[IsoDate]] = [
    ("json-ld", lambda facts, root: normalise_date(article_text(facts, "dateModified"))),
    ("meta", lambda facts, root: _from_meta(facts, _MODIFIED_META)),
]


def read_published(facts: PageFacts, root: HtmlElement) -> Found[IsoDate] | None:
    return first(PUBLISHED, facts, root)


def read_modified(facts: PageFacts, root: HtmlElement) -> Found[IsoDate] | None:
    return first(MODIFIED, facts, root)
