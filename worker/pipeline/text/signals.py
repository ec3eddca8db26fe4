"""Per-line signals: what a line looks like on its own and how often the page repeats it.

No signal looks at a site's words: shapes (length, sentence end, separators, trailing `*`),
function-word density in the page's language, universal marks (©, brand names of social networks)
and legal phrases in several languages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .language import is_cjk
from .lines import Line
from .stopwords import ANY, STOPWORDS

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"(?<![.…])[.!?。！？:;][\"'”’»)\]]*$")
_SENTENCE = re.compile(r"[.!?…。！？][\"'”’»)]*(?:\s+|$)")
_SEPARATORS = re.compile(r"\s[|»›·•/]\s|\s[|»›·•]|[|»›·•]\s")
_FORM = re.compile(r"^[^.!?]{1,40}?\s?[*:]$|^:\s?\w|^\*")
_STAMP = re.compile(r"^\D{0,40}\d{1,4}[:./-]\d{1,2}(?:[:./-]\d{1,4})?\D{0,30}$")
_LEGAL = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|tous droits réservés|alle rechte vorbehalten|derechos reservados"
    r"|diritti riservati|direitos reservados|terms of (?:use|service)|privacy policy|cookie|datenschutz"
    r"|impressum|mentions légales|política de privacidad|informativa sulla privacy|conditions d'utilisation"
    r"|nutzungsbedingungen|términos de uso",
    re.I,
)
_SOCIAL = re.compile(r"facebook|twitter|whatsapp|linkedin|instagram|youtube|pinterest|telegram|tiktok|\brss\b", re.I)


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


def read_signals(lines: list[Line], language: str | None) -> list[Signals]:
    counts = Counter(line.key for line in lines)
    stops = STOPWORDS.get(language or "", ANY)
    return [_signals(line, counts[line.key], stops, is_cjk(language)) for line in lines]


def _signals(line: Line, repeats: int, stops: frozenset[str], cjk: bool) -> Signals:
    text = line.text
    tokens = [w.lower() for w in _WORD.findall(text)]
    cjk_chars = len(_CJK.findall(text)) if cjk else 0
    words = len(tokens) + cjk_chars / CJK_CHARS_PER_WORD if cjk_chars else float(len(tokens))
    stop_share = sum(1 for w in tokens if w in stops) / len(tokens) if tokens and not cjk_chars else 0.0
    if cjk_chars:  # no spaces between words: clause punctuation or a sentence's length stands in
        stop_share = 0.5 if cjk_chars >= CJK_SENTENCE_CHARS or any(p in text for p in "，、。；！？") else 0.0
    return Signals(
        words=words,
        stop_share=stop_share,
        sentence_end=bool(_SENTENCE_END.search(text)),
        sentences=len(_SENTENCE.findall(text)),
        repeats=repeats,
        separators=len(_SEPARATORS.findall(text)),
        self_repeat=3 <= len(tokens) <= 15 and len(set(tokens)) / len(tokens) <= 0.5,
        form=len(tokens) <= 6 and bool(_FORM.search(text)),
        legal=bool(_LEGAL.search(text)) and len(tokens) <= 40,
        social=len(_SOCIAL.findall(text)) >= 2 or (len(tokens) <= 3 and bool(_SOCIAL.search(text))),
        stamp=len(tokens) <= 10 and bool(_STAMP.match(text)),
        truncated=text.endswith(("...", "…")),
    )
