"""`article-worker extract`: run the pipeline locally, no broker, one Article JSON per line."""

from __future__ import annotations

import sys

import click

from schemas.reasons import ArticleWorkerError

from ..pipeline import extract
from .inputs import DEFAULT_BASE_URL, Skipped, iter_pages, missing
from .skips import SkipReport


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--base-url",
    default=DEFAULT_BASE_URL,
    show_default=True,
    help="URL prefix for local files (default: + the file's absolute path; given: + the path under the argument).",
)
@click.option("--indent", type=int, default=None, help="Pretty-print with this indent.")
def command(paths: tuple[str, ...], base_url: str, indent: int | None) -> None:
    """Extract PATHS (.html/.htm/.txt[.gz] files, directories, JSONL of RawPage, WARC, or -).

    A path that does not exist is an error (exit 2, nothing extracted); a directory walk skips what
    is not a page (and the ground truth of evaluation sets) and counts it at the end.
    """
    absent = missing(paths)
    if absent:
        raise click.UsageError(f"no such file or directory: {', '.join(absent)}")
    failed, skipped = 0, SkipReport()
    for page in iter_pages(paths, base_url):
        if isinstance(page, Skipped):
            skipped.add(page)
            continue
        try:
            click.echo(extract(page).model_dump_json(indent=indent))
        except ArticleWorkerError as exc:
            failed += 1
            click.echo(f"failed {page.url}: {exc.reason.value}: {exc}", err=True)
    if skipped.total:
        click.echo(f"skipped {skipped.total} input(s):", err=True)
        for line in skipped.lines():
            click.echo(line, err=True)
    sys.exit(1 if failed else 0)
