"""Boilerplate inside an article element: widgets, hidden nodes, share bars, link lists.

General markup rules only (tags, hidden-ness, class/id words that name page furniture, link
density); nothing keyed to one site.
"""

from __future__ import annotations

import itertools
import re

from lxml.html import HtmlElement

DROP_TAGS = frozenset(
    "script style noscript form button input select textarea iframe svg nav aside footer template object embed "
    "canvas dialog menu".split()
)
#: class/id words of page furniture (sharing, related links, newsletters, ads, comments, bylines),
#: matched per token of the class/id ("share-bar" yes, "amend-a-shared-changeset" no).
FURNITURE_PREFIX = re.compile(
    r"^(?:share(?!d)|sharing|social|related|newsletter|promo|comment|advert|sponsor|subscri|recirc|outbrain|"
    r"taboola|breadcrumb|pagination|masthead|toolbar|signup|byline|dateline|timestamp|cookie|popup|modal|"
    r"sidebar|footer)"
)
FURNITURE_WORDS = frozenset("ad ads tag tags menu nav meta print author authors".split())
_TOKENS = re.compile(r"[^a-z0-9]+")
#: a whole element saying only this is a label of page furniture, not article text
FURNITURE_LINE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|related(?: articles| stories| content| posts)?|"
    r"read more|read next|more stories|most (?:popular|read|viewed|shared)|recommended(?: for you)?|"
    r"you (?:may|might) also like|share(?: this)?(?: article| story| post)?|like this:?|also read|trending)$",
    re.I,
)
#: a block that starts with one of these headings is a list of other stories
FURNITURE_HEADING = re.compile(
    r"^(?:more |most (?:popular|read|viewed|shared)|related|recommended|you (?:may|might) also|popular|trending|"
    r"also read|read (?:more|next)|editor'?s picks|latest (?:news|stories)|top stories)",
    re.I,
)
CONTAINERS = ("div", "section", "ul", "ol", "aside", "table")
TEXT_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
SMALL_WIDGET = 200
MEDIA_TAGS = ("img", "picture", "video", "audio", "source", "table", "pre", "code", "blockquote")
LINK_LIST_DENSITY = 0.5
LINK_LIST_MAX_CHARS = 1000


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def hidden(element: HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


_OFFSET = re.compile(r"(?:^|;)\s*(top|left|right|bottom)\s*:\s*-?[\d.]+%", re.I)


def chart_label(element: HtmlElement) -> bool:
    """Text placed by percent offsets on a picture (the labels of a chart exported as HTML, e.g.
    by ai2html): axis ticks and annotations, not sentences of the article."""
    sides = {m.lower() for m in _OFFSET.findall(element.get("style") or "")}
    return "top" in sides and bool(sides & {"left", "right"})


def link_density(element: HtmlElement) -> float:
    total = len(text_of(element)) or 1
    return sum(len(text_of(a)) for a in element.iter("a")) / total


#: phrasing elements: inside a sentence they are words of the article, whatever their class
INLINE_TAGS = frozenset("a span em strong b i u abbr cite mark small sup sub q dfn kbd var time".split())
_WORD = re.compile(r"\w")


def is_furniture(element: HtmlElement) -> bool:
    if element.tag in TEXT_TAGS or in_prose(element):
        return False
    if _furniture_words(element.get("class") or ""):
        return True
    return _furniture_words(element.get("id") or "") and not heading_anchor(element)


def _furniture_words(names: str) -> bool:
    return any(w in FURNITURE_WORDS or FURNITURE_PREFIX.match(w) for w in _TOKENS.split(names.lower()) if w)


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def heading_anchor(element: HtmlElement) -> bool:
    """An id made from the element's own first heading ("sharing-with-a-team" on a section titled
    "Sharing with a team"): a slug of article text, not the name of a widget."""
    ident = [w for w in _TOKENS.split((element.get("id") or "").lower()) if w]
    if len(ident) < 2:
        return False
    heading = next(element.iter(*HEADINGS), None)
    if heading is None:
        return False
    return ident == [w for w in _TOKENS.split(heading.text_content().casefold()) if w]


def in_prose(element: HtmlElement) -> bool:
    """An inline element with words of its parent's own text right before or after it: part of a
    sentence (a glossed word, a popup note), not a widget sitting beside the text."""
    parent = element.getparent()
    if element.tag not in INLINE_TAGS or parent is None:
        return False
    previous = element.getprevious()
    before = previous.tail if previous is not None else parent.text
    return bool(_WORD.search(before or "")) or bool(_WORD.search(element.tail or ""))


def strip_boilerplate(root: HtmlElement, *, by_class: bool) -> HtmlElement:
    """Drop widgets, hidden nodes and link lists under `root` (in place), and elements whose class
    or id names page furniture: all of them with `by_class`, else only small ones (a share bar, a
    byline line), which cannot be a wrapper around the article."""
    for figure in list(root.iter("figure")):
        if figure.getparent() is not None and not _has_media(figure):
            figure.drop_tree()  # the caption of a player we drop describes nothing left
    for element in list(root.iter()):
        if element is root or not isinstance(element.tag, str) or element.getparent() is None:
            continue
        furniture = is_furniture(element) and (by_class or len(text_of(element)) < SMALL_WIDGET)
        if element.tag in DROP_TAGS or hidden(element) or furniture or chart_label(element):
            element.drop_tree()
    for element in list(root.iter(*CONTAINERS)):
        if element is root or element.getparent() is None:
            continue
        if (_link_list(element) and not _note_list(element)) or _story_list(element):
            element.drop_tree()
    for element in list(root.iter()):
        if element is root or element.getparent() is None or not _small(element):
            continue
        if FURNITURE_LINE.match(text_of(element)):
            element.drop_tree()
    return root


def _has_media(figure: HtmlElement) -> bool:
    """An image, video or table inside, a lazy image in <noscript>, or a declared media object."""
    if next(figure.iter(*MEDIA_TAGS), None) is not None:
        return True
    if any("<img" in (n.text or "") or n.find(".//img") is not None for n in figure.iter("noscript")):
        return True
    return "object" in (figure.get("itemtype") or "").lower()


def _small(element: HtmlElement, limit: int = 4) -> bool:
    """At most `limit` elements deep inside: a label, not a block (keeps the label pass linear)."""
    return sum(1 for _ in itertools.islice(element.iter(), limit + 1)) <= limit


def _link_list(element: HtmlElement) -> bool:
    if element.getparent() is not None and element.getparent().tag in ("td", "th"):
        return False  # a linked cell of a table is a value of the table
    return link_density(element) > LINK_LIST_DENSITY and len(text_of(element)) < LINK_LIST_MAX_CHARS


PROSE_ITEM_CHARS = 80


def _note_list(element: HtmlElement) -> bool:
    """A list with prose items is notes; a sub-list under an item's own unlinked words ("In
    progress:") belongs to that item. (A menu's sub-list hangs under a link, and goes.)"""
    parent = element.getparent()
    if element.tag in ("ul", "ol") and parent is not None and parent.tag == "li":
        own = [parent.text or ""] + [child.tail or "" for child in parent]
        if _WORD.search(" ".join(own)):
            return True
    return has_prose_item(element)


def has_prose_item(element: HtmlElement) -> bool:
    """An item or paragraph with a sentence of its own outside its links: a list of notes that
    cite links (a changelog, a bug list), not a list of links to other pages."""
    for item in element.iter("li", "p", "dd"):
        linked = sum(len(text_of(a)) for a in item.iter("a"))
        if len(text_of(item)) - linked >= PROSE_ITEM_CHARS:
            return True
    return False


def _story_list(element: HtmlElement) -> bool:
    """'More stories' / 'Most popular' blocks: a furniture heading first, then mostly links."""
    first = next((t.strip() for t in element.itertext() if t.strip()), "")
    return bool(FURNITURE_HEADING.match(first)) and link_density(element) > 0.3


def drop_title_heading(root: HtmlElement, title: str | None) -> HtmlElement:
    """The headline repeated as the body's first heading: it is the `title` field already."""
    if not title:
        return root
    wanted = " ".join(title.split()).casefold()
    for heading in root.iter("h1", "h2"):
        text = text_of(heading).casefold()
        if heading.getparent() is not None and (
            text == wanted or (leading(root, heading) and _title_part(text, wanted))
        ):
            heading.drop_tree()
        break
    return root


def leading(root: HtmlElement, heading: HtmlElement) -> bool:
    """No text of the body comes before `heading`: it opens the article."""
    for element in root.iter():
        if element is heading:
            return True
        if _WORD.search(element.text or "") or (element is not root and _WORD.search(element.tail or "")):
            if heading in element.iterancestors() or element in heading.iterancestors():
                continue
            return False
    return False


def _title_part(text: str, title: str) -> bool:
    """A piece of the headline (a kicker, half of a two-line title): two words or more, inside it."""
    return len(_TOKENS.split(text.strip())) >= 2 and text.strip(" :|-") in title


BYLINE_MAX_CHARS = 250
BYLINE_BLOCKS = 6  # only the first few blocks of the body: a byline heads the article
_BYLINE_START = re.compile(r"^(?:by|par|von|por|di|door|av|af)\b|\d", re.I)
_BYLINE_BLOCK_TAGS = ("p", "div", "span", "li", "address", "section", "header")


def drop_byline_lines(root: HtmlElement, names: list[str]) -> HtmlElement:
    """A short block near the top that names the author next to "By" or a date is the byline or
    dateline; `authors` and `date_published` carry it already."""
    wanted = [n.casefold() for n in names if n]
    if not wanted:
        return root
    seen = 0
    for element in list(root.iter(*_BYLINE_BLOCK_TAGS)):
        if element is root or element.getparent() is None:
            continue
        text = text_of(element)
        if not text:
            continue
        if _byline_text(text, wanted):
            element.drop_tree()
            continue
        if element.tag == "p" or len(text) > BYLINE_MAX_CHARS:
            seen += 1
            if seen >= BYLINE_BLOCKS:
                break
    return root


def _byline_text(text: str, names: list[str]) -> bool:
    folded = text.casefold()
    if len(text) > BYLINE_MAX_CHARS or not any(n in folded for n in names):
        return False
    return bool(_BYLINE_START.search(text)) or any(folded.startswith(n) for n in names)
