"""Person names out of byline text: no "By" or "Author:" label, no dates, no roles or affiliations,
no CMS handles; and whether a name is a person or the site itself. Both paths use these rules."""

from __future__ import annotations

import ast
import html
import re

from ..textutil import clean_value
from .lexicon import (
    AND_WORDS,
    AUTHOR_LABELS,
    BY_VERBS,
    BY_WORDS,
    DATE_LABELS,
    LEGAL_FORMS,
    MONTHS,
    ORGANISATION_WORDS,
    PLACEHOLDER_AUTHORS,
    ROLE_WORDS,
    WEEKDAYS,
    alternation,
)

_BY = re.compile(
    rf"^\s*(?:(?:{alternation(BY_VERBS)})\s+)?(?:{alternation(BY_WORDS)})(?:\s*[:：]\s*|\s+|(?-i:(?=[A-ZÀ-Þ][a-zà-ÿ])))",
    re.I,
)
_LABEL = re.compile(rf"^\s*(?:{alternation(AUTHOR_LABELS)})\s*(?:\(s\))?\s*[:：]\s*", re.I)
#: one-letter "and"s (e, i, a) are left out: they are initials far more often
_SPLIT = re.compile(rf"\s*(?:[,;|/]|\b(?:{alternation(w for w in AND_WORDS if len(w) > 1 or w == 'y')})\b)\s*", re.I)
_AMPERSAND = re.compile(r"\s+&\s+")
_NOT_A_NAME = re.compile(r"https?://|www\.|@|^\W+$|[{}<>=]")
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"(?:https?://|www\.)[^\s)]*")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\(\s*$")
_TRAILING_DATE_WORDS = alternation([*MONTHS, *WEEKDAYS, *DATE_LABELS, "at"])
_DATE_WORD = re.compile(rf"(?:\s+(?:{_TRAILING_DATE_WORDS})\.?)+$", re.I)
#: a name glued to the next text: "Luke KimDecember 3", "Jane DoeUpdated"
_GLUED = re.compile(rf"(?<=[a-zà-ÿ])(?=(?:{alternation(w.title() for w in (*MONTHS, *WEEKDAYS, *DATE_LABELS))})\b)")
_CASE_STEP = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")  # the only place a glued name can be split
#: how far from its end a name part is searched for trailing date words
DATE_TAIL = 80
_ROLE = re.compile(rf"\b(?:{alternation(ROLE_WORDS)})\b", re.I)
_LEGAL = re.compile(rf"(?:^|\s)(?:{alternation(LEGAL_FORMS)})\.?$", re.I)
_ORGANISATION = re.compile(rf"\b(?:{alternation(ORGANISATION_WORDS)})\b", re.I)
_EDGE = " .:-–—,•·|/\"'“”‘’[]"
_HANDLE_SHAPE = re.compile(r"^[\w.-]+$")
_TEMPLATE_KEY = re.compile(r"^[a-z_]{3,}(?:\.[a-z_]{3,}){2,}$")  # a handle such as "sara.r.peter" has a one-letter part
_DATE_ONLY_WORDS = frozenset([*MONTHS, *WEEKDAYS])
_PLACEHOLDERS = frozenset(PLACEHOLDER_AUTHORS)
MAX_WORDS = 5


def clean_names(text: str, *, declared: bool = False) -> list[str]:
    """'By Jane Doe and John Roe, Staff Writers | May 3' -> ['Jane Doe', 'John Roe'].

    `declared` (meta, JSON-LD): a lone short value that reads like an organisation ("BBC News")
    is the author the page declares, not a role to drop."""
    text = _unwrapped(text)
    text = _LABEL.sub("", _BY.sub("", text))
    names: list[str] = []
    for piece in _SPLIT.split(text):
        part = _without_date(_LABEL.sub("", _BY.sub("", piece)))
        if not part or _NOT_A_NAME.search(part):
            continue
        if names and _ROLE.search(part):
            break  # a role after a name: the rest is job title and affiliation
        if not _ROLE.search(part):
            names += _split_ampersand(part)
    if not names and declared:
        whole = _without_date(text)
        if whole and not _SPLIT.search(whole) and not _NOT_A_NAME.search(whole):
            names = [whole]
    return [
        n
        for n in names
        if 1 <= len(n.split()) <= MAX_WORDS and 2 <= len(n) <= 80 and not placeholder(n) and not _not_a_person(n)
    ]


def _not_a_person(name: str) -> bool:
    """Words no name is made of: only dates ('Mar', 'Dec', 'Friday'), or a template key left
    unfilled ('page.head.extra.author')."""
    words = name.casefold().replace(".", " ").split()
    return all(w in _DATE_ONLY_WORDS for w in words) or bool(_TEMPLATE_KEY.match(name))


def _unwrapped(text: str) -> str:
    """Entities decoded, a Python/JSON list of names ("['A', 'B']") read as 'A, B', a name glued to
    a following date or label split from it."""
    value = clean_value(html.unescape(text)) or ""
    if value.startswith("[") and value.endswith("]"):
        try:
            items = ast.literal_eval(value)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            items = None
        if isinstance(items, list):
            value = ", ".join(str(item) for item in items if isinstance(item, str))
    value = _EMPTY_BRACKETS.sub(" ", _URL.sub(" ", value))
    return _GLUED.sub(" ", value) if _CASE_STEP.search(value) else value


def _without_date(part: str) -> str:
    """'Lucas Nolan22 Dec 2016' -> 'Lucas Nolan'; a handle like 'CC7567' is no name at all."""
    digit = _DIGIT.search(part)
    if digit:
        part = part[: digit.start()]
        if len(part.split()) < 2:
            return ""
    part = part.strip(_EDGE)
    tail = _DATE_WORD.search(part, max(0, len(part) - DATE_TAIL))  # dates trail a name: look only there
    return (part[: tail.start()] if tail else part).strip(_EDGE)


def _split_ampersand(part: str) -> list[str]:
    """'Jane Doe & John Roe' is two people; 'Mac & i' is one name."""
    pieces = _AMPERSAND.split(part)
    return pieces if all(len(p.split()) >= 2 for p in pieces) else [part]


def placeholder(name: str) -> bool:
    """What a CMS writes when no person is set ('admin', 'undefined', 'The Author')."""
    return name.casefold().strip(_EDGE) in _PLACEHOLDERS


def handle_of_site(name: str, site_words: list[str]) -> bool:
    """An account name rather than a person: a slug ('brandon-peaktwo', 'andrew.keaveney'), a
    template key ('page.head.extra.author'), or one lower-case word built on the site's own name
    ('kffnirmitap' on kff.org)."""
    if " " in name or not _HANDLE_SHAPE.match(name):
        return False
    if any(mark in name for mark in "._") or ("-" in name and name.islower()):
        return True
    folded = name.casefold()
    return name.islower() and any(len(w) >= 3 and (w in folded or folded in w) for w in site_words)


def organisation(name: str) -> bool:
    """Reads as a company or an outlet, not a person: a legal form ('Kneib Dentistry PC'), an
    outlet word ('Clemson News', 'Levitate Media'), or one word or all capitals ('Accruent')."""
    words = name.split()
    return bool(_LEGAL.search(name) or _ORGANISATION.search(name) or len(words) == 1 or name.isupper())


def names_the_site(name: str, site_names: list[str], site_words: list[str]) -> bool:
    """The publisher given as the person: the site's own name ('USA TODAY' on usatoday.com, 'QCY
    Official' on qcy.com) when it reads as an organisation (a personal blog's name is its author's,
    'Melissa Neill' on melissaneill.com stays), or any company by its legal form."""
    if _LEGAL.search(name):
        return True
    if not organisation(name):
        return False
    folded = name.casefold()
    squeezed = re.sub(r"[\W_]+", "", folded)
    if any(folded == s or (len(s) >= 4 and (folded in s or s in folded)) for s in site_names):
        return True
    return len(squeezed) >= 3 and any(
        len(w) >= 3 and (squeezed.startswith(w) or w.startswith(squeezed)) for w in site_words
    )
