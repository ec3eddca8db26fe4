"""First version of the text path: keep the contiguous run of prose lines.

Deliberately plain; the issue on flattened-text pages replaces it with a line classifier.
"""

from __future__ import annotations

import html
import re

from schemas import Article

from ...errors import NoArticle
from ..textutil import clean_value, reading_minutes, squash, word_count

_SENTENCE_END = re.compile(r"[.!?…\"'”’»)]$")
MIN_WORDS = 20


def _is_prose(line: str) -> bool:
    return word_count(line) >= 10 and bool(_SENTENCE_END.search(line))


def read_text(text: str, url: str) -> Article:
    lines = [squash(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    prose = [i for i, line in enumerate(lines) if _is_prose(line)]
    if not prose:
        raise NoArticle("no prose found in text page")
    body_lines = lines[prose[0] : prose[-1] + 1]
    body_text = "\n\n".join(body_lines)
    words = word_count(body_text)
    if words < MIN_WORDS:
        raise NoArticle(f"no article found: {words} words of body text")
    title = clean_value(lines[0], 300) if prose[0] > 0 and word_count(lines[0]) <= 20 else None
    return Article(
        url=url,
        title=title,
        body_text=body_text,
        body_html="".join(f"<p>{html.escape(line)}</p>" for line in body_lines),
        word_count=words,
        reading_time_minutes=reading_minutes(words),
        input_format="text",
        provenance={"title": "text"} if title else {},
    )
