"""One evaluation run on WCXB pages: every system over the same pages, a table per system.

Per page type: n, word F1 / P / R (the benchmark's metric), the with / without snippet rates and
the share of pages whose article / not-article decision is right; on article pages the field
accuracies (`wcxb_fields`). Pages are spread over worker processes; each result is scored where
it was produced, so only small numbers cross process boundaries.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from .wcxb import WcxbPage
from .wcxb_fields import FIELDS, matches
from .wcxb_systems import SYSTEMS, Guess
from .words import snippet_rate, word_score

ARTICLE = "article"


@dataclass(frozen=True)
class PageResult:
    name: str
    page_type: str
    f1: float
    precision: float
    recall: float
    with_rate: float | None
    without_rate: float | None
    decided_article: bool
    fields: Mapping[str, bool]
    error: str | None
    seconds: float


def score_page(page: WcxbPage, guess: Guess, seconds: float) -> PageResult:
    words = word_score(guess.body, page.main_content)
    hits = {f: matches(f, page.field(key), guess.fields.get(f)) for f, key in FIELDS.items() if f in guess.fields}
    return PageResult(
        page.name,
        page.page_type,
        words.f1,
        words.precision,
        words.recall,
        snippet_rate(guess.body, page.with_snippets),
        snippet_rate(guess.body, page.without_snippets),
        guess.article,
        hits,
        guess.error,
        seconds,
    )


Resolver = Callable[[str, WcxbPage], Guess]


def _guess(system: str, page: WcxbPage) -> Guess:
    return SYSTEMS[system](page)


def _one(args: tuple[str, WcxbPage, Resolver]) -> PageResult:
    system, page, resolve = args
    started = time.process_time()
    guess = resolve(system, page)
    return score_page(page, guess, time.process_time() - started)


def run_system(
    system: str, pages: Sequence[WcxbPage], *, jobs: int | None = None, resolve: Resolver = _guess
) -> list[PageResult]:
    """`system` over every page, in `jobs` processes (default: the CPU count, at most 4)."""
    jobs = jobs or min(4, os.cpu_count() or 1)
    work = [(system, page, resolve) for page in pages]
    if jobs == 1:
        return [_one(item) for item in work]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_one, work, chunksize=8))


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.fmean(present) if present else None


def figures(results: Sequence[PageResult]) -> dict[str, float | None]:
    """Every figure by the name floors use: `<type>_f1`, `<type>_decision`, ..., `all_f1`,
    `decision`, and the field accuracies on article pages (`title`, `author`, `date`, ...)."""
    out: dict[str, float | None] = {}
    groups: dict[str, list[PageResult]] = {}
    for result in results:
        groups.setdefault(result.page_type, []).append(result)
    groups["all"] = list(results)
    for name, group in groups.items():
        out[f"{name}_n"] = float(len(group))
        out[f"{name}_f1"] = _mean([r.f1 for r in group])
        out[f"{name}_precision"] = _mean([r.precision for r in group])
        out[f"{name}_recall"] = _mean([r.recall for r in group])
        out[f"{name}_with"] = _mean([r.with_rate for r in group])
        out[f"{name}_without"] = _mean([r.without_rate for r in group])
        out[f"{name}_decision"] = _mean([float(r.decided_article == (r.page_type == ARTICLE)) for r in group])
    out["decision"] = out.pop("all_decision")
    articles = groups.get(ARTICLE, [])
    for field in FIELDS:
        out[field] = _mean([float(r.fields[field]) for r in articles if field in r.fields])
    out["article_no_article"] = _mean([float(r.error == "no_article") for r in articles])
    out["errors"] = float(sum(1 for r in results if r.error not in (None, "no_article")))
    out["cpu_ms_per_page"] = 1000 * statistics.fmean(r.seconds for r in results) if results else None
    return out


def _cell(value: float | None, fmt: str = "{:.3f}") -> str:
    return "-" if value is None else fmt.format(value)


def format_table(name: str, figs: Mapping[str, float | None]) -> str:
    types = sorted(k.removesuffix("_n") for k in figs if k.endswith("_n") and k != "all_n")
    types = [t for t in (ARTICLE, *sorted(set(types) - {ARTICLE})) if t in types] + ["all"]
    head = ["page type", "n", "word F1", "P", "R", "with", "without", "decision"]
    lines = [head]
    for t in types:
        decision = figs.get("decision") if t == "all" else figs.get(f"{t}_decision")
        lines.append(
            [t, _cell(figs.get(f"{t}_n"), "{:.0f}")]
            + [_cell(figs.get(f"{t}_{k}")) for k in ("f1", "precision", "recall", "with", "without")]
            + [_cell(decision)]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    rows = [
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True)))
        for line in lines
    ]
    fields = "  ".join(f"{f} {_cell(figs.get(f))}" for f in FIELDS)
    extra = (
        f"no_article on article pages {_cell(figs.get('article_no_article'))}  untyped/other errors "
        f"{_cell(figs.get('errors'), '{:.0f}')}  CPU ms/page {_cell(figs.get('cpu_ms_per_page'), '{:.1f}')}"
    )
    return "\n".join([f"== {name}", *rows, f"fields on article pages: {fields}", extra])


def as_json(named: Mapping[str, Mapping[str, float | None]]) -> dict[str, Any]:
    return {name: dict(figs) for name, figs in named.items()}
