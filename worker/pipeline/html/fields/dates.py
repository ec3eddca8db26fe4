"""Published and modified dates: JSON-LD, OpenGraph/article meta, then <time> elements."""

from __future__ import annotations

from ...dates import IsoDate, normalise_date
from ...fields.chain import Source
from ..facts import PageFacts
from .jsonld import article_text
from .page import HtmlPage

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


def _published_time_element(page: HtmlPage) -> IsoDate | None:
    for element in page.root.xpath(".//time[@datetime][@itemprop='datePublished' or @pubdate]|.//time[@datetime]")[:3]:
        found = normalise_date(element.get("datetime"))
        if found:
            return found
    return None


PUBLISHED: list[Source[HtmlPage, IsoDate]] = [
    Source("json-ld", lambda page: normalise_date(article_text(page.facts, "datePublished", "dateCreated"))),
    Source("meta", lambda page: _from_meta(page.facts, _PUBLISHED_META)),
    Source("html", _published_time_element),
]
MODIFIED: list[Source[HtmlPage, IsoDate]] = [
    Source("json-ld", lambda page: normalise_date(article_text(page.facts, "dateModified"))),
    Source("meta", lambda page: _from_meta(page.facts, _MODIFIED_META)),
]
