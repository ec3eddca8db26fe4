"""One evaluation run: every system over the same pages, one table row each.

A row is (name, BodyScore, field accuracies or None, ms/page); adding a system is one entry in
`SYSTEMS`, e.g. a body-only row: `("flattened text", lambda page: Prediction(body_of(page)))` —
a `Prediction` without fields shows "-" in every field column.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .dataset import DevPage
from .fields import FIELDS, matches
from .metric import BodyScore, score
from .systems import System, flattened_text, pipeline, pipeline_cross_validated, readability_alone

BASELINE = "readability-lxml"
SYSTEMS: list[tuple[str, System]] = [
    ("article-worker (cv)", pipeline_cross_validated),
    ("article-worker", pipeline),
    (BASELINE, readability_alone),
    ("flattened text", flattened_text),  # the same pages as visible text only, through the text path
]


@dataclass(frozen=True)
class Row:
    name: str
    body: BodyScore
    fields: Mapping[str, float | None] | None
    ms_per_page: float | None

    def figures(self) -> dict[str, float | None]:
        """Every figure by the name floors use: body_f1, body_precision, ..., title, byline, ..."""
        out: dict[str, float | None] = {
            "body_f1": self.body.f1,
            "body_precision": self.body.precision,
            "body_recall": self.body.recall,
            "body_exact": self.body.exact,
        }
        out.update({name: (self.fields or {}).get(name) for name in FIELDS})
        return out


def measure(name: str, pages: Sequence[DevPage], system: System) -> Row:
    """Run `system` on every page, timing each call, then score body and fields."""
    bodies: dict[str, str] = {}
    hits: dict[str, list[bool]] = {}
    spent = 0.0
    for page in pages:
        started = time.perf_counter()
        guess = system(page)
        spent += time.perf_counter() - started
        bodies[page.name] = guess.body
        for field, key in FIELDS.items():
            if field in guess.fields:
                hits.setdefault(field, []).append(matches(field, page.metadata.get(key), guess.fields[field]))
    truth = {page.name: page.expected_text for page in pages}
    accuracies = {f: (sum(h) / len(h) if (h := hits.get(f)) else None) for f in FIELDS}
    return Row(
        name=name,
        body=score(truth, bodies),
        fields=accuracies if any(v is not None for v in accuracies.values()) else None,
        ms_per_page=1000 * spent / len(pages) if pages else None,
    )


def run(pages: Sequence[DevPage], systems: Sequence[tuple[str, System]] = SYSTEMS) -> list[Row]:
    for page in pages:  # decompress and convert the truth outside the timed calls
        _ = page.source, page.expected_text, page.metadata
    return [measure(name, pages, system) for name, system in systems]


def _cell(value: float | None, fmt: str = "{:.3f}") -> str:
    return fmt.format(value) if value is not None else "-"


def format_table(rows: Sequence[Row], pages: int) -> str:
    base = next((r.ms_per_page for r in rows if r.name == BASELINE), None)
    head = ["system", "body F1", "prec", "recall", "exact", *FIELDS, "ms/page", f"x {BASELINE}"]
    lines = [head]
    for row in rows:
        ratio = row.ms_per_page / base if row.ms_per_page is not None and base else None
        lines.append(
            [
                row.name,
                *(_cell(v) for v in row.figures().values()),
                _cell(row.ms_per_page, "{:.1f}"),
                _cell(ratio, "{:.2f}"),
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = [
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True)))
        for line in lines
    ]
    return "\n".join([f"{pages} readerable pages", *text])


def as_json(rows: Sequence[Row], pages: int) -> dict[str, Any]:
    return {
        "pages": pages,
        "rows": [{"name": r.name, **r.figures(), "ms_per_page": r.ms_per_page} for r in rows],
    }
