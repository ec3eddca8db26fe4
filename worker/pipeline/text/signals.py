"""Per-line signals: what a line looks like on its own and how often the page repeats it.

No signal looks at a site's words: shapes (length, sentence end, separators, trailing `*`),
function-word density in the page's language, universal marks (©, brand names of social networks)
and legal phrases in several languages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import shapes
from .dates import find_date
from .language import is_cjk
from .lines import Line
from .stopwords import ANY, STOPWORDS

CJK_CHARS_PER_WORD = 1.5
CJK_SENTENCE_CHARS = 20


@dataclass(frozen=True)
class Signals:
    words: float
    stop_share: float
    sentence_end: bool
    sentences: int
    repeats: int
    separators: int
    self_repeat: bool
    form: bool
    legal: bool
    social: bool
    stamp: bool
    truncated: bool
    after: bool
    bullet: bool


def read_signals(lines: list[Line], language: str | None) -> list[Signals]:
    counts = Counter(line.key for line in lines)
    stops = STOPWORDS.get(language or "", ANY)
    return [_signals(line, counts[line.key], stops, is_cjk(language)) for line in lines]


def _signals(line: Line, repeats: int, stops: frozenset[str], cjk: bool) -> Signals:
    text = line.text
    lower = text.lower()  # searched instead of re.IGNORECASE, which is several times slower
    tokens = shapes.WORD.findall(lower)
    cjk_chars = len(shapes.CJK.findall(text)) if cjk else 0
    words = len(tokens) + cjk_chars / CJK_CHARS_PER_WORD if cjk_chars else float(len(tokens))
    stop_share = sum(1 for w in tokens if w in stops) / len(tokens) if tokens and not cjk_chars else 0.0
    if cjk_chars:  # no spaces between words: clause punctuation or a sentence's length stands in
        stop_share = 0.5 if cjk_chars >= CJK_SENTENCE_CHARS or any(p in text for p in "，、。；！？") else 0.0
    return Signals(
        words=words,
        stop_share=stop_share,
        sentence_end=bool(shapes.SENTENCE_END.search(text[-8:])),
        sentences=len(shapes.SENTENCE.findall(text)),
        repeats=repeats if any(not w.isdigit() for w in tokens) else 1,
        separators=len(shapes.SEPARATORS.findall(text)),
        self_repeat=3 <= len(tokens) <= 15 and len(set(tokens)) / len(tokens) <= 0.5,
        form=(len(tokens) <= 6 and bool(shapes.FORM.search(text)))
        or (len(tokens) <= 2 and bool(shapes.LABEL.match(text))),
        legal=bool(shapes.RIGHTS.search(lower)) or (len(tokens) <= 40 and bool(shapes.LEGAL.search(lower))),
        social=_social(lower, len(tokens)),
        stamp=len(tokens) <= 12 and bool(shapes.STAMP.match(text) or (shapes.TIME.search(text) and find_date(text))),
        truncated=text.endswith(("...", "…")),
        after=len(tokens) <= 6 and bool(shapes.AFTER.match(text) or shapes.COMMENT_COUNT.search(text)),
        bullet=bool(shapes.BULLET.match(text)) and not shapes.BULLET_END.search(text),
    )


def _social(text: str, tokens: int) -> bool:
    """Share buttons and follow-us rows: social network names make up much of a short line."""
    brands = len(shapes.SOCIAL.findall(text))
    return brands >= 1 and (tokens <= 3 or (brands >= 2 and brands / tokens >= 0.15))
