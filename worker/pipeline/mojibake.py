"""Double-encoded text repaired: 'Thatâ€™s' -> 'That’s', 'Â£5' -> '£5'.

The HTML path repairs what it outputs (the body's text and markup, then every text field) rather
than the page: testing a whole page for the signs costs more than the rare repair is worth; the
text path repairs its input, which is small.

A page whose UTF-8 bytes were once read as Latin-1 or Windows-1252 and written out again as UTF-8
decodes cleanly and still shows every non-ASCII character as two or three wrong ones (27 of the
1,358 wcxb-dev pages show three or more such signs; their people-reviewed text is clean). Each such
character is one UTF-8 byte sequence spelled in Latin-1/Windows-1252 characters: a lead byte (Â..ô)
and its continuation bytes. Only a sequence that decodes as valid UTF-8 is replaced, so real Latin
text ('é»', 'Âge') stays as it is. ftfy does this job more thoroughly, but costs up to a second on
a large page; this runs only where the text shows several of the commonest such sequences, in one
regex pass.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

#: the characters Windows-1252 puts at bytes 0x80-0x9f (Latin-1 has C1 controls there)
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_BYTE_OF = {ch: ch.encode("cp1252")[0] for ch in _CP1252_HIGH}
_CONT = "[\x80-\xbf" + re.escape(_CP1252_HIGH) + "]"
_SEQUENCE = re.compile(f"[\xf0-\xf4]{_CONT}{{3}}|[\xe0-\xef]{_CONT}{{2}}|[\xc2-\xdf]{_CONT}")
#: the commonest double-encoded characters: 'Ã' + a continuation (Latin letters: é, ü, ñ ...),
#: 'Â' + one (no-break space, £, ©, °), 'â€' (quotes and dashes); real text almost never has them
_MARKS = ("Ã", "Â", "â€", "â\x80")
_SIGN = re.compile(f"[ÃÂ][\x80-\xbf]|â[€\x80]{_CONT}|Â(?=\\s)")
#: a page is repaired only when it shows this many signs: one stray pair ('×\xa0' in '2×\xa0m',
#: 'ß’') is real text, many are an encoding accident
MIN_SIGNS = 3
#: 'Â' left of a double-encoded no-break space once whitespace was normalised ('cats.Â', 'And Â the')
_LONE_A = re.compile(r"Â(?=\s|$)")


def _byte(ch: str) -> int:
    return _BYTE_OF.get(ch, ord(ch))


def _decoded(match: re.Match[str]) -> str:
    spelled = match.group(0)
    try:
        return bytes(_byte(ch) for ch in spelled).decode("utf-8")
    except UnicodeDecodeError:
        return spelled


def repair(text: str, *, force: bool = False) -> str:
    """`text` with every double-encoded character decoded once more, when it shows at least
    MIN_SIGNS of them (`force`: any, for a short value of a page already found double-encoded);
    otherwise the same object, untouched (most texts: a few substring tests)."""
    if force:
        return _fixed(text)
    if not any(mark in text for mark in _MARKS):
        return text
    for signs, _ in enumerate(_SIGN.finditer(text), start=1):
        if signs >= MIN_SIGNS:
            return _fixed(text)
    return text


def _fixed(text: str) -> str:
    return _LONE_A.sub("", _SEQUENCE.sub(_decoded, text))


def repair_value(value: Any) -> Any:
    """A field's value with its text repaired (`force`): strings, lists of them, and models whose
    string attributes hold text (authors, images)."""
    if isinstance(value, str):
        return repair(value, force=True)
    if isinstance(value, list):
        return [repair_value(item) for item in value]
    if isinstance(value, BaseModel):
        update = {k: repair(v, force=True) for k, v in value.__dict__.items() if isinstance(v, str)}
        return value.model_copy(update=update)
    return value
