"""Resource limits the pipeline enforces; plain data so the pipeline needs no settings object."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    #: Largest page after base64 and gzip decoding. Gzip is inflated in chunks against this bound.
    max_page_bytes: int = 10 * MB
    #: Most elements in the parsed tree. Depth needs no limit of ours: libxml2's HTML parser stops at 256.
    max_dom_nodes: int = 300_000
