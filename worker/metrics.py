"""Prometheus metrics (placeholder until the metrics extra is wired)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .outcomes import PageOutcome


def observe(page: PageOutcome) -> None:
    """Count one page's outcome; a no-op while metrics are off."""
