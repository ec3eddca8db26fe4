"""What the article fields cost per page: extract() with the field assembler and with it replaced by
a no-op, interleaved page by page (the order alternating) so machine load hits both alike.

    .venv/bin/python scripts/field_cost.py [--pages 300] [--rounds 3]

Pages: the wcxb-dev article pages (shared/eval/wcxb-dev), spread evenly. Without the fields the
body is chosen without the title, bylines and description it uses to drop repeated headings, so
the difference is the fields' cost plus that small change in body cleaning.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import logging
import statistics
import time
from collections.abc import Callable
from typing import Any

from schemas import RawPage
from schemas.reasons import ArticleWorkerError
from worker.evaluation import wcxb
from worker.pipeline import extract
from worker.pipeline.fields import assemble as assembler

logging.disable(logging.CRITICAL)


def _timed(raw: RawPage) -> float:
    start = time.process_time()  # CPU time: a busy machine inflates it far less than wall time
    with contextlib.suppress(ArticleWorkerError):
        extract(raw)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    directory = wcxb.default_dir()
    if directory is None:
        raise SystemExit("no wcxb-dev directory (set WCXB_DIR)")
    pages = [p for p in wcxb.load(directory) if p.page_type == "article"]
    step = max(1, len(pages) // args.pages)
    raws = [
        RawPage(url=p.url, content_b64=base64.b64encode(p.source).decode("ascii"), content_type="text/html")
        for p in pages[::step][: args.pages]
    ]
    import worker.pipeline.html as html_path  # read_html looks its assemble() up here

    real: Callable[..., Any] = assembler.assemble

    def with_fields(on: bool) -> None:
        html_path.assemble = real if on else (lambda *a, **k: None)  # type: ignore[attr-defined]
        assembler.assemble = real if on else (lambda *a, **k: None)  # type: ignore[assignment]

    for raw in raws[:5]:  # warm caches (regex compilation, imports)
        _timed(raw)
    on_times: list[float] = []
    off_times: list[float] = []
    for round_ in range(args.rounds):
        for i, raw in enumerate(raws):
            order = (True, False) if (i + round_) % 2 == 0 else (False, True)
            for on in order:
                with_fields(on)
                (on_times if on else off_times).append(_timed(raw))
    with_fields(True)
    on_ms, off_ms = statistics.mean(on_times) * 1000, statistics.mean(off_times) * 1000
    diffs = [(a - b) * 1000 for a, b in zip(on_times, off_times, strict=True)]
    print(f"{len(raws)} pages x {args.rounds} rounds")
    print(f"extract() with fields {on_ms:.2f} ms/page, without {off_ms:.2f} ms/page")
    print(f"fields add {on_ms - off_ms:.2f} ms/page (median per page {statistics.median(diffs):.2f} ms)")


if __name__ == "__main__":
    main()
