"""End to end through Redis: events/s of real worker processes against the in-process rate.

The queue is filled before the workers begin to consume it; the rate comes from the stream entry ids. A run with a
tiny page gives the broker's and our bookkeeping's cost per message. Run: `python -m bench.endtoend`.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
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
class Rep:
    """One repetition: in-process passes bracket the 1-process drain, the 2-process one and pages inline.

    Each drain is compared with the in-process rate measured just before and just after it, so that
    a change in the machine's speed (other jobs on a shared machine) between the two drains does not
    pass for scaling: the 2-process figure is (2 processes / their in-process rate) over (1 process /
    its in-process rate). `raw_scaling` is the plain quotient of the two drains' rates."""

    passes: tuple[tuple[float, float], ...]  # 4 in-process passes around 3 drains: (pages/s, CPU ms/page)
    one: Drain
    two: Drain
    inline: Drain  # 1 process, pages inline in the message (CLAIM_CHECK_BYTES=0)

    def _rate_around(self, drain: int) -> float:
        """Mean in-process pages/s of the passes just before and just after drain number `drain`."""
        return (self.passes[drain][0] + self.passes[drain + 1][0]) / 2

    @property
    def in_process_rate_one(self) -> float:
        return self._rate_around(0)

    @property
    def in_process_rate_two(self) -> float:
        return self._rate_around(1)

    @property
    def in_process_cpu_ms(self) -> float:
        return (self.passes[0][1] + self.passes[1][1]) / 2

    @property
    def per_process_ratio(self) -> float:
        return self.one.rate / self.in_process_rate_one

    @property
    def cpu_ratio(self) -> float:
        """In-process CPU per page over the worker's CPU per page (main + pool): 1.0 = no overhead."""
        return self.in_process_cpu_ms / self.one.cpu_ms

    @property
    def scaling(self) -> float:
        return (self.two.rate / self.in_process_rate_two) / self.per_process_ratio

    @property
    def raw_scaling(self) -> float:
        return self.two.rate / self.one.rate

    @property
    def inline_ratio(self) -> float:
        return self.inline.rate / self._rate_around(2)


@dataclass(frozen=True)
class EndToEnd:
    reps: list[Rep]
    tiny: Drain
    tiny_extract_ms: float

    def median(self, figure: Callable[[Rep], float]) -> float:
        return statistics.median(figure(rep) for rep in self.reps)

    @property
    def typical(self) -> Rep:
        """The repetition with the median per-process ratio: its rows go into the table."""
        ranked = sorted(self.reps, key=lambda rep: rep.per_process_ratio)
        return ranked[len(ranked) // 2]

    @property
    def overhead_ms(self) -> float:
        """Per message, everything but extraction: broker round trips, decoding, validation, XADD."""
        return 1000 / self.tiny.rate - self.tiny_extract_ms


def measure_end_to_end(pages: list[Page] | None = None) -> EndToEnd:
    """Each drain is bracketed by in-process passes (see `Rep`), so that a change in the machine's
    load hits both sides alike; the figures quoted are medians over the repetitions."""
    pages = pages if pages is not None else dev_pages()
    rounds, reps = (1, 1) if QUICK else (3, 5)
    messages = page_messages(pages, rounds * len(pages))
    tiny = [message(url=f"http://fakehost/tiny/{i}", content=TINY_PAGE) for i in range(300 if QUICK else 1000)]
    bench = Bench("e2e")
    out = []
    try:
        for _ in range(reps):
            before = in_process_pass(pages)
            one = drain(bench, messages, concurrency=1)
            between = in_process_pass(pages)
            two = drain(bench, messages, concurrency=2)
            after = in_process_pass(pages)
            inline = drain(bench, messages, concurrency=1, claim_check=False)
            last = in_process_pass(pages)
            out.append(Rep((before, between, after, last), one, two, inline))
        tiny_run = drain(bench, tiny, concurrency=1)
    finally:
        bench.close()
    return EndToEnd(out, tiny_run, tiny_ms())


def report(result: EndToEnd) -> str:
    t = result.typical
    return "\n".join(
        [
            f"{len(result.reps)} repetitions; medians: 1 process / in-process "
            f"{result.median(lambda r: r.per_process_ratio):.3f} (CPU {result.median(lambda r: r.cpu_ratio):.3f}), "
            f"2 processes / 1 process {result.median(lambda r: r.scaling):.2f}x, pages inline (no claim check) "
            f"{result.median(lambda r: r.inline_ratio):.3f}",
            "per repetition (1 process / in-process): " + ", ".join(f"{r.per_process_ratio:.3f}" for r in result.reps),
            "per repetition (2 processes / 1 process, each against its in-process rate; plain quotient of rates): "
            + ", ".join(f"{r.scaling:.2f} ({r.raw_scaling:.2f})" for r in result.reps),
            f"median repetition: in-process {t.in_process_rate_one:.1f} pages/s, 1 process {t.one.rate:.1f} events/s "
            f"over {t.one.messages} messages ({t.one.events} events, {t.one.skipped} skipped pages, "
            f"{t.one.dead} dead letters), "
            f"2 processes {t.two.rate:.1f} events/s, inline {t.inline.rate:.1f} events/s",
            f"CPU per page: in-process {t.in_process_cpu_ms:.1f} ms, worker (main + pool) {t.one.cpu_ms:.1f} ms, "
            f"inline {t.inline.cpu_ms:.1f} ms; Redis server {t.one.redis_ms:.2f} ms (inline {t.inline.redis_ms:.2f})",
            f"tiny page: {result.tiny.rate:.1f} messages/s, extraction {result.tiny_extract_ms:.2f} ms, "
            f"broker + bookkeeping {result.overhead_ms:.2f} ms per message; CPU per message: worker "
            f"{result.tiny.cpu_ms:.2f} ms, Redis server {result.tiny.redis_ms:.3f} ms",
        ]
    )


if __name__ == "__main__":
    print(report(measure_end_to_end()))
