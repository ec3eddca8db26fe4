"""Phrase families that label page furniture, in the languages the dev pages use most.

Matched in a segment's first characters and in the nearest heading above it ("3 Comments",
"Related posts", "À lire aussi"): a feature of the learned body stage, never a rule on its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

FAMILIES: tuple[tuple[str, str], ...] = (
    (
        "comments",
        r"\bcomments?\b|\brepl(?:y|ies)\b|\bresponses?\b|leave a (?:reply|comment)|join the (?:conversation|discussion)"
        r"|kommentar|commentaire|comentario|commenti|reacties|komentar|комментари",
    ),
    (
        "related",
        r"\brelated\b|read (?:more|next|also)|more (?:from|stories|articles|news|posts|like this)|you (?:may|might)"
        r" (?:also )?(?:like|enjoy)|recommended|\bpopular\b|trending|also read|latest (?:news|posts|articles|stories)"
        r"|see more|weiterlesen|mehr zum thema|lire aussi|à lire|te puede interesar|leia também|ti potrebbe"
        r"|lees ook|más noticias|similar",
    ),
    ("share", r"\bshare\b|\btweet\b|pin it|email this|copy link|teilen|partager|compartir|condividi|delen\b"),
    (
        "subscribe",
        r"subscri|newsletter|sign ?up|\bjoin\b|inbox|abonn|suscr|iscriviti|register|create (?:an|your) account"
        r"|get (?:the|our) (?:latest|best)|download (?:the|our) app",
    ),
    (
        "legal",
        r"all rights reserved|privacy|terms (?:of|and)|cookie|copyright|©|impressum|datenschutz|mentions légales"
        r"|aviso legal|disclaimer|affiliate|commission",
    ),
    (
        "author",
        r"about the author|written by|posted by|^by\s|\bauthor\b|\beditor\b|reviewed by|fact.checked|staff writer"
        r"|\bvon\s|\bpar\s|\bpor\s|contributor",
    ),
    (
        "navigation",
        r"^home\b|\bmenu\b|\bsearch\b|log ?in\b|sign ?in\b|skip to|back to top|\bnext\b|\bprevious\b|\bprev\b"
        r"|breadcrumb|table of contents|jump to",
    ),
    ("ad", r"advertis|sponsored|\banzeige\b|publicité|publicidad|pubblicità|promoted|\bad\b"),
    (
        "media",
        r"^(?:image|photo|picture|foto|bild|credit|source|video|watch|gallery|slide)\b|getty|reuters|\bap photo|"
        r"shutterstock|istock|unsplash|\(image|\(photo|\bcaption\b|click to enlarge",
    ),
    (
        "commerce",
        r"add to (?:cart|bag|basket)|buy now|in stock|out of stock|shipping|\bprice\b|\$\s?\d|€\s?\d|£\s?\d"
        r"|\d\s?(?:€|\$)|reviews?\b|rating|checkout|wishlist|\bsku\b",
    ),
    ("contact", r"contact us|\bcall\b|phone|e-?mail|address|\btel\b|whatsapp|get in touch|book (?:a|an|now)"),
    ("date", r"\b(?:19|20)\d\d\b|\bupdated\b|\bpublished\b|\bago\b|minute read|min read|read time|reading time"),
)
_PATTERN = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in FAMILIES))
_BIT = {name: 1 << i for i, (name, _) in enumerate(FAMILIES)}
PREFIX = 160


@lru_cache(maxsize=4096)
def phrase_bits(text: str) -> int:
    """The families named in the first PREFIX characters of `text` (case-folded)."""
    bits = 0
    for match in _PATTERN.finditer(text[:PREFIX].lower()):
        bits |= _BIT[match.lastgroup or ""]
    return bits
