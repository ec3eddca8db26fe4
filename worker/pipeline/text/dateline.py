"""Datelines: where (and sometimes when, and by whom) a story was filed.

Shapes read, in any language that writes the place first:
  "Beirut - Arab Today"             a line of its own: place, dash, outlet
  "LONDON (Reuters) - ..."          place, agency in brackets, dash, then the story
  "PARIS, 3 mars (AFP) - ..."       place, date, agency
  "WASHINGTON — ..."                an upper-case place and a dash
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .agencies import AGENCY

_PLACE = r"[A-ZÀ-ÞĀ-ſА-ЯΑ-Ω][\w.'’ -]{1,38}?"
_UPPER_PLACE = r"[A-ZÀ-ÞА-ЯΑ-Ω][A-ZÀ-ÞА-ЯΑ-Ω.'’ -]{1,38}?"
_DASH = r"\s*(?:[-–—]+|:)\s*"
_DATE = r"(?:,\s*(?P<date>[^()\-–—]{3,30}?))?"
_WITH_AGENCY = re.compile(rf"^(?P<place>{_PLACE}){_DATE}\s*[(/](?P<agency>(?i:{AGENCY}))[)/]\.?{_DASH}")
_UPPER = re.compile(rf"^(?P<place>{_UPPER_PLACE}){_DATE}\s*[-–—]+\s+(?=\S)")
_CAP = r"[A-ZÀ-ÞĀ-ſА-ЯΑ-Ω][\w.'’&]+"
_OWN_LINE = re.compile(rf"^(?P<place>{_CAP}(?: {_CAP}){{0,2}})\s+[-–—]\s+(?P<outlet>{_CAP}(?: {_CAP}){{0,3}})$")
MAX_OWN_LINE_WORDS = 8


@dataclass(frozen=True)
class Dateline:
    place: str
    text: str
    agency: str | None
    own_line: bool


def read_dateline(text: str) -> Dateline | None:
    """The dateline at the start of `text` (a whole line or a paragraph's opening), if any."""
    match = _WITH_AGENCY.match(text)
    if match:
        return Dateline(_tidy(match["place"]), match.group(0).strip(), match["agency"], False)
    match = _UPPER.match(text)
    if match and len(match["place"].strip()) >= 3:
        return Dateline(_tidy(match["place"]), match.group(0).strip(), None, False)
    match = _OWN_LINE.match(text)
    if match and len(text.split()) <= MAX_OWN_LINE_WORDS:
        return Dateline(_tidy(match["place"]), text, None, True)
    return None


def _tidy(place: str) -> str:
    """'BEIRUT' -> 'Beirut'; mixed case is kept as written."""
    place = place.strip(" ,.-")
    return place.title() if place.isupper() and len(place) > 3 else place
