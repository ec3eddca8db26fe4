"""In-process cost per page on the dev set: our full pipeline against readability-lxml alone and lxml alone.

The three are interleaved page by page so that load from other processes hits them alike; each page
is timed `reps` times and its median kept. Run: `python -m bench.inprocess`.
"""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import lxml.html
from readability import Document

from schemas import RawPage
from schemas.reasons import ArticleWorkerError
from worker.pipeline import extract

from .common import QUICK, URL, Page, dev_pages

_UTF8 = lxml.html.HTMLParser(encoding="utf-8")


def full_pipeline(raw: RawPage) -> None:
    with contextlib.suppress(ArticleWorkerError):  # a dead letter costs its time too
        extract(raw)


def readability_alone(html: str) -> None:
    """What a user would run: summary() plus lxml's text_content() for the text."""
    summary = Document(html).summary()
    lxml.html.fromstring(summary).text_content()  # type: ignore[attr-defined]


def lxml_alone(data: bytes) -> None:
    lxml.html.document_fromstring(data, parser=_UTF8)


@dataclass(frozen=True)
class Variant:
    name: str
    per_page: list[float]  # seconds, the median over repetitions, one per page

    @property
    def mean_ms(self) -> float:
        return statistics.fmean(self.per_page) * 1000

    @property
    def median_ms(self) -> float:
        return statistics.median(self.per_page) * 1000

    @property
    def pages_per_s(self) -> float:
        return 1000 / self.mean_ms


@dataclass(frozen=True)
class InProcess:
    pages: int
    reps: int
    variants: dict[str, Variant]

    def ratio(self, name: str, base: str = "readability-lxml") -> float:
        return self.variants[name].mean_ms / self.variants[base].mean_ms


def measure(pages: list[Page] | None = None, reps: int | None = None) -> InProcess:
    pages = pages if pages is not None else dev_pages()
    reps = reps or (2 if QUICK else 5)
    jobs: list[tuple[str, list[Callable[[], None]]]] = [
        ("full pipeline", [partial(full_pipeline, RawPage(url=URL, content=p.html)) for p in pages]),
        ("readability-lxml", [partial(readability_alone, p.html) for p in pages]),
        ("lxml parse", [partial(lxml_alone, p.html.encode("utf-8")) for p in pages]),
    ]
    for _, calls in jobs:  # warm-up: imports, regex compilation, allocator
        for call in calls[:10]:
            call()
    times: dict[str, list[list[float]]] = {name: [[] for _ in pages] for name, _ in jobs}
    for _ in range(reps):
        for i in range(len(pages)):
            for name, calls in jobs:
                start = time.perf_counter()
                calls[i]()
                times[name][i].append(time.perf_counter() - start)
    variants = {name: Variant(name, [statistics.median(t) for t in per_page]) for name, per_page in times.items()}
    return InProcess(len(pages), reps, variants)


def report(result: InProcess) -> str:
    lines = [f"{result.pages} dev pages x {result.reps} repetitions (median per page)"]
    for v in result.variants.values():
        lines.append(
            f"{v.name:18} mean {v.mean_ms:7.2f} ms  median {v.median_ms:7.2f} ms  {v.pages_per_s:7.1f} pages/s"
            f"  ratio to readability {result.ratio(v.name):.3f}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(measure()))
