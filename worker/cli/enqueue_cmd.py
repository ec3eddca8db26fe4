"""`article-worker enqueue`: send pages to the queue, with a progress bar and a report of what was skipped."""

from __future__ import annotations

import sys
import time

import click

from .inputs import DEFAULT_BASE_URL, Skipped, iter_pages, missing, total_bytes
from .skips import SkipReport


@click.command("enqueue")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--base-url",
    default=DEFAULT_BASE_URL,
    show_default=True,
    help="URL prefix for local files (default: + the file's absolute path; given: + the path under the argument).",
)
@click.option("--print-ids", is_flag=True, help="Print each job id on stdout.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: when a terminal].")
@click.option("-v", "--verbose", is_flag=True, help="Name every skipped input, not only the summary.")
def command(paths: tuple[str, ...], base_url: str, print_ids: bool, progress: bool | None, verbose: bool) -> None:
    """Enqueue PATHS: .html/.htm/.txt[.gz] files, directories, JSONL of RawPage, WARC (.warc[.gz]), or -.

    A path that does not exist is an error (exit 2, nothing sent). Pages over MAX_PAGE_BYTES, WARC
    records that are not HTTP 200 HTML or text responses, invalid JSONL lines, unreadable files and,
    in a directory, files that are not pages are skipped and counted by reason at the end. Pages
    already published within DEDUP_TTL are sent, and said so: the workers count them as duplicates.
    """
    from tqdm import tqdm

    from ..producer import enqueue
    from ..producer.send import Published
    from ..settings import get_settings

    absent = missing(paths)
    if absent:
        raise click.UsageError(f"no such file or directory: {', '.join(absent)}")
    settings = get_settings()
    published = Published(settings)
    again = 0
    show = sys.stderr.isatty() if progress is None else progress
    sent, skipped, started = 0, SkipReport(), time.monotonic()
    bar = tqdm(
        total=total_bytes(paths) if show else None,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        desc="enqueue",
        file=sys.stderr,
        disable=not show,
        dynamic_ncols=True,
    )
    with bar:
        for page in iter_pages(paths, base_url, max_bytes=settings.max_page_bytes, advance=bar.update):
            if isinstance(page, Skipped):
                skipped.add(page)
                if verbose:
                    bar.write(f"skipped {page}", file=sys.stderr)
            else:
                if published.before(page):
                    again += 1
                    if verbose:
                        bar.write(f"already published {page.url}", file=sys.stderr)
                job_id = enqueue(page)
                sent += 1
                if print_ids:
                    click.echo(job_id)
            if show:
                rate = sent / max(time.monotonic() - started, 1e-6)
                bar.set_postfix(pages=sent, skipped=skipped.total, rate=f"{rate:.0f}/s", refresh=False)
    seconds = time.monotonic() - started
    click.echo(f"enqueued {sent} page(s) in {seconds:.1f}s, skipped {skipped.total}", err=True)
    for line in skipped.lines():
        click.echo(line, err=True)
    if again:
        click.echo(
            f"  {again} of them already published within DEDUP_TTL={settings.dedup_ttl}s: the workers publish no new "
            "event for those and count them as duplicates (`article-worker stats`)",
            err=True,
        )
