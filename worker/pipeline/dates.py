"""Dates as ISO 8601 with an honest precision: a time only when given, an offset only when known."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal

Precision = Literal["date", "datetime"]
#: an ISO 8601 value and how precise it is
IsoDate = tuple[str, Precision]

_ISO_DATE = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})\s*$")
_ISO_PREFIX = re.compile(r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
_EARLIEST, _LATEST = 1990, 2100


def normalise_date(value: str | None) -> IsoDate | None:
    """'2020-05-01T10:00:00Z' -> ('2020-05-01T10:00:00+00:00', 'datetime'); '2020-05-01' -> date."""
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
    if not _ISO_PREFIX.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None
    if not _plausible(moment.year):
        return None
    return moment.isoformat(timespec="seconds" if not moment.microsecond else "microseconds"), "datetime"


def _plausible(year: int) -> bool:
    return _EARLIEST <= year <= _LATEST
