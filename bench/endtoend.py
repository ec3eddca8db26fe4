"""End to end through Redis: events/s of real worker processes against the in-process rate.

The queue is filled before the workers start; the rate comes from the stream entry ids. A run with a
tiny page gives the broker's and our bookkeeping's cost per message. Run: `python -m bench.endtoend`.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from schemas import RawPage
from worker.pipeline import extract

from .common import QUICK, TINY_PAGE, Page, dev_pages
from .drain import Bench, Drain, drain
from .inprocess import InProcess, measure


def page_messages(pages: list[Page], total: int) -> list[str]:
    """`total` messages cycling through the pages; distinct URLs so no two are the same job."""
    out = []
    for i in range(total):
        page = pages[i % len(pages)]
        out.append(json.dumps({"url": f"http://fakehost/{i}/{page.name}.html", "content": page.html}))
    return out


def tiny_ms(reps: int = 200) -> float:
    raw = RawPage(url="http://fakehost/tiny.html", content=TINY_PAGE)
    start = time.perf_counter()
    for _ in range(reps):
        extract(raw)
    return (time.perf_counter() - start) / reps * 1000


@dataclass(frozen=True)
class EndToEnd:
    in_process_rate: float
    one: Drain
    two: Drain
    tiny: Drain
    tiny_extract_ms: float

    @property
    def per_process_ratio(self) -> float:
        return self.one.rate / self.in_process_rate

    @property
    def scaling(self) -> float:
        return self.two.rate / self.one.rate

    @property
    def overhead_ms(self) -> float:
        """Per message, everything but extraction: broker round trips, decoding, validation, XADD."""
        return 1000 / self.tiny.rate - self.tiny_extract_ms


def measure_end_to_end(in_process: InProcess | None = None, pages: list[Page] | None = None) -> EndToEnd:
    pages = pages if pages is not None else dev_pages()
    in_process = in_process or measure(pages, reps=1)
    rounds = 1 if QUICK else 3
    messages = page_messages(pages, rounds * len(pages))
    tiny = [
        json.dumps({"url": f"http://fakehost/tiny/{i}", "content": TINY_PAGE}) for i in range(300 if QUICK else 1000)
    ]
    bench = Bench("e2e")
    try:
        one = drain(bench, messages, concurrency=1)
        two = drain(bench, messages, concurrency=2)
        tiny_run = drain(bench, tiny, concurrency=1)
    finally:
        bench.close()
    return EndToEnd(in_process.variants["full pipeline"].pages_per_s, one, two, tiny_run, tiny_ms())


def report(result: EndToEnd) -> str:
    return "\n".join(
        [
            f"in-process full pipeline: {result.in_process_rate:.1f} pages/s per process",
            f"1 process:  {result.one.rate:.1f} events/s over {result.one.messages} messages "
            f"({result.one.events} events, {result.one.dead} dead letters); ratio to in-process "
            f"{result.per_process_ratio:.3f}",
            f"2 processes: {result.two.rate:.1f} events/s; scaling {result.scaling:.2f}x",
            f"tiny page: {result.tiny.rate:.1f} messages/s, extraction {result.tiny_extract_ms:.2f} ms, "
            f"broker + bookkeeping {result.overhead_ms:.2f} ms per message",
        ]
    )


if __name__ == "__main__":
    print(report(measure_end_to_end()))
