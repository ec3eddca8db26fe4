"""`python -m worker.training --stage text`: the flattened-text path's line model, end to end.

Trained on the WCXB dev pages only (the Readability test pages are flattened too, but only
scored: every figure on them is from models that never saw them). Folds: the fold map of
`eval/cv/folds.json` restricted to WCXB pages (the same domains apart as the HTML stages), or a
fresh one grouped by domain (`folds.assign`) when that file is missing or does not
cover every page (today 8 WCXB pages without HTML segments are not in it, so the text stage assigns
its own folds, by the same rule). Two stages: the line model, then a context
model trained on the line model's out-of-fold scores. The threshold is chosen on the out-of-fold
probabilities of WCXB article pages; the figures are `read_text`'s body with the fold models that
never saw the page, against the hand rules alone, both on the same pages. (The settings are fixed,
not searched: a search costs five fits each on a shared two-core machine.)
"""

from __future__ import annotations

import json
import pickle
import statistics
import time
from pathlib import Path
from typing import Any

from ..evaluation import dataset
from ..pipeline.text.learned import CONTEXT, FORMAT, MODEL_FILE, NAMES, LineModel
from . import folds, text
from .data import READABILITY_PREFIX
from .export import forest_dict, write

ARTICLE = "article"


def _pages(data: Path, cache: Path | None, jobs: int) -> list[text.TextPage]:
    if cache is not None and cache.is_file():
        loaded: list[text.TextPage] = pickle.loads(cache.read_bytes())  # our own file, written below
        return loaded
    pages = text.build(data, jobs, dataset.DEFAULT_DIR)
    if cache is not None:
        cache.write_bytes(pickle.dumps(pages))
    return pages


def fold_map(pages: list[text.TextPage], cv: Path) -> dict[str, int]:
    trained = [p for p in pages if not p.name.startswith(READABILITY_PREFIX)]
    saved = folds.load(cv / "folds.json") if (cv / "folds.json").is_file() else {}
    if all(p.name in saved for p in trained):
        return {p.name: saved[p.name] for p in trained}
    return folds.assign([p.name for p in trained], [p.domain for p in trained])


def run(data: Path, cache: Path | None, jobs: int, *, models: Path, cv: Path, credit: str) -> dict[str, Any]:
    started = time.monotonic()
    pages = _pages(data, cache, jobs)
    fold_of = fold_map(pages, cv)
    trained = [i for i, p in enumerate(pages) if p.name in fold_of]
    articles = [i for i in trained if pages[i].page_type == ARTICLE]
    print(
        f"text: {len(pages)} flattened pages, {sum(len(p.lines) for p in pages)} lines, {folds.FOLDS} folds by domain"
    )

    first, first_models = text.out_of_fold(pages, text.first_rows(pages), fold_of, folds.FOLDS, text.SETTINGS)
    second_rows = text.context_rows(pages, first)  # the second stage learns from out-of-fold first scores
    second, second_models = text.out_of_fold(pages, second_rows, fold_of, folds.FOLDS, text.CONTEXT_SETTINGS)
    chosen = [pages[i] for i in articles], [second[i] for i in articles]
    threshold = text.best_threshold(*chosen)
    proxy = statistics.fmean(text.kept_f1(p, q, threshold) for p, q in zip(*chosen, strict=True))
    print(f"text: threshold {threshold}, out-of-fold kept-lines word F1 on articles {proxy:.4f}")

    meta: dict[str, Any] = {"credit": credit, "pages": len(trained), "folds": folds.FOLDS}
    fold_line_models = [
        LineModel.from_dict(model_dict(first_models[k], second_models[k], threshold, meta)) for k in range(folds.FOLDS)
    ]
    rules = [text.body(p, False) for p in pages]
    learned = [text.body(p, fold_line_models[fold_of.get(p.name, 0)]) for p in pages]
    report = {"rules": _rounded(text.figures(pages, rules)), "learned (cv)": _rounded(text.figures(pages, learned))}
    print(f"text: word F1, hand rules    {json.dumps(report['rules'])}")
    print(f"text: word F1, learned (cv)  {json.dumps(report['learned (cv)'])}")

    meta["cv_word_f1"] = report
    final_first = text.fit(pages, text.first_rows(pages), trained, text.SETTINGS)
    final_second = text.fit(pages, second_rows, trained, text.CONTEXT_SETTINGS)
    write(models / MODEL_FILE, model_dict(final_first, final_second, threshold, meta))
    (cv / "text_report.json").write_text(
        json.dumps({**meta, "threshold": threshold}, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    size = (models / MODEL_FILE).stat().st_size
    print(f"text: model written to {models / MODEL_FILE} ({size / 1024:.0f} KiB) in {time.monotonic() - started:.0f} s")
    return meta


def model_dict(first: Any, second: Any, threshold: float, meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "lines": forest_dict(first, NAMES),
        "context": forest_dict(second, CONTEXT),
        "threshold": threshold,
        "meta": meta,
    }


def _rounded(figures: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in figures.items()}
