"""Published and modified dates: structured metadata first (JSON-LD, meta, <time>), then the date
printed next to the headline, then htmldate's markup search on our own tree (in that order: the
printed date is right more often on wcxb-dev, 0.817 against 0.803 the other way round, and costs
a tenth of htmldate's copy and scan of the tree). One exception goes first: a structured
publication stamped on the day of the last change, under an earlier printed day (`_restamped`).

A structured date-time stated in UTC whose calendar day is one off the day in the page's URL is
read as that day: the server wrote the instant in UTC, the site files the story under its own day.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from htmldate import find_date
from lxml.html import HtmlElement

from ...dates import IsoDate, in_utc, next_to, normalise_date, url_day
from ...fields.chain import Source, first
from ...text.dates import dated, find_original_dates
from ...text.dates import find_dates as find_text_dates
from ..facts import PageFacts
from .jsonld import article_text
from .page import HtmlPage

logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "publication_date",
    "published",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dc.date",
    "dcterms.date",
    "date",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
#: how much visible text around the headline is searched for a printed date (text nodes)
BEFORE_HEADLINE, AFTER_HEADLINE = 8, 60
HEADLINE_WINDOW_CHARS = 1500
BEFORE_HEADLINE_CHARS = 300
MAX_NODES_BEFORE = 40
MAX_WRITTEN_DATE = 40
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "title"})


def _page_day(found: IsoDate | None, page: HtmlPage) -> IsoDate | None:
    if found and in_utc(found[0]):
        day = url_day(page.url)
        if day and next_to(day, found[0]):
            return day, "date"
    return found


def _from_meta(facts: PageFacts, keys: tuple[str, ...]) -> IsoDate | None:
    for key in keys:
        for value in facts.meta.get(key, ()):
            found = normalise_date(value) or _written(value)
            if found:
                return found
    return None


def _written(value: str) -> IsoDate | None:
    """A date written for people in a meta field ('July 17, 2025'): short, and one date only."""
    if len(value) > MAX_WRITTEN_DATE:
        return None
    found = find_text_dates(value, limit=2)
    return found[0] if len(found) == 1 else None


def _jsonld_published(page: HtmlPage) -> IsoDate | None:
    return _page_day(normalise_date(article_text(page.facts, "datePublished", "dateCreated")), page)


def _meta_published(page: HtmlPage) -> IsoDate | None:
    return _page_day(_from_meta(page.facts, _PUBLISHED_META), page)


def _time_element(page: HtmlPage) -> IsoDate | None:
    """A <time datetime>, the one the markup names as the publication (itemprop="datePublished",
    pubdate) first. Tried after the headline's printed date on wcxb-dev: 2 pages fewer right, and
    the printed day loses the time and offset the attribute states."""
    path = ".//time[@datetime][@itemprop='datePublished' or @pubdate]|.//time[@datetime]"
    for element in page.root.xpath(path)[:3]:
        found = normalise_date(element.get("datetime"))
        if found:
            return _page_day(found, page)
    return None


def _restamped(page: HtmlPage) -> IsoDate | None:
    """The date printed next to the headline, when the page's structured publication date is
    just its last save: stated published and modified on the same day, and the page prints an
    earlier, unlabelled day and not the stated one (a CMS that stamps both on every save).
    wcxb-dev: 4 pages right that were wrong, 1 wrong that was right (a UTC stamp just after
    midnight whose local day is the printed one, where the truth took the UTC day)."""
    stated = _jsonld_published(page) or _meta_published(page)
    modified = _modified_day(page)
    if not stated or stated[0][:10] != modified:
        return None
    before, after = around_headline(page)
    printed = [(value, precision) for value, precision, updated in dated(after) if not updated]
    printed += [(value, precision) for value, precision, updated in reversed(dated(before)) if not updated]
    days = {value[:10] for value, _ in printed}
    if printed and printed[0][0][:10] < stated[0][:10] and stated[0][:10] not in days:
        return printed[0]
    return None


def _htmldate(page: HtmlPage) -> IsoDate | None:
    """htmldate's markup search (its header, JSON, abbr, date-classed elements, URL) on our tree.

    extensive_search=False: its free-text search costs about 20 ms a page where it runs (and a
    first dateparser call of seconds per process), and on the wcxb-dev article pages it reached it
    was right 21 times out of 101 (62 wrong answers were a month or a year read as day 1); the
    headline step below reads printed dates instead. original_date=True: this is the publication
    date, not the last change. url: the page's own (it would otherwise guess it from <link>).
    outputformat: a day, the precision htmldate can vouch for (it fills midnight for a bare date)."""
    try:
        day = find_date(page.root, extensive_search=False, original_date=True, url=page.url, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):  # htmldate's own parsing errors on odd input
        return None
    if not day or day == _modified_day(page):
        return None  # the page's stated last change is not when it was published (date_modified keeps it)
    return normalise_date(day)


def _modified_day(page: HtmlPage) -> str | None:
    found = first(MODIFIED, page)
    return found.value[0][:10] if found else None


def around_headline(page: HtmlPage) -> tuple[str, str]:
    """The visible text just before and just after the first <h1> (the start of the body when
    there is none): where a page prints its date and its byline."""
    before, after = headline_parts(page)
    return " ".join(before)[-BEFORE_HEADLINE_CHARS:], " ".join(after)[:HEADLINE_WINDOW_CHARS]


def headline_parts(page: HtmlPage) -> tuple[list[str], list[str]]:
    """The text nodes (whitespace squashed, empty ones left out) just before and just after the
    first <h1>, in document order; computed once per page."""
    if "headline_parts" not in page.cache:
        h1 = page.facts.h1s[0] if page.facts.h1s else None
        if h1 is None:
            body = page.root.find("body")
            found: tuple[list[str], list[str]] = (
                [],
                _text_after(body, HEADLINE_WINDOW_CHARS, inside=True) if body is not None else [],
            )
        else:
            found = (_text_before(h1, BEFORE_HEADLINE_CHARS), _text_after(h1, HEADLINE_WINDOW_CHARS))
        page.cache["headline_parts"] = tuple([t for text in texts if (t := " ".join(text.split()))] for texts in found)
    kept: tuple[list[str], list[str]] = page.cache["headline_parts"]
    return kept


def _text_after(element: HtmlElement, limit: int, *, inside: bool = False) -> list[str]:
    """Text nodes that follow `element` in document order (its own contents too when `inside`),
    about `limit` characters: its following siblings, then those of each ancestor."""
    parts: list[str] = []
    size = 0
    if inside:
        for text in _visible(element):
            parts.append(text)
            size += len(text)
            if size >= limit:
                return parts
    node: HtmlElement | None = element
    while node is not None and size < limit:
        if node.tail:
            parts.append(node.tail)
            size += len(node.tail)
        for sibling in node.itersiblings():
            for text in _visible(sibling, tail=True):
                if text.isspace():
                    continue
                parts.append(text)
                size += len(text)
                if size >= limit:
                    return parts
        node = node.getparent()
        if node is not None and node.tag == "body":
            break
    return parts


def _text_before(element: HtmlElement, limit: int) -> list[str]:
    """Text nodes that precede `element`, about `limit` characters, in document order."""
    nearest_first: list[str] = []
    size = 0
    node: HtmlElement | None = element
    while node is not None and size < limit:
        for sibling in node.itersiblings(preceding=True):
            texts = [t for t in _visible(sibling, tail=True) if not t.isspace()] if size < limit else []
            nearest_first += reversed(texts[-MAX_NODES_BEFORE:])
            size += sum(len(t) for t in texts[-MAX_NODES_BEFORE:])
            if size >= limit:
                break
        parent = node.getparent()
        if parent is not None and parent.text and isinstance(parent.tag, str) and parent.tag not in _NOT_TEXT:
            nearest_first.append(parent.text)
            size += len(parent.text)
        node = parent
        if node is not None and node.tag == "body":
            break
    return nearest_first[::-1]


def _visible(element: HtmlElement, *, tail: bool = False) -> Iterable[str]:
    """The text nodes inside `element` in document order (and its tail), without the contents of
    script and style elements (leaves: their text is all they hold)."""
    for node in element.iter():
        if node.text and isinstance(node.tag, str) and node.tag not in _NOT_TEXT:
            yield node.text
        if node is not element and node.tail:
            yield node.tail
    if tail and element.tail:
        yield element.tail


def _printed(page: HtmlPage) -> IsoDate | None:
    """A date printed next to the headline ("19. Juli 2014", "Friday, December 23, 2016", ...):
    the first one after it, else the last one before it; a date labelled as an update is passed
    over when the page prints another ("Updated: Jan 2, 2026" beside "Dec 22, 2022")."""
    before, after = around_headline(page)
    found = find_original_dates(after)
    if found:
        return found[0]
    found = find_original_dates(before)
    return found[-1] if found else None


PUBLISHED: list[Source[HtmlPage, IsoDate]] = [
    Source("text", _restamped),
    Source("json-ld", _jsonld_published),
    Source("meta", _meta_published),
    Source("html", _time_element),
    Source("text", _printed),
    Source("htmldate", _htmldate),
]
MODIFIED: list[Source[HtmlPage, IsoDate]] = [
    Source("json-ld", lambda page: normalise_date(article_text(page.facts, "dateModified"))),
    Source("meta", lambda page: _from_meta(page.facts, _MODIFIED_META)),
]
