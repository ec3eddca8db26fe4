"""Development-set pages in the Readability.js test-page layout (one folder per page)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "eval" / "readability-testpages"


@dataclass(frozen=True)
class DevPage:
    name: str
    folder: Path

    @cached_property
    def source(self) -> bytes:
        return gzip.decompress((self.folder / "source.html.gz").read_bytes())

    @cached_property
    def metadata(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.folder / "expected-metadata.json").read_text(encoding="utf-8"))
        return data

    @property
    def readerable(self) -> bool:
        return bool(self.metadata.get("readerable", True))

    @cached_property
    def expected_text(self) -> str:
        """The true body: expected.html through html-text, as the reference figures were made."""
        import html_text

        html = gzip.decompress((self.folder / "expected.html.gz").read_bytes()).decode("utf-8")
        return str(html_text.extract_text(html))

    @property
    def url(self) -> str:
        """The set records no URL; relative links resolve against the test suite's own stand-in."""
        return "http://fakehost/test/page.html"  # what the Readability.js test suite uses


def load(directory: Path = DEFAULT_DIR, *, readerable_only: bool = True) -> list[DevPage]:
    folders = sorted(p for p in directory.iterdir() if (p / "source.html.gz").is_file())
    pages = [DevPage(p.name, p) for p in folders]
    return [p for p in pages if p.readerable] if readerable_only else pages
