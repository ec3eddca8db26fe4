"""RSS of one worker (main process plus its pool) over thousands of dev pages, with recycling on.

A feeder keeps the queue about `WINDOW` deep, so Redis never holds thousands of pages at once.
Run: `python -m bench.memory`.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .common import QUICK, Page, dev_pages
from .drain import Bench
from .endtoend import page_messages

WINDOW = 64


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Memory:
    pages: int
    max_tasks_per_child: int
    samples: list[tuple[int, int, int]] = field(default_factory=list)  # (pages done, main KiB, pool KiB)
    warmup: int = 100
    window: int = 300

    def _median_mib(self, low: int, high: int) -> float:
        """Median of main + pool over the samples taken while pages low..high were done: one big page
        makes a short spike (freed afterwards), which a single sample would mistake for growth."""
        totals = [main + pool for done, main, pool in self.samples if low <= done <= high]
        return statistics.median(totals or [self.samples[-1][1] + self.samples[-1][2]]) / 1024

    @property
    def start_mib(self) -> float:
        """After `warmup` pages (imports done, allocator and caches warm), over the next `window`."""
        return self._median_mib(self.warmup, self.warmup + self.window)

    @property
    def end_mib(self) -> float:
        """Over the last `window` pages."""
        return self._median_mib(self.pages - self.window, self.pages)

    @property
    def peak_mib(self) -> float:
        return max(main + pool for _, main, pool in self.samples) / 1024

    @property
    def growth(self) -> float:
        return self.end_mib / self.start_mib - 1


def _feed(bench: Bench, messages: list[str], stop: threading.Event) -> None:
    key = bench.queue_key()
    for message in messages:
        while not stop.is_set() and int(bench.client.llen(key)) >= WINDOW:
            time.sleep(0.05)
        if stop.is_set():
            return
        bench.send([message])


def measure_memory(pages: list[Page] | None = None, total: int | None = None) -> Memory:
    pages = pages if pages is not None else dev_pages()
    total = total or (600 if QUICK else 5000)
    max_tasks = int(os.environ.get("MAX_TASKS_PER_CHILD", "1000"))
    result = Memory(total, max_tasks)
    messages = page_messages(pages, total)
    bench = Bench("mem", MAX_TASKS_PER_CHILD=str(max_tasks))
    stop = threading.Event()
    try:
        with bench.workers(1, concurrency=1) as [proc]:
            feeder = threading.Thread(target=_feed, args=(bench, messages, stop), daemon=True)
            feeder.start()
            deadline = time.monotonic() + 3600
            while (done := bench.done()) < total and time.monotonic() < deadline:
                if proc.proc.poll() is not None:
                    raise RuntimeError(f"worker died:\n{proc.log()}")
                pool = sum(rss_kib(pid) for pid in proc.pool_pids())
                result.samples.append((done, rss_kib(proc.pid), pool))
                time.sleep(0.5)
            stop.set()
            pool = sum(rss_kib(pid) for pid in proc.pool_pids())
            result.samples.append((bench.done(), rss_kib(proc.pid), pool))
    finally:
        stop.set()
        bench.close()
    return result


def report(result: Memory) -> str:
    return (
        f"RSS over {result.pages} pages (MAX_TASKS_PER_CHILD={result.max_tasks_per_child}): "
        f"start {result.start_mib:.1f} MiB (median, pages {result.warmup}-{result.warmup + result.window}), "
        f"end {result.end_mib:.1f} MiB (median, last {result.window} pages), "
        f"peak {result.peak_mib:.1f} MiB, growth {result.growth:+.1%}"
    )


if __name__ == "__main__":
    print(report(measure_memory()))
