"""The page as a sequence of text segments: what the learned body stage classifies.

A segment is one run of text in reading order that a browser would lay out as one block: the text
of a block element (`p`, `li`, `h2`, a `div` holding words directly, ...) with its inline children,
up to the next nested block. `<div>Intro <p>Body</p> more</div>` gives three segments: "Intro"
(owned by the div), "Body" (the p) and "more" (the div again). Each segment remembers the
pieces of markup that hold its text (the owner's `.text`, whole inline children, a nested block's
`.tail`), so that dropping it from a copy of the tree removes exactly its words.

One pass over the tree (lxml's `iterwalk`, in C) with a stack of inherited context: tags and
class/id words of the ancestors, link depth, hidden-ness. Invisible and non-text elements
(script, style, template, forms' controls, svg) are skipped whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlElement

SKIP = frozenset(
    "script style template head title meta link svg math iframe object embed canvas select option "
    "optgroup textarea input datalist audio video source track map area param base".split()
)
INLINE = frozenset(
    "a abbr acronym b bdi bdo big br cite code data del dfn em font i img ins kbd label mark nobr q rp rt ruby "
    "s samp small span strike strong sub sup time tt u var wbr picture button".split()
)

#: ancestor tags whose presence is a feature, one bit each
CONTEXT_TAGS = (
    "a article main header footer nav aside form figure figcaption li ul ol table blockquote pre code dl "
    "section button label h1 h2 h3 h4 h5 h6 details summary address caption td th noscript".split()
)
_TAG_BIT = {tag: 1 << i for i, tag in enumerate(CONTEXT_TAGS)}

#: class/id word families, one bit each: words of page furniture and of article containers
CLASS_WORDS: tuple[tuple[str, str], ...] = (
    ("comment", r"comment|disqus|repl(?:y|ies)|respond|discussion|forum"),
    ("share", r"share|sharing|social|facebook|twitter|linkedin|whatsapp|pinterest|sociable|addthis"),
    ("related", r"related|recommend|readmore|read-more|more-?stor|also|suggest|similar|trending|popular|most|next"),
    ("footer", r"foot|copyright|legal|colophon|bottom"),
    ("header", r"header|masthead|top-?bar|topnav|banner"),
    ("nav", r"nav|menu|breadcrumb|crumb|pagination|pager|paging|pages|skip"),
    ("sidebar", r"sidebar|aside|widget|rail|secondary|sidebox|side"),
    ("ad", r"^ads?$|advert|sponsor|promo|dfp|gpt|outbrain|taboola|adslot|adunit|ad-|-ad|commercial|affiliate"),
    ("newsletter", r"newsletter|subscri|signup|sign-up|cta|paywall|register|login|signin|membership|donat"),
    ("caption", r"caption|credit|figcaption|photo|image|img|gallery|media|slideshow|carousel|lightbox|embed"),
    ("byline", r"byline|author|meta|date|time|stamp|dateline|posted|published|updated|info"),
    ("tag", r"^tags?$|tag-|categor|topics|keyword|label|badge|pill"),
    ("content", r"content|article|body|entry|post|story|text|prose|main|rich|blog|single|page"),
    ("hidden", r"hidden|hide|sr-only|screen-reader|offscreen|visually|invisible"),
    ("modal", r"cookie|consent|gdpr|modal|popup|overlay|dialog|toast|notif|alert"),
    ("title", r"title|headline|heading|hed|dek|subtitle|standfirst|summary|excerpt|lead|intro|kicker"),
    ("teaser", r"card|teaser|tile|grid|list|item|feed|stream|river|collection|loop|archive"),
    ("product", r"product|price|cart|buy|shop|checkout|sku|offer|review|rating|stars"),
    ("toc", r"toc|table-of-contents|contents|jump"),
    ("quote", r"quote|pull|callout|note|box|highlight|tip|warning|alert"),
    ("button", r"button|btn|icon|logo|svg|arrow|close|toggle"),
    ("search", r"search|form|input|field|filter|sort"),
    ("bio", r"bio|profile|about|avatar|contributor|staff"),
    ("print", r"print|email|mail|rss|download|pdf|bookmark|save"),
)
_FAMILIES = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in CLASS_WORDS))
_FAMILY_BIT = {name: 1 << i for i, (name, _) in enumerate(CLASS_WORDS)}
_SPLIT = re.compile(r"[\s_]+")
_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@lru_cache(maxsize=16384)
def _token_bits(token: str) -> int:
    bits = 0
    for match in _FAMILIES.finditer(token):
        bits |= _FAMILY_BIT[match.lastgroup or ""]
    return bits


@lru_cache(maxsize=4096)
def class_bits(value: str) -> int:
    """The word families named by a class/id string, token by token (cached: pages repeat them)."""
    bits = 0
    for token in _SPLIT.split(value.lower()):
        if token:
            bits |= _token_bits(token)
    return bits


#: a piece of markup holding a segment's text: ("text", owner) = owner.text, ("tail", e) = e.tail,
#: ("elem", e) = an inline child e with everything inside it and its tail
Piece = tuple[str, HtmlElement]


@dataclass
class Segment:
    owner: HtmlElement
    depth: int
    tags: int  # ancestor tags (CONTEXT_TAGS bits), the owner's included
    near: int  # class/id families of the owner and its two nearest ancestors
    far: int  # class/id families of any ancestor
    hidden: bool
    order: int  # the owner's rank among the page's block elements
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    links: int = 0
    images: int = 0
    pieces: list[Piece] = field(default_factory=list)
    text: str = ""


class _Frame(NamedTuple):
    element: HtmlElement
    tags: int
    bits: tuple[int, int, int]  # own, parent, grandparent class families (for `near`)
    far: int
    hidden: bool
    depth: int


def _attributes(element: HtmlElement) -> tuple[int, bool]:
    """(class/id families, hidden) from the few attributes that say them; most elements have none."""
    names = element.keys()
    if not names:
        return 0, False
    bits = 0
    if "class" in names or "id" in names:
        value = " ".join(v for v in (element.get("class"), element.get("id")) if v)
        bits = class_bits(value) if value else 0
    hidden = "hidden" in names or ("aria-hidden" in names and element.get("aria-hidden") == "true")
    if not hidden and "style" in names:
        hidden = bool(_STYLE_HIDDEN.search(element.get("style") or ""))
    return bits, hidden


class _Walker:
    """One pass over the tree: opens a segment at each block, adds inline text to the open one."""

    def __init__(self) -> None:
        self.out: list[Segment] = []
        self.frames: list[_Frame] = []
        self.current: Segment | None = None
        self.link_depth = 0
        self.blocks = 0

    def close(self) -> None:
        current = self.current
        if current is not None and current.parts:
            text = " ".join("".join(current.parts).split())
            if any(c.isalnum() for c in text):
                current.text = text
                self.out.append(current)
        self.current = None

    def open(self) -> Segment:
        frame = self.frames[-1]
        near = frame.bits[0] | frame.bits[1] | frame.bits[2]
        self.current = Segment(frame.element, frame.depth, frame.tags, near, frame.far, frame.hidden, self.blocks)
        return self.current

    def add(self, text: str, piece: Piece | None) -> None:
        """Text in the flow of the innermost open block: the current segment, or a new one."""
        current = self.current or self.open()
        current.parts.append(text)
        if piece is not None and (piece[1] is current.owner or piece[1].getparent() is current.owner):
            current.pieces.append(piece)
        if self.link_depth:
            current.link_chars += len(text.strip())

    def start(self, element: HtmlElement, tag: str) -> None:
        parent = self.frames[-1] if self.frames else None
        own, hidden = _attributes(element)
        bit = _TAG_BIT.get(tag, 0)
        if parent is None:
            frame = _Frame(element, bit, (own, 0, 0), own, hidden, 0)
        else:
            frame = _Frame(
                element,
                parent.tags | bit,
                (own, parent.bits[0], parent.bits[1]),
                parent.far | own,
                parent.hidden or hidden,
                parent.depth + 1,
            )
        if tag in INLINE and parent is not None:
            current = self.current or self.open()
            if element.getparent() is current.owner:
                current.pieces.append(("elem", element))
            current.tags |= bit
            current.near |= own
            if tag == "a":
                self.link_depth += 1
                current.links += 1
            elif tag == "img":
                current.images += 1
            elif tag == "br":
                current.parts.append("\n")
            self.frames.append(frame)
            if element.text:
                self.add(element.text, None)
        else:
            self.close()
            self.blocks += 1
            self.frames.append(frame)
            if element.text:
                self.add(element.text, ("text", element))

    def end(self, element: HtmlElement, tag: str) -> None:
        if tag not in SKIP:
            self.frames.pop()
            if tag == "a":
                self.link_depth -= 1
            if tag not in INLINE or not self.frames:
                self.close()
        if element.tail and self.frames:
            self.add(element.tail, ("tail", element))


def segment(root: HtmlElement) -> list[Segment]:
    """Every segment holding at least one letter or digit, in document order."""
    body = root.find("body")
    walk = _Walker()
    walker = etree.iterwalk(body if body is not None else root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            if tag in SKIP:
                walker.skip_subtree()
            else:
                walk.start(element, tag)
        else:
            walk.end(element, tag)
    walk.close()
    return walk.out
