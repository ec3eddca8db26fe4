"""Publication dates beyond structured metadata: htmldate on our tree, the date printed next to the
headline, the page's own day for a UTC timestamp, loose offsets."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.dates import normalise_date, url_day
from worker.pipeline.fields.registry import read_field
from worker.pipeline.html.fields.page import HtmlPage

URL = "https://news.example.com/world/story.html"


def published(html: str, url: str = URL) -> tuple[object, str | None]:
    root = lxml.html.document_fromstring(f"<html><head></head><body>{html}</body></html>")
    found = read_field("date_published", HtmlPage.read(root, url), body=False)
    return (found.value, found.source) if found else (None, None)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-05T10:00:00-500", ("2024-03-05T10:00:00-05:00", "datetime")),
        ("2024-03-05T10:00:00+0100", ("2024-03-05T10:00:00+01:00", "datetime")),
        ("2024-03-05 10:00:00 +01", ("2024-03-05T10:00:00+01:00", "datetime")),
        ("Tue, 05 Mar 2024 10:20:00 GMT", ("2024-03-05T10:20:00+00:00", "datetime")),
        ("2024-03-05T10:00:00Z", ("2024-03-05T10:00:00+00:00", "datetime")),
        ("1890-01-01", None),
        ("yesterday", None),
    ],
)
def test_normalise_date_reads_loose_offsets_and_rfc2822(value: str, expected: object) -> None:
    assert normalise_date(value) == expected


def test_url_day() -> None:
    assert url_day("https://e.org/2025/12/18/story/") == "2025-12-18"
    assert url_day("https://e.org/2025-2-30-story") is None
    assert url_day("https://e.org/story-2025") is None


@pytest.mark.parametrize(
    "html, value, source",
    [
        # only printed, in several languages: the date next to the headline
        ("<h1>Genetik im Alltag</h1><p>Von Max Muster, 19. Juli 2014</p><p>Text.</p>", ("2014-07-19", "date"), "text"),
        ("<p>Friday, December 23, 2016</p><h1>Headline here</h1><p>Text.</p>", ("2016-12-23", "date"), "text"),
        ("<h1>Titre</h1><p>Publié le 3 mars 2021 à 10h15</p>", ("2021-03-03T10:15:00", "datetime"), "text"),
        ("<h1>Titel</h1><p>Stand: 05.03.2024</p>", ("2024-03-05", "date"), "text"),
        # hAtom: htmldate reads abbr.published
        (
            '<h1>x</h1><abbr class="published" title="2014-07-19T10:00:00">July 19</abbr>',
            ("2014-07-19", "date"),
            "htmldate",
        ),
        # a date after the headline wins over one in the navigation before it
        ("<nav>Archive 1 May 2001</nav><h1>Story</h1><p>May 3, 2020</p>", ("2020-05-03", "date"), "text"),
        ("<h1>No date at all</h1><p>Copyright 2024</p>", None, None),
        # a meta date written for people, not in ISO form
        ('<meta name="published" content="July 17, 2025"><h1>Story</h1>', ("2025-07-17", "date"), "meta"),
        # ... but not one holding two dates (the meta step passes; htmldate's own reading answers)
        (
            '<meta name="date" content="July 17, 2025 or August 1, 2025"><h1>Story</h1>',
            ("2025-07-17", "date"),
            "htmldate",
        ),
    ],
)
def test_printed_and_markup_dates(html: str, value: object, source: str | None) -> None:
    assert published(html) == (value, source)


def test_utc_timestamp_is_read_as_the_day_the_url_files_it_under() -> None:
    html = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00"><h1>x</h1>'
    assert published(html, "https://e.org/2025/12/18/story/") == (("2025-12-18", "date"), "meta")
    # the same day, or a real offset: the instant stays as stated
    assert published(html, "https://e.org/2025/12/19/story/")[0] == ("2025-12-19T02:41:41+00:00", "datetime")
    local = '<meta property="article:published_time" content="2025-12-19T02:41:41-05:00">'
    assert published(local, "https://e.org/2025/12/18/story/")[0] == ("2025-12-19T02:41:41-05:00", "datetime")


@pytest.mark.parametrize(
    "html, value",
    [
        # the update is passed over when the page prints its first publication too
        (
            "<h1>Story</h1><p>Updated November 11, 2022 8:23 PM ET Originally published November 9, 2022</p>",
            ("2022-11-09", "date"),
        ),
        ("<p>December 22, 2022 Updated: January 02, 2026</p><h1>Story</h1><p>Text.</p>", ("2022-12-22", "date")),
        ("<h1>Titel</h1><p>Aktualisiert am 05.03.2024, erschienen am 01.03.2024</p>", ("2024-03-01", "date")),
        ("<h1>Story</h1><p>Last updated on Friday, May 3, 2024. Posted April 2, 2024</p>", ("2024-04-02", "date")),
        # a page that prints only its update still gives that day (the last time it was written)
        ("<h1>Story</h1><p>Last updated: Sep 4, 2025</p><p>Text.</p>", ("2025-09-04", "date")),
        # a word that merely ends like a label is no label
        ("<h1>Story</h1><p>Outdated May 3, 2020, then June 1, 2020</p>", ("2020-05-03", "date")),
    ],
)
def test_printed_update_dates_give_way_to_the_first_publication(html: str, value: object) -> None:
    assert published(html) == (value, "text")


def test_the_stated_last_change_is_not_taken_as_the_publication_date() -> None:
    """htmldate (original_date=True) still answers with the modification meta when nothing else is
    there: that day stays date_modified and date_published stays empty."""
    html = '<meta property="article:modified_time" content="2024-08-21T10:00:00+00:00"><h1>Story</h1><p>Text.</p>'
    root = lxml.html.document_fromstring(f"<html><head></head><body>{html}</body></html>")
    page = HtmlPage.read(root, URL)
    assert read_field("date_published", page, body=False) is None
    modified = read_field("date_modified", page, body=False)
    assert modified is not None and modified.value[0].startswith("2024-08-21")


_STAMPED = (
    '<meta property="article:published_time" content="2024-07-05T14:20:08+00:00">'
    '<meta property="article:modified_time" content="{modified}">'
)


@pytest.mark.parametrize(
    "modified, printed, expected",
    [
        # published and modified stamped on the same day, an earlier day printed: the printed one
        ("2024-07-05T14:20:08+00:00", "March 1, 2024", (("2024-03-01", "date"), "text")),
        # a real modification later than the publication: the stated publication stands
        ("2024-09-01T10:00:00+00:00", "March 1, 2024", (("2024-07-05T14:20:08+00:00", "datetime"), "meta")),
        # the printed day is a later one (or labelled as an update): the stated publication stands
        ("2024-07-05T14:20:08+00:00", "August 2, 2024", (("2024-07-05T14:20:08+00:00", "datetime"), "meta")),
        ("2024-07-05T14:20:08+00:00", "Updated March 1, 2024", (("2024-07-05T14:20:08+00:00", "datetime"), "meta")),
    ],
)
def test_a_publication_stamped_at_the_last_save_gives_way_to_the_earlier_printed_day(
    modified: str, printed: str, expected: object
) -> None:
    html = _STAMPED.format(modified=modified) + f"<h1>Story</h1><p>{printed}</p><p>Text.</p>"
    assert published(html) == expected


def test_a_stamp_the_page_also_prints_is_kept() -> None:
    html = _STAMPED.format(modified="2024-07-05T15:00:00+00:00") + "<h1>S</h1><p>March 1, 2024</p><p>July 5, 2024</p>"
    assert published(html) == (("2024-07-05T14:20:08+00:00", "datetime"), "meta")


@pytest.mark.parametrize("written", ["04-ago-2021", "4-Aug-2021", "04 ago 2021"])
def test_day_month_year_with_dashes_and_short_month_names(written: str) -> None:
    assert published(f"<h1>Story</h1><p>By Desk on {written} 5:11:10</p>")[0] == ("2021-08-04T05:11:10", "datetime")
