"""Bytes to text: BOM, declared charset, <meta> prescan, then charset-normalizer.

Each step is tried strictly, so a charset that lies falls through to the next one rather than
producing mojibake.
"""

from __future__ import annotations

import codecs
import re

from schemas.reasons import Undecodable, UnsupportedContent

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_PARAM_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_:.\-]+)""", re.I)
_PRESCAN_BYTES = 4096
# Signatures of formats that are not pages; checked before any decoding is attempted.
_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"RIFF",
    b"OggS",
    b"\x00\x00\x01\x00",
    b"\x7fELF",
    b"MZ",
    b"%!PS",
    b"\xd0\xcf\x11\xe0",
    b"wOFF",
    b"wOF2",
)


def charset_from_content_type(value: str | None) -> str | None:
    if not value:
        return None
    found = _PARAM_CHARSET.search(value)
    return found.group(1) if found else None


def decode_page(data: bytes, declared: str | None) -> tuple[str, str]:
    """Return (text, charset used); raise UnsupportedContent for binary, Undecodable otherwise.

    Valid UTF-8 wins over a declared single-byte charset: servers often send a default
    ISO-8859-1 for UTF-8 pages, while real Latin-1 text is almost never valid UTF-8.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name)
            if text is None:
                raise Undecodable(f"page starts with a {name} byte-order mark but does not decode as {name}")
            return text, name
    declared_name = _normalise(declared) if declared else None
    if declared_name and declared_name.startswith(("utf-16", "utf-32")):
        # A UTF-16/32 page's ASCII markup leaves NUL bytes everywhere; without them the label lies
        # (and decoding 8-bit bytes as UTF-16 "succeeds" with CJK garbage).
        text = _strict(data, declared_name) if _looks_wide(data) else None
        if text is not None:
            return text, declared_name
        declared_name = None
    reject_binary(data)
    candidates = ["utf-8"]
    if declared_name:
        candidates.append(declared_name)
    meta = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if meta:
        candidates.append(_normalise(meta.group(1).decode("ascii", "replace")))
    for name in candidates:
        text = _strict(data, name)
        if text is not None:
            return text, name
    return _guess(data)


_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b") + b"\x7f"


def reject_binary(data: bytes) -> None:
    """Known binary signatures, or more than 1 in 10 control bytes: text never looks like that."""
    head = data[:1024]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if head.lstrip().startswith(_BINARY_MAGIC) or controls * 10 > len(head):
        raise UnsupportedContent("content is binary, not a text or HTML page")


def _looks_wide(data: bytes) -> bool:
    head = data[:4096]
    return head.count(0) * 8 >= len(head) > 0


def _normalise(name: str) -> str:
    name = name.strip().lower()
    try:
        canonical = codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a label with a NUL ("utf-8\x00")
        return name
    # WHATWG: pages labelled latin-1/ascii are decoded as windows-1252.
    return "cp1252" if canonical in ("latin-1", "iso8859-1", "ascii") else canonical


def _strict(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError, ValueError):  # ValueError: a label with a NUL
        return None


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported late: only undeclared, non-UTF-8 pages need it

    matches = list(from_bytes(data[: 256 * 1024]))
    if not matches:
        raise Undecodable("no charset decodes this page")
    # Ties are common on short Latin text; windows-1252 is the web's usual undeclared charset.
    best = min(matches, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3), m.encoding != "cp1252"))
    return data.decode(best.encoding, errors="replace"), best.encoding
