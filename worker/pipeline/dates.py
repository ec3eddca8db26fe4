"""Dates as ISO 8601 with an honest precision: a time only when given, an offset only when known."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal

Precision = Literal["date", "datetime"]
#: an ISO 8601 value and how precise it is
IsoDate = tuple[str, Precision]

_ISO_DATE = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})\s*$")
_ISO_PREFIX = re.compile(r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
#: an offset written without its colon or its leading zero ("-500", "+0100", " +01"), at the end
_LOOSE_OFFSET = re.compile(r"\s*([+-])(\d{1,2}):?(\d{2})?$")
_RFC2822 = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/._-]|$)")
_EARLIEST, _LATEST = 1990, 2100


def normalise_date(value: str | None) -> IsoDate | None:
    """'2020-05-01T10:00:00Z' -> ('2020-05-01T10:00:00+00:00', 'datetime'); '2020-05-01' -> date;
    a malformed offset ('-500') is read as the offset it means; RFC 2822 ('Tue, 05 Mar 2024
    10:20:00 GMT') as its instant."""
    if not value:
        return None
    text = value.strip()
    only_date = _ISO_DATE.match(text)
    if only_date:
        try:
            day = date(*map(int, only_date.groups()))
        except ValueError:
            return None
        return (day.isoformat(), "date") if _plausible(day.year) else None
    if _RFC2822.match(text):
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        return _iso(moment)
    if not _ISO_PREFIX.match(text):
        return None
    text = text.replace(" ", "T", 1)
    try:
        return _iso(datetime.fromisoformat(text))
    except ValueError:
        loose = _with_loose_offset(text)
        return _iso(loose) if loose else None


def _with_loose_offset(text: str) -> datetime | None:
    match = _LOOSE_OFFSET.search(text)
    if not match or "T" not in text[: match.start()]:
        return None
    sign, hours, minutes = match.groups()
    try:
        return datetime.fromisoformat(f"{text[: match.start()]}{sign}{int(hours):02d}:{minutes or '00'}")
    except ValueError:
        return None


def _iso(moment: datetime) -> IsoDate | None:
    if not _plausible(moment.year):
        return None
    return moment.isoformat(timespec="seconds" if not moment.microsecond else "microseconds"), "datetime"


def _plausible(year: int) -> bool:
    return _EARLIEST <= year <= _LATEST


def url_day(url: str) -> str | None:
    """The day a URL's path states ('/2024/03/05/storm'), as an ISO date."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        day = date(*map(int, match.groups()))
    except ValueError:
        return None
    return day.isoformat() if _plausible(day.year) else None


def in_utc(value: str) -> bool:
    """A date-time stated in UTC ('Z' or +00:00): a server's clock, not the page's own."""
    return "T" in value and value.endswith(("+00:00", "Z"))


def next_to(day: str, value: str) -> bool:
    """Whether `day` (ISO date) is the day before or after the calendar day of `value`."""
    try:
        return abs(date.fromisoformat(day) - date.fromisoformat(value[:10])) == timedelta(days=1)
    except ValueError:
        return False
