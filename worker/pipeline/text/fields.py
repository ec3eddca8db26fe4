"""Assemble the `Article` of a flattened-text page: body from the classifier, fields from the text."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from schemas import Article, Dateline

from ..textutil import clean_value, reading_minutes, word_count
from .credit import read_credit, trailing_credit
from .dateline import read_dateline
from .dates import find_date
from .headline import find_headline
from .lines import Line
from .structure import Block, find_caption

#: How far above the body a standalone dateline or credit may sit.
HEAD_REACH = 3


@dataclass
class Reading:
    """What the text path found, before it becomes an `Article`."""

    lines: list[Line]
    blocks: list[Block]
    body_start: int
    body_end: int
    language: str | None
    noise: set[int] = field(default_factory=set)  # stamps, forms, legal, social: never a headline
    skip: set[int] = field(default_factory=set)  # lines read as a field (dateline), not headline
    agency: str | None = None


def to_article(reading: Reading, url: str, reason: str) -> Article:
    fields: dict[str, object] = {}
    provenance = {"input_format": reason, "body": "text:classifier"}
    blocks, lines = list(reading.blocks), reading.lines
    dateline = _dateline(reading, blocks)
    if dateline:
        fields["dateline"], provenance["dateline"] = dateline, "text"
    credit = _credit(reading, blocks, dateline)
    if credit:
        fields["credit"], provenance["credit"] = credit, "text"
    anchor = next((i for i in range(reading.body_start - 1, -1, -1) if lines[i].index in reading.skip), None)
    caption = find_caption(
        lines, anchor if anchor is not None else reading.body_start, None, dateline=anchor is not None
    )
    headline_skip = reading.skip | reading.noise | ({caption} if caption is not None else set())
    headline = find_headline(lines, reading.body_start, headline_skip)
    if headline:
        fields["title"], provenance["title"] = clean_value(headline[0], 300), headline[1]
    if caption is not None and (not headline or lines[caption].key != Line(0, headline[0], False).key):
        fields["captions"], provenance["captions"] = [lines[caption].text], "text"
    head = " ".join(line.text for line in lines[: reading.body_start][-12:])
    stated = find_date(head) or (find_date(blocks[0].text[:200]) if blocks else None)
    if stated:
        fields["date_published"], fields["date_published_precision"] = stated
        provenance["date_published"] = "text"
    if reading.language:
        fields["language"], provenance["language"] = reading.language, "text:stopwords"
        fields["direction"] = "rtl" if reading.language in ("ar", "he", "fa", "ur") else "ltr"
    body_text = "\n\n".join(block.text for block in blocks)
    words = word_count(body_text)
    return Article(
        url=url,
        body_text=body_text,
        body_html="".join(f"<{b.tag}>{html.escape(b.text, quote=False)}</{b.tag}>" for b in blocks),
        word_count=words,
        reading_time_minutes=reading_minutes(words),
        subheadings=[b.text for b in blocks if b.tag == "h2"],
        input_format="text",
        provenance=provenance,
        **fields,
    )


def _dateline(reading: Reading, blocks: list[Block]) -> Dateline | None:
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


def _credit(reading: Reading, blocks: list[Block], dateline: Dateline | None) -> str | None:
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
