"""Where a story says who filed it: a dateline above or at the start of the body, a credit below
or at the end of it. A standalone dateline line leaves the headline search; a credit line or a
trailing "(AFP)" leaves the body."""

from __future__ import annotations

from schemas import Dateline

from .credit import read_credit, trailing_credit
from .dateline import read_dateline
from .reading import Reading
from .structure import Block

#: How far above the body a standalone dateline or credit may sit.
HEAD_REACH = 3


def place_dateline(reading: Reading, blocks: list[Block]) -> Dateline | None:
    """A dateline line just above the body (then skipped), or at the start of the first paragraph."""
    for i in range(reading.body_start - 1, max(-1, reading.body_start - 1 - HEAD_REACH), -1):
        found = read_dateline(reading.lines[i].text)
        if found and found.own_line:
            reading.skip.add(i)
            return Dateline(location=found.place, text=found.text)
    found = read_dateline(blocks[0].text) if blocks else None
    if found and not found.own_line:
        reading.agency = found.agency
        return Dateline(location=found.place, text=found.text)
    return None


def place_credit(reading: Reading, blocks: list[Block], dateline: Dateline | None) -> str | None:
    """A credit line right after the body (dropped from it), at its end, or in the dateline."""
    lines = reading.lines
    for i in range(reading.body_end, min(len(lines), reading.body_end + HEAD_REACH)):
        credit = read_credit(lines[i].text)
        if credit:
            return credit
    if blocks and blocks[-1].tag == "p":
        credit = read_credit(blocks[-1].text)
        if credit and len(blocks) > 1:
            blocks.pop()
            return credit
        split = trailing_credit(blocks[-1].text)
        if split:
            blocks[-1] = Block("p", split[0])
            return split[1]
    return reading.agency if dateline else None
