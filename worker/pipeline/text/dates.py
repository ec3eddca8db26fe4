"""Dates (and times) that the text itself states: "March 3, 2021 10:15", "3 mars 2021", "2021-03-03".

Only unambiguous shapes: ISO, day-month-year with a month name (also "04-ago-2021") or dots, month-name-day-year, and
slash dates whose order the numbers themselves settle (2/24/2026, 24/2/2026); 03/04/2021 is
skipped: the day and month order depends on the country.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from ..dates import Precision
from ..fields.lexicon import MONTHS, UPDATE_LABELS

MONTH = MONTHS
_NAME = "|".join(sorted(MONTH, key=len, reverse=True))
_TIME = (
    r"(?:,?\s*(?:at|à|um|a las|alle|às|-)?\s*"
    r"(?P<h>\d{1,2})[:h.](?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\s*(?P<ampm>[ap]\.?m\.?))?)?"
)
#: an update label just before a date ("Updated:", "Last updated on", "Aktualisiert am", ...)
_UPDATE_LABEL = "|".join(map(re.escape, sorted(UPDATE_LABELS, key=len, reverse=True)))
_UPDATED = re.compile(
    rf"(?<![a-z])(?:{_UPDATE_LABEL})\s*(?:on|am|le|el|em|at)?\s*[:\-\u2013|]?\s*(?:\w+day,?\s*)?$", re.I
)
#: how far before a date its label is looked for
_LABEL_REACH = 30
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: how far a date reaches before and after its year ("Wednesday, 23 September 2016 at 10:15 pm")
_BEFORE_YEAR, _AFTER_YEAR = 40, 30
_PATTERNS = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"),
    re.compile(rf"\b(?P<d>\d{{1,2}})[.-]?\s*(?:de\s+)?(?P<mn>{_NAME})\.?[,-]?\s*(?:de\s+)?(?P<y>\d{{4}}){_TIME}", re.I),
    re.compile(rf"\b(?P<mn>{_NAME})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}){_TIME}"),
    re.compile(rf"(?<![\d/])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}})(?![\d/]){_TIME}"),
)


def find_date(text: str) -> tuple[str, Precision] | None:
    """The first plausible date in `text`, as ISO 8601 with a time only when one is stated."""
    found = find_dates(text, limit=1)
    return found[0] if found else None


def find_dates(text: str, limit: int | None = None) -> list[tuple[str, Precision]]:
    """Every plausible date in `text`, in the order they appear (at most `limit`)."""
    return [(value, precision) for value, precision, _ in dated(text, limit)]


def find_original_dates(text: str) -> list[tuple[str, Precision]]:
    """The dates in `text` that no update label introduces ("Updated Nov 11, 2022 Originally
    published Nov 9, 2022" gives the second), in order; all of them when every one is labelled so
    (a page that prints only its update date still shows when it was last written)."""
    found = dated(text)
    original = [(value, precision) for value, precision, updated in found if not updated]
    return original or [(value, precision) for value, precision, _ in found]


def dated(text: str, limit: int | None = None) -> list[tuple[str, Precision, bool]]:
    """Dates in order, each with whether an update label stands just before it."""
    found = sorted(((m.start(), m) for segment in _segments(text) for m in _matches(text, segment)), key=lambda p: p[0])
    dates: list[tuple[str, Precision, bool]] = []
    taken = -1
    for start, match in found:
        if start < taken:
            continue  # a shorter reading inside a date already read
        value = _to_iso(match.groupdict())
        if value:
            updated = bool(_UPDATED.search(text, max(0, start - _LABEL_REACH), start))
            dates.append((*value, updated))
            taken = match.end()
            if limit is not None and len(dates) >= limit:
                break
    return dates


def _segments(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around each four-digit year: every date shape holds one, and the
    patterns run only there (a page's text is long, its dates are few)."""
    spans: list[tuple[int, int]] = []
    for year in _YEAR.finditer(text):
        start, end = max(0, year.start() - _BEFORE_YEAR), min(len(text), year.end() + _AFTER_YEAR)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _matches(text: str, span: tuple[int, int]) -> Iterator[re.Match[str]]:
    for pattern in _PATTERNS:
        yield from pattern.finditer(text, span[0], span[1])


def _slash_order(a: int, b: int) -> dict[str, str | None] | None:
    """Day and month of a slash date when only one order is a date (one number above 12); None
    when both orders are (03/04/2021) or neither is."""
    if a > 12 >= b >= 1:
        return {"d": str(a), "m": str(b)}
    if b > 12 >= a >= 1:
        return {"d": str(b), "m": str(a)}
    return None


def _to_iso(g: dict[str, str | None]) -> tuple[str, Precision] | None:
    if g.get("a") is not None:
        order = _slash_order(int(g["a"] or 0), int(g["b"] or 0))
        if order is None:
            return None
        g = {**g, **order}
    month = int(g["m"] or 0) if g.get("m") else MONTH.get((g.get("mn") or "").lower().rstrip("."), 0)
    try:
        day = date(int(g["y"] or 0), month, int(g["d"] or 0))
    except ValueError:
        return None
    if not 1990 <= day.year <= 2100:
        return None
    if g.get("h") is None:
        return day.isoformat(), "date"
    hour = int(g["h"] or 0) % 12 + (12 if (g.get("ampm") or "").lower().startswith("p") else 0)
    hour = hour if g.get("ampm") else int(g["h"] or 0)
    try:
        moment = datetime(day.year, day.month, day.day, hour, int(g["mi"] or 0), int(g.get("s") or 0))
    except ValueError:
        return day.isoformat(), "date"
    return moment.isoformat(timespec="seconds"), "datetime"
