"""Article element to text: one paragraph per block, headings and list items kept as lines."""

from __future__ import annotations

import re

from lxml.etree import iterwalk
from lxml.html import HtmlElement

BLOCKS = frozenset(
    "p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table "
    "thead tbody tfoot tr caption blockquote pre figure figcaption hr address details summary form "
    "fieldset center menu".split()
)
CELLS = frozenset({"td", "th"})
_INLINE_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_LINE_BREAK = "\n"


class _Paragraphs:
    def __init__(self) -> None:
        self.done: list[str] = []
        self.parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)

    def flush(self) -> None:
        if self.parts:
            lines = (" ".join(line.split()) for line in "".join(self.parts).split(_LINE_BREAK))
            text = "\n".join(line for line in lines if line)
            if text:
                self.done.append(text)
            self.parts.clear()


def render_text(root: HtmlElement) -> str:
    """Paragraphs separated by a blank line; <br> becomes a line break inside a paragraph."""
    out = _Paragraphs()
    pre_depth = 0
    for event, element in iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in BLOCKS:
                out.flush()
            if tag == "pre":
                pre_depth += 1
            if tag == "br":
                out.add(_LINE_BREAK)
            elif tag in CELLS:
                out.add(" ")
            out.add(_keep(element.text, pre_depth))
        else:
            if tag == "pre":
                pre_depth -= 1
            if tag in BLOCKS:
                out.flush()
            elif tag in CELLS:
                out.add(" ")
            if element is not root:
                out.add(_keep(element.tail, pre_depth))
    out.flush()
    return "\n\n".join(out.done)


def _keep(text: str | None, pre_depth: int) -> str | None:
    if not text:
        return text
    return text if pre_depth else _INLINE_SPACE.sub(" ", text.replace("\n", " "))
