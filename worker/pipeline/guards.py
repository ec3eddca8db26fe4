"""Guards against hostile markup: cheap scans before the stages such markup would stall, and repairs of
what lxml would refuse later.

Before the parse (text scans at C speed, linear in the page):
- `&` over `max_entity_refs`: every reference costs the text stages and the sanitiser (3 million cost 48 s).
- attributes per start tag. libxml2 checks
each attribute against the tag's others (quadratic: 10^5 attributes on one element cost 40 s, 10^6 over a
minute); over `max_attributes` the page is refused. Start tags are tokenised as HTML does (quoted values
may hold `>`; names may hold `<`, `"`, `=`), with possessive quantifiers, so the scan never backtracks;
only the rare tags long enough to hold that many attributes are counted.

After the parse (on the tree):
- block elements over `max_dom_blocks`: each is a segment the learned stages score (~80 µs each);
  text in the body (scripts and styles aside) over `max_text_chars`: ~1 µs a character;
  attributes in the page over `max_page_attributes`: ~10 µs each, over all the stages; elements with an
  `href` or `src` over `max_links`: each URL is resolved against the page's (~50 µs).
- JSON-LD blocks larger than `max_jsonld_chars` or nested deeper than `max_jsonld_depth` are
  emptied (the page is still read, without them): json's C decoder recurses once per level.
- control characters (C0 but tab, newline, return; U+FFFE, U+FFFF), which libxml2 keeps in
  attribute values and text (`&#1;`, or raw), are removed wherever they are: lxml refuses to set
  such a string later (`make_links_absolute`: "All strings must be XML compatible").

Before the sanitiser: `&` in the body's HTML over `max_entity_refs` again (text `<`, `>` and `&` come out
of lxml's serialiser as references, each one a few microseconds of ammonia's time).
"""

from __future__ import annotations

import re

import numpy as np
from lxml.html import HtmlElement

from schemas.reasons import DocumentTooComplex, HostileMarkup

from .limits import Limits

# One start tag, tokenised as HTML does, possessively (each character is read once).
_START_TAG = re.compile(
    r"""<[a-zA-Z][^\s/>]*+(?:[\s/]++|[^\s/>=][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]++)?+)?+|=[^\s/>]*+)*+"""
)
# One attribute of a start tag (its name, and its value if any); separators are skipped between matches.
_ATTRIBUTE = re.compile(r"""[^\s/>=][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]++)?+)?+|=[^\s/>=]*+""")
_TAG_NAME = re.compile(r"<[^\s/>]*+")
# A start tag can only hold N attributes if it is at least 2N characters long.
_LONG_TAG = 2

# Characters lxml refuses in attribute values and text, raw or as a numeric reference.
_NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"
_NOT_XML_CHAR = re.compile(_NOT_XML)
# A numeric reference to such a character. Searched apart from the raw characters (and only when the page
# holds "&#"): one pattern of both, an alternation tried at every position, cost twice as much.
_NOT_XML_REF = re.compile(
    r"&#(?:[xX]0*+(?:1?[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F])|0*+(?:[12]?[0-9]|3[01]|6553[45])(?![0-9]))"
)

BLOCK_FREE = frozenset(
    # inline and invisible elements: no segment of their own (worker/pipeline/html/segments.py)
    "a abbr acronym b bdi bdo big br cite code data del dfn em font i img ins kbd label mark nobr q rp rt ruby "
    "s samp small span strike strong sub sup time tt u var wbr picture button "
    "script style template head title meta link svg math iframe object embed canvas select option "
    "optgroup textarea input datalist audio video source track map area param base html body".split()
)
_NOT_TEXT = frozenset({"script", "style", "template", "noscript"})
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")


def prescan(text: str, limits: Limits) -> None:
    """Raise HostileMarkup for an entity or an attribute flood, before anything parses the page."""
    refs = text.count("&")
    if refs > limits.max_entity_refs:
        raise HostileMarkup(
            f"page holds {refs} '&' (entity references), more than the {limits.max_entity_refs} allowed"
        )
    most = most_attributes(text, limits.max_attributes)
    if most > limits.max_attributes:
        raise HostileMarkup(f"an element has {most} attributes, more than the {limits.max_attributes} allowed")
    # The scan above trusts `<script` wherever it stands; one in an attribute value would hide a flood
    # after it. Counted everywhere, a far higher bound still holds (20,000 attributes parse in ~1.6 s).
    ceiling = limits.max_attributes * _EVERYWHERE_FACTOR
    most = most_attributes(text, ceiling, everywhere=True)
    if most > ceiling:
        raise HostileMarkup(f"a start tag reads as {most} attributes, more than the {ceiling} allowed")


_EVERYWHERE_FACTOR = 40  # scripts' markup strings read up to ~13,000 "attributes" on real pages
_RAW_TEXT = re.compile(r"<(/?)(script|style)(?=[\s/>])", re.I)


