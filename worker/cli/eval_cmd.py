"""`article-worker eval`: the body and field tables over a dev set, optionally gated by floors.

Two layouts: the Readability.js test pages (one folder per page, the vendored default) and WCXB
(`html/` + `ground-truth/`, e.g. `shared/eval/wcxb-dev`, chosen with `--wcxb` or by giving its
directory), which adds page types and the article decision.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path

import click

from ..evaluation import dataset, wcxb
from ..evaluation.floors import check_figures, load_floors
from ..evaluation.report import SYSTEMS, as_json, format_table, run


@click.command("eval")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--wcxb", "use_wcxb", is_flag=True, help="The WCXB dev split (WCXB_DIR, or shared/eval/wcxb-dev).")
@click.option("--sample", type=click.IntRange(min=1), default=None, help="WCXB: only N pages, spread evenly.")
@click.option("--system", "only", multiple=True, help="WCXB: run only this system (repeatable).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="WCXB: worker processes (default: CPUs).")
@click.option(
    "--floors",
    "floors_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Fail (exit 1) when a figure drops below its floor in this JSON file.",
)
@click.option(
    "--floored-only",
    is_flag=True,
    help="Run only the systems the floors file names (the CI gate: same figures, less time).",
)
@click.option("--json", "as_json_output", is_flag=True, help="Print the figures as JSON instead of a table.")
def command(
    *,
    directory: Path | None,
    use_wcxb: bool,
    sample: int | None,
    only: tuple[str, ...],
    jobs: int | None,
    floors_path: Path | None,
    floored_only: bool,
    as_json_output: bool,
) -> None:
    """Score our pipeline and its peers on DIRECTORY (default: the vendored Readability test pages)."""
    floors = load_floors(floors_path) if floors_path is not None else None
    if floored_only and floors is None:
        raise click.UsageError("--floored-only needs --floors")
    if use_wcxb and directory is None:
        directory = wcxb.default_dir()
        if directory is None:
            raise click.ClickException("no WCXB dev split found: set WCXB_DIR or give its directory")
    if directory is not None and wcxb.is_wcxb(directory):
        measured = _wcxb(
            directory, sample, only, jobs, set(floors) if floored_only and floors else None, as_json_output
        )
    else:
        measured = _readability_pages(directory, set(floors) if floored_only and floors else None, as_json_output)
    if as_json_output and not (directory is not None and wcxb.is_wcxb(directory)):
        click.echo(
            json.dumps(
                {"pages": int(pages_of(measured)), "rows": [{"name": k, **v} for k, v in measured.items()]}, indent=2
            )
        )
    elif as_json_output:
        click.echo(json.dumps(measured, indent=2))
    if floors is not None:
        failures = check_figures(measured, floors)
        for failure in failures:
            click.echo(f"below floor: {failure}", err=True)
        if failures:
            sys.exit(1)
        click.echo(f"all figures at or above the floors in {floors_path}", err=True)


def pages_of(measured: Mapping[str, Mapping[str, float | None]]) -> float:
    return next((v.get("pages") or 0.0 for v in measured.values()), 0.0)


def _readability_pages(
    directory: Path | None, keep: set[str] | None, quiet: bool
) -> dict[str, dict[str, float | None]]:
    pages = dataset.load(directory or dataset.DEFAULT_DIR)
    if not pages:
        raise click.ClickException("no readerable pages found")
    systems = [(name, system) for name, system in SYSTEMS if keep is None or name in keep]
    rows = run(pages, systems)
    if not quiet:
        click.echo(format_table(rows, len(pages)))
    return {
        row["name"]: {k: v for k, v in row.items() if k != "name"} | {"pages": float(len(pages))}
        for row in as_json(rows, len(pages))["rows"]
    }


def _wcxb(  # noqa: PLR0917
    directory: Path, sample: int | None, only: tuple[str, ...], jobs: int | None, keep: set[str] | None, quiet: bool
) -> Mapping[str, dict[str, float | None]]:
    from ..evaluation.wcxb_report import figures, format_table, run_system
    from ..evaluation.wcxb_systems import SYSTEMS as WCXB_SYSTEMS
    from ..evaluation.wcxb_systems import available

    pages = wcxb.load(directory, sample=sample)
    if not pages:
        raise click.ClickException(f"no WCXB pages in {directory}")
    names = [n for n in WCXB_SYSTEMS if (not only or n in only) and (keep is None or n in keep)]
    out: dict[str, dict[str, float | None]] = {}
    for name in names:
        if not available(name):
            click.echo(f"{name}: not installed (pip install -e '.[eval]'), left out", err=True)
            continue
        out[name] = figures(run_system(name, pages, jobs=jobs))
        click.echo(format_table(f"{name} on {len(pages)} pages of {directory}", out[name]), err=quiet)
    return out
