"""Choose the two word-share thresholds of the title's <h1> rule (README: Fields, titles) on the
wcxb-dev article pages, by 5-fold cross-validation grouped by domain. Dev data only; never the test
split.

The rule: the page's one <h1>, worded differently from the declared title (JSON-LD, OpenGraph,
<title> ...), is the title when the two share at least `a` of the shorter one's words and `b` of
both together's. For every (a, b) on the grid, each page's title is scored with the eval's rule
(`worker.evaluation.wcxb_fields`: site suffix allowed, typographic quotes read as ASCII). Each fold's
pair is the best on the other folds (ties: the stricter pair) and is scored on its own fold; the
mean of those scores is the cross-validated figure. The shipped pair is the best on all pages.

    .venv/bin/python scripts/title_h1_cv.py [--dir shared/eval/wcxb-dev] [--jobs 2]
"""

from __future__ import annotations

import argparse
import itertools
from multiprocessing import Pool
from pathlib import Path

from worker.evaluation import wcxb
from worker.evaluation.wcxb_fields import matches
from worker.pipeline.charset import decode_page
from worker.pipeline.html.fields import title
from worker.pipeline.html.fields.page import HtmlPage
from worker.pipeline.limits import Limits
from worker.pipeline.parse import parse_html
from worker.training import folds

OFF = (2.0, 2.0)  # no <h1> rewording is ever taken: the declared title alone
GRID = list(itertools.product((0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8), (0.0, 0.1, 0.2, 0.3, 0.4)))


def _scores(page: wcxb.WcxbPage) -> list[bool]:
    """Whether the title is right with the rule off, then at each grid point."""
    text, _ = decode_page(page.source, None)
    root = parse_html(text, Limits())
    facts = HtmlPage.read(root, page.url).facts
    found = title.proposals(facts, root)
    truth = page.field("title")
    out = []
    for shares in [OFF, *GRID]:
        chosen = title.choose_title(found, shares)
        out.append(matches("title", truth, chosen.value if chosen else None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=wcxb.default_dir())
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    pages = [p for p in wcxb.load(args.dir) if p.page_type == "article"]
    with Pool(args.jobs) as pool:
        scores = pool.map(_scores, pages, chunksize=8)
    fold_of = folds.assign([p.name for p in pages], [p.domain for p in pages])

    def total(rows: list[list[bool]], k: int) -> int:
        return sum(row[k] for row in rows)

    def best(rows: list[list[bool]]) -> int:  # index into GRID; ties: the stricter pair
        return max(range(len(GRID)), key=lambda k: (total(rows, k + 1), GRID[k][1], GRID[k][0]))

    right, chosen = 0, []
    for fold in range(folds.FOLDS):
        inside = [s for p, s in zip(pages, scores, strict=True) if fold_of[p.name] != fold]
        held = [s for p, s in zip(pages, scores, strict=True) if fold_of[p.name] == fold]
        k = best(inside)
        chosen.append(GRID[k])
        right += total(held, k + 1)
    shipped = best(scores)
    n = len(pages)
    print(f"wcxb-dev article pages: {n}")
    print(f"declared title alone:                 {total(scores, 0) / n:.3f}")
    print(f"cross-validated by domain (5 folds):  {right / n:.3f}   pairs chosen per fold: {chosen}")
    print(f"shipped pair {GRID[shipped]} on all pages: {total(scores, shipped + 1) / n:.3f}")
    print(f"in the code now {title.H1_SHARED_OF_SHORTER, title.H1_SHARED_OF_ALL}")


if __name__ == "__main__":
    main()
