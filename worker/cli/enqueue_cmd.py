"""`article-worker enqueue`: send pages to the queue, with a progress bar and a summary."""

from __future__ import annotations

import sys
from collections import Counter

import click

from .inputs import DEFAULT_BASE_URL, Skipped, iter_pages


@click.command("enqueue")
@click.argument("paths", nargs=-1, required=True)
@click.option("--base-url", default=DEFAULT_BASE_URL, show_default=True, help="URL prefix for local files.")
@click.option("--print-ids", is_flag=True, help="Print each job id on stdout.")
def command(paths: tuple[str, ...], base_url: str, print_ids: bool) -> None:
    """Enqueue PATHS (.html/.htm/.txt[.gz] files, directories, JSONL of RawPage, or -)."""
    from tqdm import tqdm

    from ..producer import enqueue

    sent = 0
    skipped: Counter[str] = Counter()
    with tqdm(unit="page", desc="enqueue", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:
        for page in iter_pages(paths, base_url):
            if isinstance(page, Skipped):
                skipped[page.why] += 1
                click.echo(f"skipped {page.source}: {page.why}", err=True)
                continue
            job_id = enqueue(page)
            sent += 1
            bar.update()
            if print_ids:
                click.echo(job_id)
    detail = "".join(f"\n  {count} skipped: {why}" for why, count in skipped.most_common())
    click.echo(f"enqueued {sent} page(s), skipped {sum(skipped.values())}{detail}", err=True)
