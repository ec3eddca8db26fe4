"""Measure the Hamming distance that separates copies of one story from different stories, on the
wcxb-dev article pages (README: Fingerprint). Dev data only; never the test split.

Pairs (every article page with at least 50 words of true text):
- copy, extracted: the page's people-reviewed main text vs the body our pipeline extracts from its
  HTML (the same story with another extractor's view of the furniture, captions, headings);
- copy, edited: the main text vs a wire-style copy of it: a dateline prefixed, the last paragraph
  cut (editors trim from the bottom), a site's 'Read more' line added;
- different, same site: main texts of two pages of one domain (shared boilerplate and topic);
- different, any: main texts of every two pages of different domains (about 250,000 pairs).
The threshold (copy when distance <= t) is chosen by 5-fold cross-validation grouped by domain:
each fold's t is the largest that takes no different-story pair of the other folds for a copy
(a consumer compares a story with very many others, so false matches cost most), and is scored on
its own fold. The table also shows recall and false matches at a few thresholds.

    .venv/bin/python scripts/fingerprint_threshold.py [--dir shared/eval/wcxb-dev]
"""

from __future__ import annotations

import argparse
import base64
import itertools
import random
import statistics
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

from schemas import RawPage
from schemas.reasons import ArticleWorkerError
from worker.evaluation import wcxb
from worker.pipeline import extract
from worker.pipeline.fields.fingerprint import distance, simhash

MIN_WORDS = 50
FOLDS = 5
SEED = 17


def _extracted(args: tuple[str, str, bytes]) -> tuple[str, str | None]:
    name, url, source = args
    raw = RawPage(url=url, content_b64=base64.b64encode(source).decode("ascii"), content_type="text/html")
    try:
        return name, extract(raw).body_text
    except ArticleWorkerError:
        return name, None


def _edited(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    kept = paragraphs[:-1] if len(paragraphs) > 2 else paragraphs
    return "\n\n".join(["PARIS (AFP) - " + kept[0], *kept[1:], "Read more: the latest stories from our newsroom"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=wcxb.default_dir())
    args = parser.parse_args()
    pages = [p for p in wcxb.load(args.dir) if p.page_type == "article" and len(p.main_content.split()) >= MIN_WORDS]
    with Pool(2) as pool:
        bodies = dict(pool.map(_extracted, [(p.name, p.url, p.source) for p in pages], chunksize=8))
    truth = {p.name: simhash(p.main_content) or "" for p in pages}
    domain = {p.name: p.domain for p in pages}
    pairs: list[tuple[str, str, int, str]] = []  # (kind, domain, distance, copy?)
    for p in pages:
        body = bodies.get(p.name)
        if body:
            pairs.append(("copy, extracted", p.domain, distance(truth[p.name], simhash(body) or ""), "copy"))
        pairs.append(
            ("copy, edited", p.domain, distance(truth[p.name], simhash(_edited(p.main_content)) or ""), "copy")
        )
    rng = random.Random(SEED)
    by_domain: dict[str, list[str]] = defaultdict(list)
    for p in pages:
        by_domain[p.domain].append(p.name)
    for names in by_domain.values():
        for a, b in itertools.pairwise(names):
            pairs.append(("different, same site", domain[a], distance(truth[a], truth[b]), "different"))
    for a, b in itertools.combinations([p.name for p in pages], 2):
        if domain[a] != domain[b]:
            pairs.append(("different, any", domain[a], distance(truth[a], truth[b]), "different"))
    print(f"{len(pages)} article pages, {len(pairs)} pairs")
    for kind in ("copy, extracted", "copy, edited", "different, same site", "different, any"):
        values = sorted(d for k, _, d, _ in pairs if k == kind)
        if values:
            q = statistics.quantiles(values, n=20) if len(values) > 1 else [values[0]] * 19
            middle = statistics.median(values)
            print(f"  {kind:22} n={len(values):6}  min {values[0]:2}  p5 {q[0]:5.1f}  median {middle:5.1f}", end="")
            print(f"  p95 {q[-1]:5.1f}  max {values[-1]:2}")
    domains = sorted(by_domain)
    rng.shuffle(domains)
    fold_of = {d: i % FOLDS for i, d in enumerate(domains)}
    chosen = []
    for fold in range(FOLDS):
        train = [(d, c) for _, dom, d, c in pairs if fold_of[dom] != fold]
        test = [(d, c) for _, dom, d, c in pairs if fold_of[dom] == fold]
        t = max(t for t in range(65) if _rates(train, t)[1] == 0)
        chosen.append(t)
        recall, false_pos = _rates(test, t)
        print(f"  fold {fold}: threshold {t:2}  held-out: copies found {recall:.3f}, ", end="")
        print(f"different stories taken as copies {false_pos:.5f}")
    for t in (3, 6, 8, 10, 12, 15, 20):
        recall, false_pos = _rates([(d, c) for _, _, d, c in pairs], t)
        print(f"  at {t:2}: copies found {recall:.3f}, different taken as copies {false_pos:.5f}")
    t = round(statistics.median(chosen))
    recall, false_pos = _rates([(d, c) for _, _, d, c in pairs], t)
    print(f"threshold (median of folds) {t}: copies found {recall:.3f}, different taken as copies {false_pos:.5f}")


def _rates(pairs: list[tuple[int, str]], t: int) -> tuple[float, float]:
    copies = [d for d, c in pairs if c == "copy"]
    different = [d for d, c in pairs if c == "different"]
    recall = sum(d <= t for d in copies) / max(1, len(copies))
    false_pos = sum(d <= t for d in different) / max(1, len(different))
    return recall, false_pos


if __name__ == "__main__":
    main()
