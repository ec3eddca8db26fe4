"""Resource limits the pipeline enforces; plain data so the pipeline needs no settings object."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    #: Largest page after base64 and gzip decoding. Gzip is inflated in chunks against this bound.
    max_page_bytes: int = 10 * MB
    #: Most elements in the parsed tree; checked on the text before parsing, and on the tree.
    max_dom_nodes: int = 300_000
    #: Deepest nesting. libxml2 stops at 255 and drops the rest of the page, so stay below it.
    max_dom_depth: int = 250
