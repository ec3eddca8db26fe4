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

from lxml import etree
from lxml.html import HtmlElement

SKIP = frozenset(
    "script style noscript template head title meta link svg math iframe object embed canvas select option "
    "optgroup textarea input datalist audio video source track map area param base".split()
)
INLINE = frozenset(
    "a abbr acronym b bdi bdo big br cite code data del dfn em font i img ins kbd label mark nobr q rp rt ruby "
    "s samp small span strike strong sub sup time tt u var wbr picture button".split()
)

#: ancestor tags whose presence is a feature, one bit each
CONTEXT_TAGS = (
    "a article main header footer nav aside form figure figcaption li ul ol table blockquote pre code dl "
    "section button label h1 h2 h3 h4 h5 h6 details summary address caption td th".split()
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
    ("hidden", r"hidden|hide|sr-only|screen-reader|offscreen|visually|collapse|invisible"),
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


@dataclass
class _Frame:
    element: HtmlElement
    tags: int
    bits: tuple[int, int, int]  # own, parent, grandparent class families (for `near`)
    far: int
    hidden: bool
    depth: int


def _own_bits(element: HtmlElement) -> int:
    value = element.get("class")
    ident = element.get("id")
    if ident:
        value = f"{value} {ident}" if value else ident
    return class_bits(value) if value else 0


def _is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _STYLE_HIDDEN.search(style))


def segment(root: HtmlElement) -> list[Segment]:
    """Every segment holding at least one letter or digit, in document order."""
    out: list[Segment] = []
    body = root.find("body")
    frames: list[_Frame] = []
    current: Segment | None = None
    link_depth = 0
    blocks = 0

    def close() -> None:
        nonlocal current
        if current is not None and current.parts:
            text = " ".join("".join(current.parts).split())
            if any(c.isalnum() for c in text):
                current.text = text
                out.append(current)
        current = None

    def add(text: str, piece: Piece | None) -> None:
        """Text in the flow of the innermost open block: the current segment, or a new one."""
        nonlocal current
        if current is None:
            frame = frames[-1]
            near = frame.bits[0] | frame.bits[1] | frame.bits[2]
            current = Segment(frame.element, frame.depth, frame.tags, near, frame.far, frame.hidden, blocks)
        current.parts.append(text)
        if piece is not None and (piece[1] is current.owner or piece[1].getparent() is current.owner):
            current.pieces.append(piece)
        if link_depth:
            current.link_chars += len(text.strip())

    walker = etree.iterwalk(body if body is not None else root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            if tag in SKIP:
                walker.skip_subtree()
                continue
            parent = frames[-1] if frames else None
            own = _own_bits(element)
            if parent is None:
                frame = _Frame(element, _TAG_BIT.get(tag, 0), (own, 0, 0), own, _is_hidden(element), 0)
            else:
                frame = _Frame(
                    element,
                    parent.tags | _TAG_BIT.get(tag, 0),
                    (own, parent.bits[0], parent.bits[1]),
                    parent.far | own,
                    parent.hidden or _is_hidden(element),
                    parent.depth + 1,
                )
            if tag in INLINE and parent is not None:
                if current is None:
                    add("", None)
                assert current is not None
                if element.getparent() is current.owner:
                    current.pieces.append(("elem", element))
                current.tags |= _TAG_BIT.get(tag, 0)
                current.near |= own
                if tag == "a":
                    link_depth += 1
                    current.links += 1
                elif tag == "img":
                    current.images += 1
                elif tag == "br":
                    current.parts.append("\n")
                frames.append(frame)
                if element.text:
                    add(element.text, None)
            else:
                close()
                blocks += 1
                frames.append(frame)
                if element.text:
                    add(element.text, ("text", element))
        else:
            if tag not in SKIP:
                frames.pop()
                if tag == "a":
                    link_depth -= 1
                if tag not in INLINE or not frames:
                    close()
            if element.tail and frames:
                add(element.tail, ("tail", element))
    close()
    return out
