"""Cross-validation folds grouped by domain: no domain is ever on both sides of a split."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

FOLDS = 5


def assign(names: Sequence[str], domains: Sequence[str], folds: int = FOLDS) -> dict[str, int]:
    """Page name -> fold, domains dealt largest first to the fold with the fewest pages so far
    (deterministic: ties broken by domain name, then fold number)."""
    pages: dict[str, list[str]] = {}
    for name, domain in zip(names, domains, strict=True):
        pages.setdefault(domain or name, []).append(name)
    sizes = [0] * folds
    out: dict[str, int] = {}
    for domain in sorted(pages, key=lambda d: (-len(pages[d]), d)):
        fold = min(range(folds), key=lambda k: (sizes[k], k))
        sizes[fold] += len(pages[domain])
        for name in pages[domain]:
            out[name] = fold
    return out


def save(path: Path, fold_of: dict[str, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dict(sorted(fold_of.items())), indent=0) + "\n", encoding="utf-8")


def load(path: Path) -> dict[str, int]:
    data: dict[str, int] = json.loads(path.read_text(encoding="utf-8"))
    return data
