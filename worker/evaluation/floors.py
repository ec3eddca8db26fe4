"""The CI gate: committed floors per system and figure; a figure under its floor fails the run.

Floors file: {"<system>": {"<figure>": <float>, ...}, ...}; figure names are `Row.figures()` keys
(timings are too noisy on shared machines to gate on). A name written `max:<figure>` is a ceiling
instead (untyped errors, the share of article pages without an article).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from .report import Row

DEFAULT_FLOORS = Path(__file__).resolve().parents[2] / "eval" / "floors.json"
Floors = Mapping[str, Mapping[str, float]]
CEILING = "max:"


def load_floors(path: Path) -> Floors:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected an object of systems")
    return {system: {k: float(v) for k, v in figures.items()} for system, figures in data.items()}


def check(rows: Sequence[Row], floors: Floors) -> list[str]:
    """One message per figure below its floor (or missing); empty when the gate passes."""
    return check_figures({row.name: row.figures() for row in rows}, floors)


def check_figures(measured_by_system: Mapping[str, Mapping[str, float | None]], floors: Floors) -> list[str]:
    """`check` for any report that names its figures per system (the WCXB report's too)."""
    failures: list[str] = []
    for system, figures in floors.items():
        measured = measured_by_system.get(system)
        if measured is None:
            failures.append(f"{system}: no such row in the report")
            continue
        for key, limit in figures.items():
            ceiling = key.startswith(CEILING)
            figure = key.removeprefix(CEILING)
            if figure not in measured:
                failures.append(f"{system} {figure}: unknown figure")
                continue
            value = measured[figure]
            shown = "missing" if value is None else f"{value:.3f}"
            if ceiling and (value is None or value > limit):
                failures.append(f"{system} {figure}: {shown} is above its ceiling {limit:.3f}")
            elif not ceiling and (value is None or value < limit):
                failures.append(f"{system} {figure}: {shown} is below its floor {limit:.3f}")
    return failures
