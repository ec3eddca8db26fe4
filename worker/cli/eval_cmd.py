"""`article-worker eval`: the body and field table over a dev set, optionally gated by floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..evaluation import dataset
from ..evaluation.floors import check, load_floors
from ..evaluation.report import SYSTEMS, as_json, format_table, run


@click.command("eval")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
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
    help="Run only the systems the floors file names (the CI gate: half the time, same figures).",
)
@click.option("--json", "as_json_output", is_flag=True, help="Print the figures as JSON instead of a table.")
def command(directory: Path | None, floors_path: Path | None, floored_only: bool, as_json_output: bool) -> None:
    """Score our pipeline and readability-lxml on DIRECTORY's readerable pages (default: the dev set)."""
    pages = dataset.load(directory or dataset.DEFAULT_DIR)
    if not pages:
        raise click.ClickException("no readerable pages found")
    floors = load_floors(floors_path) if floors_path is not None else None
    systems = SYSTEMS
    if floored_only:
        if floors is None:
            raise click.UsageError("--floored-only needs --floors")
        systems = [(name, system) for name, system in SYSTEMS if name in floors]
    rows = run(pages, systems)
    if as_json_output:
        click.echo(json.dumps(as_json(rows, len(pages)), indent=2))
    else:
        click.echo(format_table(rows, len(pages)))
    if floors is not None:
        failures = check(rows, floors)
        for failure in failures:
            click.echo(f"below floor: {failure}", err=True)
        if failures:
            sys.exit(1)
        click.echo(f"all figures at or above the floors in {floors_path}", err=True)
