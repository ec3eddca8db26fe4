"""Assemble the `Article` of a flattened-text page: body from the classifier, fields from the
registry's text sources (`sources.py`), through the same assembler as the HTML path."""

from __future__ import annotations

import html
from typing import Any

from schemas import Article

from ..fields import assemble as assembler  # a module: the registry imports this package's sources
from ..textutil import reading_minutes, word_count
from .blocks import unwrap
from .language import detect_language
from .lines import split_lines
from .reading import Reading
from .sources import TextPage


def to_article(reading: Reading, url: str, reason: str) -> Article:
    page = TextPage(reading, url, list(reading.blocks))
    page.provenance.update({"input_format": reason, "body": reading.body_source})
    assembler.assemble(page, "text")
    blocks = page.blocks  # the credit rule may have dropped a credit line from the end
    body_text = page.body_text
    words = word_count(body_text)
    return Article(
        url=url,
        body_text=body_text,
        body_html="".join(f"<{b.tag}>{html.escape(b.text, quote=False)}</{b.tag}>" for b in blocks),
        word_count=words,
        reading_time_minutes=reading_minutes(words),
        input_format="text",
        provenance=page.provenance,
        **page.found,
    )


#: without a body, the first line of this many words stands for where the story starts
PROSE_WORDS = 15
HEAD_LINES = 15
MAX_LINES = 2000


def metadata_without_body(text: str, url: str) -> dict[str, Any]:
    """The fields a flattened page states even when no article body was found (a `NoArticle`
    keeps them): the same text sources, read above the first prose-like line."""
    lines = unwrap(split_lines(text, MAX_LINES))
    start = next((i for i, line in enumerate(lines) if len(line.text.split()) >= PROSE_WORDS), None)
    start = min(len(lines), HEAD_LINES) if start is None else start
    reading = Reading(lines, [], start, start, detect_language(text))
    page = TextPage(reading, url, [])
    assembler.assemble(page, "text")
    return assembler.metadata(page)
