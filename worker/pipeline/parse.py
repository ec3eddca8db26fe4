"""The single lxml parse every HTML stage shares, with its limits and guards (complexity.py, guards.py)."""

from __future__ import annotations

import lxml.html
from lxml import etree
from lxml.etree import ParserError
from lxml.html import HtmlElement

from schemas.reasons import DocumentTooComplex, EmptyPage

from .complexity import check_depth, precheck
from .guards import check_tree, prescan
from .limits import Limits

# no_network: never fetch a DTD or entity; libxml2's HTML parser expands no custom entities anyway.
_PARSER = lxml.html.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lag behind lxml
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    default_doctype=False,
    collect_ids=False,
)
# Every element proxy lxml.html makes asks HtmlElementClassLookup, a Python method, which class to use (it
# picks form-control classes for form, input, select, textarea, label). No stage uses those classes, and
# the stages make hundreds of thousands of proxies per page: lxml's C default lookup with lxml.html's
# classes gives the same tree and the same articles (every wcxb-dev and readability page) for ~7 % less time.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def parse_html(text: str, limits: Limits) -> HtmlElement:
    """Parse UTF-8 bytes (libxml2's fastest path; also sidesteps lxml's refusal of
    `str` input that carries an XML encoding declaration)."""
    data = text.encode("utf-8", "replace")
    if not data.strip():
        raise EmptyPage("page is empty")
    precheck(text, limits)
    prescan(text, limits)
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except ParserError as exc:
        raise EmptyPage(f"page has no document: {exc}") from None
    # Counted by libxml2 (a Python walk of the tree costs twice as much); the parser keeps no comments or PIs,
    # so this is every node of the tree.
    count = int(root.xpath("count(//*)"))  # type: ignore[arg-type]  # an XPath count() is a float
    if count > limits.max_dom_nodes:
        raise DocumentTooComplex(f"page has {count} elements, more than the {limits.max_dom_nodes} allowed")
    check_depth(root, limits)
    check_tree(root, text, limits)
    if root.find("body") is None:  # head-only page; readability would hand back a bodiless fragment
        raise EmptyPage("page has no body")
    return root
