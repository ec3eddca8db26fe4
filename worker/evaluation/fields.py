"""Per-field accuracy against `expected-metadata.json`: one comparison rule per field.

Every page counts: an empty expected value matches only an empty prediction, so inventing a
value is as wrong as missing one. The rules are stated in the README ("## Evaluation").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import datetime

#: field name in the report -> key in expected-metadata.json
FIELDS: dict[str, str] = {
    "title": "title",
    "title_exact": "title",
    "byline": "byline",
    "excerpt": "excerpt",
    "site_name": "siteName",
    "published": "publishedTime",
    "language": "lang",
}

_BY = re.compile(r"^(?:written\s+)?(?:by|par|von|por)\b\s*:?\s*", re.I)
_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
#: one or more trailing " | Site"-style parts of at most five words each
_TITLE_SUFFIX = re.compile(r"^(?:\s+(?:\||-|–|—|·|::|»)\s+(?:\S+\s?){1,5}?)+$")


_ASCII = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def normal(value: str | None) -> str:
    """NFC, typographic quotes and dashes as ASCII, whitespace runs as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", value or "").translate(_ASCII).split())


def squash(value: str | None) -> str:
    """NFC, every whitespace run to one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def _text(value: str | None) -> str:
    return squash(value)


def _byline(value: str | None) -> str:
    return _BY.sub("", squash(value)).casefold()


def _language(value: str | None) -> str:
    return squash(value).replace("_", "-").casefold()


def _parse(value: str | None) -> datetime | str | None:
    """An ISO date or date-time (also '+0100' offsets and a space for 'T'); the text if unparsable."""
    text = squash(value)
    if not text:
        return None
    text = _OFFSET.sub(r"\1:\2", text.replace("Z", "+00:00").replace(" ", "T", 1))
    try:
        return datetime.fromisoformat(text) if len(text) > 10 else datetime.fromisoformat(text[:10]).date().isoformat()
    except ValueError:
        return text


def _same_moment(expected: str | None, predicted: str | None) -> bool:
    """Same instant to the second; a date-only side compares calendar dates; a side without an
    offset compares wall-clock times."""
    a, b = _parse(expected), _parse(predicted)
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        if isinstance(a, datetime) and isinstance(b, str):
            return a.date().isoformat() == b
        if isinstance(b, datetime) and isinstance(a, str):
            return b.date().isoformat() == a
        return a == b
    a, b = a.replace(microsecond=0), b.replace(microsecond=0)
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return a == b


NORMALISE: dict[str, Callable[[str | None], str]] = {
    "title": _text,
    "byline": _byline,
    "excerpt": _text,
    "site_name": _text,
    "language": _language,
}


def _same_title(expected: str | None, predicted: str | None) -> bool:
    """Equal, or the expected title is ours plus trailing site/author parts (we drop those on purpose);
    typographic quotes and dashes read as ASCII, as on WCXB pages."""
    want, got = normal(expected), normal(predicted)
    if want == got:
        return True
    # the suffix is read on the text as written (" » Site"): `normal` maps one character to one
    return bool(got) and want.startswith(got) and bool(_TITLE_SUFFIX.match(squash(expected)[len(got) :]))


def matches(field: str, expected: str | None, predicted: str | None) -> bool:
    if field == "title_exact":  # strict: whitespace-normalised equality, site suffix and all
        return squash(expected) == squash(predicted)
    if field == "title":
        return _same_title(expected, predicted)
    if field == "published":
        return _same_moment(expected, predicted)
    norm = NORMALISE[field]
    return norm(expected) == norm(predicted)
