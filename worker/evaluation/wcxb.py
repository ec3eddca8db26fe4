"""Pages in the WCXB layout (`html/<id>.html.gz` + `ground-truth/<id>.json.gz`), e.g. `shared/eval/wcxb-dev`.

WCXB v1.0, the Web Content eXtraction Benchmark (Murrough Foley, 2026), CC-BY-4.0: people-reviewed
main text, title, author and publication date of real pages of seven page types. Only its dev split
is ever read here; its test split is the project's held-out measure.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parents[2]
#: where the dev split is looked for when no directory is given (first that exists)
CANDIDATES = (_ROOT.parent / "shared" / "eval" / "wcxb-dev", Path("/work/shared/eval/wcxb-dev"))


@dataclass(frozen=True)
class WcxbPage:
    name: str
    folder: Path
    page_type: str
    domain: str

    @cached_property
    def source(self) -> bytes:
        return gzip.decompress((self.folder / "html" / f"{self.name}.html.gz").read_bytes())

    @cached_property
    def record(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            gzip.decompress((self.folder / "ground-truth" / f"{self.name}.json.gz").read_bytes())
        )
        return data

    @property
    def truth(self) -> dict[str, Any]:
        value: dict[str, Any] = self.record.get("ground_truth") or {}
        return value

    @property
    def url(self) -> str:
        return str(self.record.get("url") or f"https://{self.domain or 'example.invalid'}/")

    @property
    def main_content(self) -> str:
        return str(self.truth.get("main_content") or "")

    @property
    def with_snippets(self) -> list[str]:
        return [str(s) for s in self.truth.get("with") or []]

    @property
    def without_snippets(self) -> list[str]:
        return [str(s) for s in self.truth.get("without") or []]

    def field(self, name: str) -> str | None:
        value = self.truth.get(name)
        return str(value) if value not in (None, "") else None


def is_wcxb(directory: Path) -> bool:
    return (directory / "html").is_dir() and (directory / "ground-truth").is_dir()


def default_dir() -> Path | None:
    """`WCXB_DIR`, else the shared dev split beside the repository, else None."""
    if env := os.environ.get("WCXB_DIR"):
        return Path(env)
    return next((path for path in CANDIDATES if is_wcxb(path)), None)


def load(directory: Path, *, sample: int | None = None) -> list[WcxbPage]:
    """Every page with its truth; `sample` keeps that many, spread evenly over the sorted ids
    (deterministic, and every page type keeps about its share)."""
    files: dict[str, dict[str, Any]] = {}
    metadata = directory / "metadata.json"
    if metadata.is_file():
        files = json.loads(metadata.read_text(encoding="utf-8")).get("files", {})
    names = sorted(p.name.removesuffix(".json.gz") for p in (directory / "ground-truth").glob("*.json.gz"))
    names = [n for n in names if (directory / "html" / f"{n}.html.gz").is_file()]
    if sample is not None and 0 < sample < len(names):
        step = len(names) / sample
        names = [names[int(i * step)] for i in range(sample)]
    pages = []
    for name in names:
        info = files.get(name, {})
        page = WcxbPage(name, directory, str(info.get("page_type", "")), str(info.get("domain", "")))
        if not page.page_type:  # no metadata.json: the ground truth names the type
            primary = ((page.record.get("_internal") or {}).get("page_type") or {}).get("primary", "article")
            page = WcxbPage(name, directory, str(primary), page.domain)
        pages.append(page)
    return pages
