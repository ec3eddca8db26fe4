"""The text path's field sources, as the registry lists them: each reads a `TextPage`.

Order matters and the registry keeps it: a dateline line found above the body leaves the headline
search, a credit line leaves the body, the caption printed over the dateline is no headline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from schemas import Author, Dateline

from ..dates import IsoDate
from ..fields.chain import Found
from ..textutil import clean_value
from .attribution import place_credit, place_dateline
from .byline import read_byline
from .dates import find_date, find_original_dates
from .headline import find_headline
from .lines import Line
from .reading import Reading
from .structure import Block, body_captions, find_caption

BYLINE_REACH = 12
HEAD_LINES = 12


@dataclass
class TextPage:
    """A flattened page as the field rules read it: the reading, its body blocks (the credit rule
    may drop the last one), and the fields assembled so far."""

    reading: Reading
    url: str
    blocks: list[Block]
    found: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)

    @property
    def lines(self) -> list[Line]:
        return self.reading.lines

    @cached_property
    def caption_line(self) -> int | None:
        """The caption line just above the dateline (or the body), read once the dateline is known."""
        reading = self.reading
        anchor = next((i for i in range(reading.body_start - 1, -1, -1) if self.lines[i].index in reading.skip), None)
        start = anchor if anchor is not None else reading.body_start
        if start >= len(self.lines):
            return None
        return find_caption(self.lines, start, None, dateline=anchor is not None)

    @property
    def body_text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


def dateline(page: TextPage) -> Dateline | None:
    return place_dateline(page.reading, page.blocks)


def credit(page: TextPage) -> str | None:
    return place_credit(page.reading, page.blocks, page.found.get("dateline"))


def title(page: TextPage) -> Found[str] | None:
    reading = page.reading
    skip = reading.skip | reading.noise | ({page.caption_line} if page.caption_line is not None else set())
    headline = find_headline(page.lines, reading.body_start, skip)
    value = clean_value(headline[0], 300) if headline else None
    return Found(value, headline[1]) if headline and value else None


def captions(page: TextPage) -> list[str]:
    found = body_captions(page.blocks)
    caption, headline = page.caption_line, page.found.get("title")
    if caption is not None and (not headline or page.lines[caption].key != Line(0, headline, False).key):
        found.insert(0, page.lines[caption].text)
    return found


def authors(page: TextPage) -> list[Author]:
    start = page.reading.body_start
    for line in page.lines[max(0, start - BYLINE_REACH) : start]:
        names = read_byline(line.text)
        if names:
            return [Author(name=n) for n in names]
    return []


def date_published(page: TextPage) -> IsoDate | None:
    head = " ".join(line.text for line in page.lines[: page.reading.body_start][-HEAD_LINES:])
    found = find_original_dates(head)  # "Updated ... Originally published ..." gives the second
    return found[0] if found else (find_date(page.blocks[0].text[:200]) if page.blocks else None)


def subheadings(page: TextPage) -> list[str]:
    return [block.text for block in page.blocks if block.tag == "h2"]
