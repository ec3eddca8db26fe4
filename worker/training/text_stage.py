"""`python -m worker.training --stage text`: the flattened-text path's line model, end to end.

Trained on the WCXB dev pages and the Readability test pages (news pages, the kind the held-out
flattened set holds: without them the model learned modern sites only and lost to the hand rules on
news), every figure cross-validated. Folds: the fold map of `eval/cv/folds.json` (the same domains
apart as the HTML stages; a Readability page's group is its site; the 8 WCXB pages without HTML
segments, missing from it, join their domain's fold), or a fresh one grouped by domain
(`folds.assign`) when that file is missing. Two stages: the line model, then a context model
trained on the line model's out-of-fold scores. The threshold and the weight of the hand rules'
decision in the final score (`rule_weight`) are chosen together on the out-of-fold probabilities of
the article pages, WCXB articles and Readability (news) pages weighing the same (`best_blend`): the
text path reads both kinds, and the held-out sets measure both; the figures are `read_text`'s body
with the fold models that never saw the page, against the hand rules alone, both on the same pages.
The fold models are written to `eval/cv/fold-k/` so that the evaluation scores each Readability
page with the model that never saw its site. (The boosting settings are fixed, not searched: a
search costs five fits each on a shared two-core machine.)
"""

from __future__ import annotations

import json
import pickle
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..evaluation import dataset
from ..pipeline.text.learned import CONTEXT, FORMAT, MODEL_FILE, NAMES, LineModel
from . import blend, folds, text
from .data import READABILITY_PREFIX
from .export import forest_dict, write

ARTICLE = "article"
FOLDS_FILE = "text_folds.json"
RULE_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def _pages(data: Path, cache: Path | None, jobs: int) -> list[text.TextPage]:
    if cache is not None and cache.is_file():
        loaded: list[text.TextPage] = pickle.loads(cache.read_bytes())  # our own file, written below
        return loaded
    pages = text.build(data, jobs, dataset.DEFAULT_DIR)
    if cache is not None:
        cache.write_bytes(pickle.dumps(pages))
    return pages


def fold_map(pages: list[text.TextPage], cv: Path) -> dict[str, int]:
    """The HTML stages' folds (`eval/cv/folds.json`): the evaluation reads a page's fold there. A
    page missing from it joins its domain's fold, or (a new domain) the fold with the fewest pages."""
    saved = folds.load(cv / "folds.json") if (cv / "folds.json").is_file() else {}
    if not saved:
        return folds.assign([p.name for p in pages], [p.domain for p in pages])
    of_domain = {p.domain: saved[p.name] for p in pages if p.name in saved}
    out = {p.name: saved.get(p.name, of_domain.get(p.domain, -1)) for p in pages}
    sizes = Counter(out.values())
    for domain in sorted({p.domain for p in pages if out[p.name] < 0}):
        fold = min(range(folds.FOLDS), key=lambda k: (sizes[k], k))
        for p in pages:
            if p.domain == domain:
                out[p.name] = fold
                sizes[fold] += 1
    return out


def best_blend(groups: list[list[blend.Item[text.TextPage]]]) -> tuple[float, float]:
    """(rule_weight, threshold) with the best kept-lines word F1 (`blend.best_pair`: the 122 news
    pages weigh as much as the 711 WCXB articles)."""
    weight, threshold, f1 = blend.best_pair(groups, RULE_WEIGHTS, text.THRESHOLDS, text.kept_f1)
    print(f"text: rule weight {weight}, threshold {threshold}, out-of-fold kept-lines word F1 {f1:.4f}")
    return weight, threshold


def run(
    data: Path, cache: Path | None, jobs: int, *, models: Path, cv: Path, credit: str, readability: bool = True
) -> dict[str, Any]:
    """`readability`: the Readability test pages join the training (False: WCXB alone)."""
    started = time.monotonic()
    pages = _pages(data, cache, jobs)
    if not readability:
        pages = [p for p in pages if not p.name.startswith(READABILITY_PREFIX)]
    fold_of = fold_map(pages, cv)
    # Every page trained on, with its fold: the evaluation reads each Readability page's fold model
    # from here (a page not listed never trained the packaged model, which may then read it).
    folds.save(cv / FOLDS_FILE, fold_of)
    trained = [i for i, p in enumerate(pages) if p.name in fold_of]
    articles = [i for i in trained if pages[i].page_type == ARTICLE]
    print(
        f"text: {len(pages)} flattened pages, {sum(len(p.lines) for p in pages)} lines, {folds.FOLDS} folds by domain"
    )

    first, first_models = text.out_of_fold(pages, text.first_rows(pages), fold_of, folds.FOLDS, text.SETTINGS)
    second_rows = text.context_rows(pages, first)  # the second stage learns from out-of-fold first scores
    second, second_models = text.out_of_fold(pages, second_rows, fold_of, folds.FOLDS, text.CONTEXT_SETTINGS)
    ruled = NAMES.index("rule_keep")
    news = {i for i in articles if pages[i].name.startswith(READABILITY_PREFIX)}
    groups = [[i for i in articles if i not in news], sorted(news)]
    weight, threshold = best_blend([[(pages[i], second[i], pages[i].features[:, ruled]) for i in g] for g in groups])

    meta: dict[str, Any] = {"credit": credit, "pages": len(trained), "folds": folds.FOLDS}
    fold_dicts = [model_dict(first_models[k], second_models[k], threshold, weight, meta) for k in range(folds.FOLDS)]
    fold_line_models = [LineModel.from_dict(d) for d in fold_dicts]
    rules = [text.body(p, False) for p in pages]
    learned = [text.body(p, fold_line_models[fold_of.get(p.name, 0)]) for p in pages]
    report = {"rules": _rounded(text.figures(pages, rules)), "learned (cv)": _rounded(text.figures(pages, learned))}
    print(f"text: word F1, hand rules    {json.dumps(report['rules'])}")
    print(f"text: word F1, learned (cv)  {json.dumps(report['learned (cv)'])}")

    meta["cv_word_f1"] = report
    final_first = text.fit(pages, text.first_rows(pages), trained, text.SETTINGS)
    final_second = text.fit(pages, second_rows, trained, text.CONTEXT_SETTINGS)
    write(models / MODEL_FILE, model_dict(final_first, final_second, threshold, weight, meta))
    for k, fold_dict in enumerate(fold_dicts):  # the evaluation's cross-validated text rows read these
        write(cv / f"fold-{k}" / MODEL_FILE, fold_dict)
    (cv / "text_report.json").write_text(
        json.dumps({**meta, "threshold": threshold, "rule_weight": weight}, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    size = (models / MODEL_FILE).stat().st_size
    print(f"text: model written to {models / MODEL_FILE} ({size / 1024:.0f} KiB) in {time.monotonic() - started:.0f} s")
    return meta


def model_dict(first: Any, second: Any, threshold: float, weight: float, meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "lines": forest_dict(first, NAMES),
        "context": forest_dict(second, CONTEXT),
        "threshold": threshold,
        "rule_weight": weight,
        "meta": meta,
    }


def _rounded(figures: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in figures.items()}
