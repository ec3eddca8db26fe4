"""readability-lxml's algorithm, without its avoidable costs; the same article, element for element.

Profiling on the dev set showed readability spending most of its time outside its own scoring:
`clean()` (a backtracking regex, run for every text length), copying the tree a second time and
rewriting every link of the page (lxml's Cleaner), and serialising each <div>'s children to look
for block tags. Here those steps are done in linear time on the tree we already parsed, with the
same results (readability_private.py holds the faster helpers). Links are made absolute on the
extracted article only, as readability would have made them on the whole page.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring
from lxml_html_clean import Cleaner

from .readability_private import REGEXES, Document, Unparseable, forget_page

__all__ = ["TreeDocument", "Unparseable"]

# readability's "divToPElementsRe" searched serialised markup for "<" + one of these (a prefix match).
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")
_INLINE = frozenset("a b cite code em font i small span strong sub sup u".split())
_JS_LINKS: Any = Cleaner()  # only for its javascript-link test, as readability's cleaner applied it
# readability's per-element XPaths, compiled once (an `elem.xpath(str)` call compiles its expression each
# time: three times the cost); `descendant::*` is the same node-set as `.//*`, in the same order, without the
# descendant-or-self::node() step libxml2 expands first.
_WITH_CLASS_OR_ID: Any = etree.XPath("descendant::*[@class or @id]")
_IN_CODE: Any = etree.XPath("ancestor-or-self::pre | ancestor-or-self::code")
# On the copy's root element, the same node-sets as `//*[@hidden]`, `//*[@style]` and `//base[@href]`.
_HIDDEN: Any = etree.XPath("descendant-or-self::*[@hidden]")
_STYLED: Any = etree.XPath("descendant-or-self::*[@style]")
_BASE: Any = etree.XPath("descendant-or-self::base[@href]")
_HOLDS_ARTICLE: Any = etree.XPath("descendant-or-self::main | descendant-or-self::article | descendant-or-self::math")


def _is_block(elem: HtmlElement) -> bool:
    tag = elem.tag
    return isinstance(tag, str) and tag.lower().startswith(_BLOCK_PREFIXES)


def _with_block_descendant(root: HtmlElement) -> set[HtmlElement]:
    """Every element that has a block-like descendant, in one pass instead of one per <div>."""
    marked: set[HtmlElement] = set()
    for elem in root.iter():
        if _is_block(elem):
            for ancestor in elem.iterancestors():
                if ancestor in marked:
                    break
                marked.add(ancestor)
    return marked


def _has_block_descendant(elem: HtmlElement) -> bool:
    return any(_is_block(e) for e in elem.iterdescendants())


class TreeDocument(Document):  # type: ignore[misc]
    """A Document over an already-parsed tree, which it never modifies (each pass gets a copy)."""

    def __init__(self, tree: HtmlElement, url: str) -> None:
        super().__init__(tree, url=url)
        self._tree = tree
        self.base_href: str | None = None
        #: element of the working copy -> the same element of our tree (set by each pass)
        self.origin: dict[HtmlElement, HtmlElement] = {}
        #: readability's top candidate and its candidates' scores, as our tree's elements
        self.best: HtmlElement | None = None
        self.scores: dict[HtmlElement, float] = {}

    def _parse(self, input: Any) -> HtmlElement:  # readability's parameter name
        forget_page()
        doc: HtmlElement = copy.deepcopy(self._tree)
        self.origin = dict(zip(doc.iter(), self._tree.iter(), strict=True))
        for elem in _HIDDEN(doc):
            elem.drop_tree()
        for elem in _STYLED(doc):
            if REGEXES["displayNoneRe"].search(elem.get("style")):
                elem.drop_tree()
        # What readability's lxml Cleaner changed that its scoring can see, in the Cleaner's order.
        for elem in doc.iter("image"):
            elem.tag = "img"
        doomed = list(doc.iter("script", "style", "link"))
        for elem in doomed:
            elem.drop_tree()
        for elem in _BASE(doc):  # lxml's resolve_base_href: the last one wins
            self.base_href = elem.get("href") or None
            elem.drop_tree()
        for iframe in doc.iter("iframe"):  # readability keeps video iframes by their absolute src
            self.absolutize(iframe)
        return doc

    def get_article(
        self, candidates: dict[HtmlElement, Any], best_candidate: dict[str, Any], html_partial: bool = False
    ) -> HtmlElement:
        """readability's, after noting its choice in our tree's elements (the learned stage reads it)."""
        origin = self.origin
        self.best = origin.get(best_candidate["elem"])
        self.scores = {origin[e]: float(c["content_score"]) for e, c in candidates.items() if e in origin}
        article: HtmlElement = super().get_article(candidates, best_candidate, html_partial=html_partial)
        return article

    def kept(self) -> set[HtmlElement]:
        """Our tree's elements that survived into readability's article (after a `summary()`)."""
        origin = self.origin
        return {o for e in self.html.iter() if (o := origin.get(e)) is not None}

    def get_clean_html(self) -> str:
        """The article's markup, its links first made absolute (before serialising, as readability
        did: libxml2 percent-escapes whitespace in URLs, which lxml strips from links), and without
        the attributes readability's cleaner removed from the whole page."""
        etree.strip_attributes(self.html, "style")
        for elem in self.html.iter(etree.Element):
            for name in [name for name in elem.attrib if name.startswith("on")]:
                del elem.attrib[name]
        self.absolutize(self.html)
        html: str = super().get_clean_html()
        return html

    def absolutize(self, elem: HtmlElement) -> None:
        """Links in `elem` as readability's cleaner and make_links_absolute would have left them."""
        elem.rewrite_links(_JS_LINKS._remove_javascript_link, resolve_base_href=False)
        if self.base_href:
            elem.make_links_absolute(self.base_href, resolve_base_href=False, handle_failures="discard")
        elem.make_links_absolute(self.url, resolve_base_href=False, handle_failures="discard")

    def keep_unlikely(self, elem: HtmlElement) -> bool:
        """A hook for subclasses: keep this element although its class/id looks unlikely."""
        return False

    def remove_unlikely_candidates(self) -> None:
        # Only elements with a class or id can match; the same elements, in the same order.
        unlikely, maybe = REGEXES["unlikelyCandidatesRe"], REGEXES["okMaybeItsACandidateRe"]
        for elem in _WITH_CLASS_OR_ID(self.html):
            s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
            if len(s) < 2:
                continue
            if (
                unlikely.search(s)
                and (not maybe.search(s))
                and elem.tag not in ["html", "body"]
                and not self.keep_unlikely(elem)
                and not _IN_CODE(elem)
                and not _HOLDS_ARTICLE(elem)
            ):
                elem.drop_tree()

    def transform_misused_divs_into_paragraphs(self) -> None:
        """readability's own, with the serialise-and-regex tests replaced by tree tests."""
        has_block = _with_block_descendant(self.html)
        for elem in self.tags(self.html, "div"):
            if elem not in has_block:
                elem.tag = "p"

        for elem in self.tags(self.html, "div"):
            children = list(elem)
            paragraph = None
            if elem.text and elem.text.strip():
                p = fragment_fromstring("<p/>")
                p.text = elem.text
                elem.text = None
                elem.insert(0, p)
                paragraph = p

            for child in children:
                if child.tag == "br":
                    paragraph = None
                    continue
                if child.tag not in _INLINE or _has_block_descendant(child):
                    paragraph = None
                    continue
                if paragraph is None:
                    paragraph = fragment_fromstring("<p/>")
                    child.addprevious(paragraph)
                paragraph.append(child)

            for pos, child in reversed(list(enumerate(elem))):
                if child.tail and child.tail.strip():
                    p = fragment_fromstring("<p/>")
                    p.text = child.tail
                    child.tail = None
                    elem.insert(pos + 1, p)
                if child.tag == "br":
                    child.drop_tree()
