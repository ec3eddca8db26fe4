"""End to end through Redis: events/s of real worker processes against the in-process rate.

The queue is filled before the workers start; the rate comes from the stream entry ids. A run with a
tiny page gives the broker's and our bookkeeping's cost per message. Run: `python -m bench.endtoend`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from schemas import RawPage
from worker.pipeline import extract

from .common import QUICK, TINY_PAGE, URL, Page, dev_pages, message
from .drain import Bench, Drain, drain
from .inprocess import full_pipeline


def page_messages(pages: list[Page], total: int) -> list[str]:
    """`total` messages cycling through the pages, as `producer.enqueue` sends them (job id set);
    distinct URLs so that no two are the same job."""
    out = []
    for i in range(total):
        page = pages[i % len(pages)]
        out.append(message(url=f"http://fakehost/{i}/{page.name}.html", content=page.html))
    return out


def in_process_pass(pages: list[Page]) -> tuple[float, float]:
    """(pages/s wall, CPU ms/page) of one in-process pass; CPU time is immune to others' load."""
    raws = [RawPage(url=URL, content=p.html) for p in pages]
    wall, cpu = time.perf_counter(), time.process_time()
    for raw in raws:
        full_pipeline(raw)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(raws) / wall, cpu / len(raws) * 1000


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
    in_process_cpu_ms: float
    prefetch: Drain  # 1 process with PREFETCH_MULTIPLIER=2

    @property
    def cpu_ratio(self) -> float:
        """In-process CPU per page over the worker's CPU per page (main + pool): 1.0 = no overhead."""
        return self.in_process_cpu_ms / self.one.cpu_ms

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


def measure_end_to_end(pages: list[Page] | None = None) -> EndToEnd:
    """The in-process reference is taken right before and right after the 1-process drain and
    averaged, so that a change in the machine's load hits both sides alike."""
    pages = pages if pages is not None else dev_pages()
    rounds = 1 if QUICK else 3
    messages = page_messages(pages, rounds * len(pages))
    tiny = [message(url=f"http://fakehost/tiny/{i}", content=TINY_PAGE) for i in range(300 if QUICK else 1000)]
    bench = Bench("e2e")
    try:
        before = in_process_pass(pages)
        one = drain(bench, messages, concurrency=1)
        after = in_process_pass(pages)
        prefetch = drain(bench, messages, concurrency=1, env={"PREFETCH_MULTIPLIER": "2"})
        two = drain(bench, messages, concurrency=2)
        tiny_run = drain(bench, tiny, concurrency=1)
    finally:
        bench.close()
    rate, cpu = (before[0] + after[0]) / 2, (before[1] + after[1]) / 2
    return EndToEnd(rate, one, two, tiny_run, tiny_ms(), cpu, prefetch)


def report(result: EndToEnd) -> str:
    return "\n".join(
        [
            f"in-process full pipeline (around the 1-process run): {result.in_process_rate:.1f} pages/s",
            f"1 process:  {result.one.rate:.1f} events/s over {result.one.messages} messages "
            f"({result.one.events} events, {result.one.dead} dead letters); ratio to in-process "
            f"{result.per_process_ratio:.3f}",
            f"CPU per page: in-process {result.in_process_cpu_ms:.1f} ms, worker (main + pool) "
            f"{result.one.cpu_ms:.1f} ms, ratio {result.cpu_ratio:.3f}; Redis server {result.one.redis_ms:.2f} ms",
            f"1 process, PREFETCH_MULTIPLIER=2: {result.prefetch.rate:.1f} events/s, ratio to in-process "
            f"{result.prefetch.rate / result.in_process_rate:.3f}",
            f"2 processes: {result.two.rate:.1f} events/s; scaling {result.scaling:.2f}x",
            f"tiny page: {result.tiny.rate:.1f} messages/s, extraction {result.tiny_extract_ms:.2f} ms, "
            f"broker + bookkeeping {result.overhead_ms:.2f} ms per message; CPU per message: worker "
            f"{result.tiny.cpu_ms:.2f} ms, Redis server {result.tiny.redis_ms:.3f} ms",
        ]
    )


if __name__ == "__main__":
    print(report(measure_end_to_end()))
