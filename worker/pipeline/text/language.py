"""The page's language from its function words (or its script), without an English default."""

from __future__ import annotations

import re
from collections import Counter

from .stopwords import STOPWORDS

_WORD = re.compile(r"\w+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
MIN_HITS = 8
MIN_SHARE = 0.08


def detect_language(text: str) -> str | None:
    """BCP 47 primary tag, or None when no language stands out."""
    script = _by_script(text)
    if script:
        return script
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return None
    hits = Counter({lang: sum(1 for w in words if w in stops) for lang, stops in STOPWORDS.items()})
    (best, count), *rest = [*hits.most_common(2), ("", 0)]
    if count < MIN_HITS or count / len(words) < MIN_SHARE or count == rest[0][1]:
        return None
    return best


def _by_script(text: str) -> str | None:
    """Scripts without spaces between words: stop-word counting cannot work there."""
    sample = text[:20000]
    han, kana, hangul = (len(p.findall(sample)) for p in (_HAN, _KANA, _HANGUL))
    letters = sum(ch.isalpha() for ch in sample) or 1
    if (han + kana + hangul) / letters < 0.3:
        return None
    if kana > han * 0.1:
        return "ja"
    return "ko" if hangul > han else "zh"


def is_cjk(language: str | None) -> bool:
    return language in ("zh", "ja", "ko")
