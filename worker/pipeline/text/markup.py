"""Visible text of an HTML tree, one line per block, as a text crawler would print it.

Used for HTML pages whose body is only a text blob (they go to the text path) and by the
flattened-text evaluation. Scripts, styles and hidden elements are not visible text.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_SKIP = frozenset("script style noscript template head svg iframe object canvas select title".split())
BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul caption option button label textarea br".split()
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"[ \t\r\f\v\n]+")


def visible_text(root: HtmlElement, *, keep_newlines: bool = False) -> str:
    """Text of `root`; block elements and <br> end a line. Source newlines inside a block count
    only with `keep_newlines` (a text blob) or inside <pre>."""
    parts: list[str] = []
    _walk(root, parts, keep_newlines)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def _walk(element: HtmlElement, parts: list[str], keep: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP or element.get("hidden") is not None or _HIDDEN.search(element.get("style") or ""):
        parts.append(_inline(element.tail, keep))
        return
    block = tag in BLOCK
    if block:
        parts.append("\n")
    if tag:
        parts.append(_inline(element.text, keep or tag == "pre"))
        for child in element:
            _walk(child, parts, keep or tag == "pre")
    if block:
        parts.append("\n")
    parts.append(_inline(element.tail, keep))


def _inline(text: str | None, keep: bool) -> str:
    if not text:
        return ""
    if keep:
        return text.replace("\r\n", "\n")
    return _SPACE.sub(" ", text)
