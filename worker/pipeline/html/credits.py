"""Credit lines near the top of the body ("Written by A. Writer", "Reviewed by Dr B, MD").

The `authors` field carries the people; readers do not count such a line as article text. Unlike
the byline rule, this one needs no known author name: the shape of the line is the evidence, a
credit word ("by", "par", "von", ...) then only names. Photo credits are caption text: kept.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .boilerplate import text_of

#: credit verbs before the by-word, several languages; the line starts with one or with the by-word
_VERBS = (
    r"written|reviewed|edited|medically reviewed|fact[- ]checked|reported|reporting|text|interview|translated|"
    r"words|écrit|rédigé|textes?|geschrieben|escrito|scritto"
)
_BY = r"by|par|von|por|door|av|af"
CREDIT_START = re.compile(rf"^(?:(?:{_VERBS})\s+)?(?:{_BY})\s+", re.I)
#: lowercase words allowed between names: connectors, by-words, credit verbs
_CONNECTORS = frozenset(
    "and und et y e en og och with mit avec con for für pour in".split() + re.findall(r"\w+", f"{_BY} {_VERBS}")
)
_WORDS = re.compile(r"[^\W\d_][^\W\d_'’.-]*")
CREDIT_MAX_WORDS = 16
CREDIT_BLOCKS = 4  # only the first few blocks: a credit line heads the article
_TAGS = ("p", "div", "span", "address", "small", "li")


def credit_line(text: str) -> bool:
    """A short line that starts with a credit word and then holds only names (and dates)."""
    match = CREDIT_START.match(text)
    if match is None:
        return False
    words = _WORDS.findall(text[match.end() :])
    if not words or len(words) > CREDIT_MAX_WORDS:
        return False
    return all(w[0].isupper() or w.casefold() in _CONNECTORS for w in words)


def drop_credit_lines(root: HtmlElement) -> HtmlElement:
    """Drop credit lines among the first CREDIT_BLOCKS blocks with text (in place)."""
    seen = 0
    for element in list(root.iter(*_TAGS)):
        if element is root or element.getparent() is None:
            continue
        text = text_of(element)
        if (
            not text
            or element.xpath("ancestor::figure")
            or any(child.tag in _TAGS and text_of(child) for child in element)
        ):
            continue  # a wrapper: its blocks are judged one by one
        if credit_line(text):
            element.drop_tree()
            continue
        seen += 1
        if seen >= CREDIT_BLOCKS:
            break
    return root
