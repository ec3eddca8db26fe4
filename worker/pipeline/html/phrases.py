"""Phrase families that label page furniture, in the languages the dev pages use most.

Matched in a short segment's first characters and in the nearest heading above a segment
("3 Comments", "Related posts", "À lire aussi"): a feature of the learned body stage, never a rule
on its own. Single words are looked up per token; phrases are plain substrings (both far cheaper
than one big regular expression, which costs tens of microseconds a segment).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: family -> (single words, phrases)
FAMILIES: tuple[tuple[str, tuple[str, str]], ...] = (
    (
        "comments",
        (
            "comment comments reply replies responses discussion kommentar kommentare commentaire commentaires "
            "comentario comentarios commenti reacties komentar комментарии",
            "leave a reply|leave a comment|join the conversation|join the discussion|post a comment",
        ),
    ),
    (
        "related",
        (
            "related recommended popular trending similar weiterlesen",
            "read more|read next|read also|more from|more stories|more articles|more news|more posts|you may also|"
            "you might also|also read|latest news|latest posts|latest articles|see more|mehr zum thema|lire aussi|"
            "à lire|te puede interesar|leia também|ti potrebbe|lees ook|más noticias|also like",
        ),
    ),
    ("share", ("share tweet teilen partager compartir condividi delen", "pin it|email this|copy link")),
    (
        "subscribe",
        (
            "subscribe subscribed newsletter newsletters signup join inbox abonnieren abonnez suscríbete iscriviti "
            "register",
            "sign up|create an account|create your account|get the latest|download the app|download our app",
        ),
    ),
    (
        "legal",
        (
            "privacy cookie cookies copyright impressum datenschutz disclaimer affiliate commission",
            "all rights reserved|terms of|terms and|©|mentions légales|aviso legal",
        ),
    ),
    (
        "author",
        (
            "author editor contributor",
            "about the author|written by|posted by|reviewed by|fact checked|fact-checked|staff writer",
        ),
    ),
    (
        "navigation",
        (
            "home menu search login signin next previous prev breadcrumb",
            "log in|sign in|skip to|back to top|table of contents|jump to",
        ),
    ),
    ("ad", ("advertisement advertising sponsored anzeige publicité publicidad pubblicità promoted ad", "")),
    (
        "media",
        (
            "image photo picture foto bild credit source video watch gallery slide getty reuters shutterstock "
            "istock unsplash caption",
            "ap photo|(image|(photo|click to enlarge",
        ),
    ),
    (
        "commerce",
        (
            "shipping price reviews review rating checkout wishlist sku stock",
            "add to cart|add to bag|add to basket|buy now|in stock|out of stock",
        ),
    ),
    ("contact", ("call phone email e-mail address tel whatsapp", "contact us|get in touch|book a|book an|book now")),
    ("date", ("updated published ago", "min read|minute read|read time|reading time")),
)
_WORD_BITS: dict[str, int] = {}
_PHRASES: list[tuple[str, int]] = []
for _i, (_name, (_words, _phrases)) in enumerate(FAMILIES):
    for _word in _words.split():
        _WORD_BITS[_word] = _WORD_BITS.get(_word, 0) | 1 << _i
    _PHRASES.extend((phrase, 1 << _i) for phrase in _phrases.split("|") if phrase)
_TOKEN = re.compile(r"\w+")
_MONEY = re.compile(r"[$€£]\s?\d|\d\s?[€$]")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_AUTHOR = 1 << 5
_BYLINE_STARTS = ("by ", "von ", "par ", "por ", "di ", "door ", "av ")
_COMMERCE = 1 << 9
_DATE = 1 << 11
PREFIX = 160


@lru_cache(maxsize=4096)
def phrase_bits(text: str) -> int:
    """The families named in the first PREFIX characters of `text` (case-folded)."""
    head = text[:PREFIX].lower()
    bits = 0
    for token in _TOKEN.findall(head):
        bits |= _WORD_BITS.get(token, 0)
    for phrase, bit in _PHRASES:
        if phrase in head:
            bits |= bit
    if head.startswith(_BYLINE_STARTS):
        bits |= _AUTHOR
    if _MONEY.search(head):
        bits |= _COMMERCE
    if _YEAR.search(head):
        bits |= _DATE
    return bits
