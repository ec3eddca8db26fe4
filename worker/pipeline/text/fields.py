"""Assemble the `Article` of a flattened-text page: body from the classifier, fields from the text."""

from __future__ import annotations

import html

from schemas import Article, Author

from ..textutil import clean_value, reading_minutes, word_count
from .attribution import place_credit, place_dateline
from .byline import read_byline
from .dates import find_date
from .headline import find_headline
from .lines import Line
from .reading import Reading
from .structure import body_captions, find_caption

BYLINE_REACH = 12


def to_article(reading: Reading, url: str, reason: str) -> Article:
    fields: dict[str, object] = {}
    provenance = {"input_format": reason, "body": "text:classifier"}
    blocks, lines = list(reading.blocks), reading.lines
    dateline = place_dateline(reading, blocks)
    if dateline:
        fields["dateline"], provenance["dateline"] = dateline, "text"
    credit = place_credit(reading, blocks, dateline)
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
    captions = body_captions(blocks)
    if caption is not None and (not headline or lines[caption].key != Line(0, headline[0], False).key):
        captions.insert(0, lines[caption].text)
    if captions:
        fields["captions"], provenance["captions"] = captions, "text"
    authors = next(
        (
            names
            for line in lines[max(0, reading.body_start - BYLINE_REACH) : reading.body_start]
            if (names := read_byline(line.text))
        ),
        [],
    )
    if authors:
        fields["authors"], provenance["authors"] = [Author(name=n) for n in authors], "text:byline"
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
