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


@dataclass(frozen=True)
class FieldCost:
    """The time the field stages take inside the full pipeline (issue 17: <= 2 ms per page on average)."""

    pages: int
    reps: int
    per_page_ms: list[float]  # the median over repetitions, one per page
    pipeline_ms: list[float]

    @property
    def mean_ms(self) -> float:
        return statistics.fmean(self.per_page_ms)

    @property
    def share(self) -> float:
        return sum(self.per_page_ms) / sum(self.pipeline_ms)


def measure_fields(pages: list[Page] | None = None, reps: int | None = None) -> FieldCost:
    """Run the full pipeline with a stopwatch around the field stages (reading the page's metadata and
    both `assemble` passes, htmldate and the fingerprint included), so the figure is what the fields
    cost on the pipeline's own tree, not a second parse."""
    import worker.pipeline.html as html_path

    pages = pages if pages is not None else dev_pages()
    reps = reps or (2 if QUICK else 5)
    spent = [0.0]

    def timed(fn: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start

        return wrapper

    original_assemble, original_read = html_path.assemble, html_path.HtmlPage.read
    html_path.assemble = timed(original_assemble)  # type: ignore[assignment]
    html_path.HtmlPage.read = timed(original_read)  # type: ignore[method-assign,assignment]
    try:
        raws = [RawPage(url=URL, content=p.html) for p in pages]
        for raw in raws[:10]:
            full_pipeline(raw)
        fields: list[list[float]] = [[] for _ in pages]
        totals: list[list[float]] = [[] for _ in pages]
        for _ in range(reps):
            for i, raw in enumerate(raws):
                spent[0] = 0.0
                start = time.perf_counter()
                full_pipeline(raw)
                totals[i].append(time.perf_counter() - start)
                fields[i].append(spent[0])
    finally:
        html_path.assemble = original_assemble  # type: ignore[assignment]
        html_path.HtmlPage.read = original_read  # type: ignore[method-assign]
    return FieldCost(
        len(pages),
        reps,
        [statistics.median(f) * 1000 for f in fields],
        [statistics.median(t) * 1000 for t in totals],
    )


def report(result: InProcess) -> str:
    lines = [f"{result.pages} dev pages x {result.reps} repetitions (median per page)"]
    for v in result.variants.values():
        lines.append(
            f"{v.name:18} mean {v.mean_ms:7.2f} ms  median {v.median_ms:7.2f} ms  {v.pages_per_s:7.1f} pages/s"
            f"  ratio to readability {result.ratio(v.name):.3f}"
        )
    return "\n".join(lines)


def report_fields(cost: FieldCost) -> str:
    return (
        f"fields: mean {cost.mean_ms:.2f} ms/page over {cost.pages} pages x {cost.reps} repetitions"
        f" ({cost.share:.1%} of the full pipeline's time)"
    )


if __name__ == "__main__":
    print(report(measure()))
    print(report_fields(measure_fields()))
