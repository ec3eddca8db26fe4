"""The flattened-text path: pages that arrive as visible text without markup."""

from __future__ import annotations

from .reader import read_text

__all__ = ["read_text"]
