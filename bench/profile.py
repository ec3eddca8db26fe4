"""Where the full pipeline spends its time on the dev set (pyinstrument, from the [bench] extra).

Run: `python -m bench.profile [--html out.html]`; prints the call tree to the terminal.
"""

from __future__ import annotations

import sys

from schemas import RawPage

from .common import URL, dev_pages
from .inprocess import full_pipeline


def main(argv: list[str]) -> int:
    from pyinstrument import Profiler

    raws = [RawPage(url=URL, content=p.html) for p in dev_pages()]
    for raw in raws[:5]:
        full_pipeline(raw)
    profiler = Profiler(interval=0.0005)
    with profiler:
        for raw in raws:
            full_pipeline(raw)
    if "--html" in argv:
        path = argv[argv.index("--html") + 1]
        with open(path, "w", encoding="utf-8") as out:
            out.write(profiler.output_html())
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
