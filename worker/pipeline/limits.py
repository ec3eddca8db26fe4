"""Resource limits the pipeline enforces; plain data so the pipeline needs no settings object.

Each limit is a cheap check in front of a stage whose cost grows with what it bounds: the defaults keep
any page under `max_page_bytes` within a few seconds of CPU (README: Limits).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    #: Largest page after base64 and gzip decoding. Gzip is inflated in chunks against this bound.
    max_page_bytes: int = 10 * MB
    #: Most elements in the parsed tree; checked on the text before parsing, and on the tree.
    max_dom_nodes: int = 60_000
    #: Deepest nesting. libxml2 stops at 255 and drops the rest of the page, so stay below it.
    max_dom_depth: int = 250
    #: Most block elements (p, div, li, td, ...: each one a segment the learned body stage scores).
    max_dom_blocks: int = 25_000
    #: Most characters of text in the body (scripts and styles aside): the text stages cost ~1 µs a character.
    max_text_chars: int = 2_000_000
    #: Most elements with a link (`href` or `src`): each one is resolved against the page URL (~50 µs).
    max_links: int = 20_000
    #: Most attributes in the whole page: every stage that walks, copies or serialises the tree pays for each.
    max_page_attributes: int = 200_000
    #: Most attributes on one start tag; libxml2's duplicate check is quadratic in them (counted before parsing).
    max_attributes: int = 500
    #: Most `&` (entity and character references) in the page; the sanitiser pays for each one.
    max_entity_refs: int = 100_000
    #: Largest JSON-LD block, in characters; a larger block is ignored (the page is still read).
    max_jsonld_chars: int = 1 * MB
    #: Deepest JSON-LD nesting of arrays and objects; a deeper block is ignored (the page is still read).
    max_jsonld_depth: int = 64