def markup_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` outside script and style contents, in order. A parser reads no tag in
    there, but scripts often build markup in strings (`"<input " + ...`), which a tag scan would read
    as one start tag running on for thousands of "attributes" (seen on real pages). Linear: one scan
    for the open and close tags, a raw-text stretch ending at the first matching close."""
    spans: list[tuple[int, int]] = []
    start = 0
    inside: str | None = None
    for match in _RAW_TEXT.finditer(text):
        closing, name = match.group(1) == "/", match.group(2).lower()
        if inside is None and not closing:
            spans.append((start, match.start()))
            inside = name
        elif inside == name and closing:
            start, inside = match.start(), None
    if inside is None:
        spans.append((start, len(text)))
    return spans


def most_attributes(text: str, over: int, *, everywhere: bool = False) -> int:
    """The attribute count of the start tag with the most, counting only tags long enough to hold `over`
    and only tags a parser would read (not inside scripts or styles)."""
    if len(text) <= _LONG_TAG * over:
        return 0
    most = 0
    for begin, end in [(0, len(text))] if everywhere else markup_spans(text):
        if end - begin <= _LONG_TAG * over:
            continue
        for match in _START_TAG.finditer(text, begin, end):
            if match.end() - match.start() > _LONG_TAG * over:
                tag = match.group()
                name = _TAG_NAME.match(tag)
                most = max(most, len(_ATTRIBUTE.findall(tag, name.end() if name else 1)))
    return most


def check_tree(root: HtmlElement, text: str, limits: Limits) -> None:
    """After the parse: the block limit, JSON-LD bounds, and control characters removed."""
    blocks = attributes = links = chars = 0
    for element in root.iter():  # one pass in Python; an XPath over text() is quadratic in libxml2's node sets
        tag = element.tag
        blocks += tag not in BLOCK_FREE
        attrib = element.attrib
        if attrib:
            attributes += len(attrib)
            links += "href" in attrib or "src" in attrib
        if element.text and tag not in _NOT_TEXT:
            chars += len(element.text)
        if element.tail:
            chars += len(element.tail)
    if blocks > limits.max_dom_blocks:
        raise DocumentTooComplex(f"page has {blocks} block elements, more than the {limits.max_dom_blocks} allowed")
    if links > limits.max_links:
        raise DocumentTooComplex(f"page has {links} links and images, more than the {limits.max_links} allowed")
    if attributes > limits.max_page_attributes:
        raise DocumentTooComplex(
            f"page has {attributes} attributes, more than the {limits.max_page_attributes} allowed"
        )
    if chars > limits.max_text_chars:
        raise DocumentTooComplex(f"page has {chars} characters of text, more than the {limits.max_text_chars} allowed")
    bound_jsonld(root, limits)
    if may_hold_not_xml(text):
        strip_not_xml(root)


def may_hold_not_xml(text: str) -> bool:
    """True when the page holds a character lxml refuses, raw or as a numeric reference."""
    return bool(_NOT_XML_CHAR.search(text) or ("&#" in text and _NOT_XML_REF.search(text)))


def check_entities(html: str, limits: Limits) -> None:
    """Raise HostileMarkup when the body's HTML holds more references than the sanitiser may pay for."""
    refs = html.count("&")
    if refs > limits.max_entity_refs:
        raise HostileMarkup(f"body holds {refs} entity references, more than the {limits.max_entity_refs} allowed")


def bound_jsonld(root: HtmlElement, limits: Limits) -> None:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        if len(script.text) > limits.max_jsonld_chars or jsonld_depth(script.text) > limits.max_jsonld_depth:
            script.text = None


def jsonld_depth(text: str) -> int:
    """Deepest nesting of [ and { outside strings (an upper bound when a string is unterminated)."""
    if text.count("[") + text.count("{") <= 1:
        return text.count("[") + text.count("{")
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    if not brackets:
        return 0
    codes = np.frombuffer(brackets.encode("ascii"), dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1)
    return int(np.cumsum(steps).max())


def strip_not_xml(root: HtmlElement) -> None:
    """Remove control characters from every attribute value and text; drop attributes whose name has one."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        attrib = element.attrib
        if any(_NOT_XML_CHAR.search(name) or _NOT_XML_CHAR.search(value) for name, value in attrib.items()):
            kept = [
                (name, _NOT_XML_CHAR.sub("", value)) for name, value in attrib.items() if not _NOT_XML_CHAR.search(name)
            ]
            attrib.clear()
            for name, value in kept:
                element.set(name, value)
        if element.text and _NOT_XML_CHAR.search(element.text):
            element.text = _NOT_XML_CHAR.sub("", element.text)
        if element.tail and _NOT_XML_CHAR.search(element.tail):
            element.tail = _NOT_XML_CHAR.sub("", element.tail)
