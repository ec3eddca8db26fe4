"""Plain `content` against gzip `content_b64`: bytes per queued message in Redis, and throughput.

Run: `python -m bench.msgsize`.
"""

from __future__ import annotations

import base64
import gzip
from dataclasses import dataclass

from .common import QUICK, Page, dev_pages, message
from .drain import Bench, Drain, drain


def plain(i: int, page: Page) -> str:
    return message(url=f"http://fakehost/{i}/{page.name}.html", content=page.html)


def gzipped(i: int, page: Page) -> str:
    data = base64.b64encode(gzip.compress(page.html.encode("utf-8"), compresslevel=6)).decode("ascii")
    return message(url=f"http://fakehost/{i}/{page.name}.html", content_b64=data, content_encoding="gzip")


@dataclass(frozen=True)
class Encoding:
    name: str
    page_bytes: float  # the page as the producer had it (UTF-8), mean
    message_bytes: float  # our JSON message, mean
    redis_bytes: float  # MEMORY USAGE of the queue list and claim-checked pages, per message
    event_bytes: float  # MEMORY USAGE of the results stream per event
    drain: Drain


def measure_sizes(pages: list[Page] | None = None) -> list[Encoding]:
    pages = pages if pages is not None else dev_pages()
    if QUICK:
        pages = pages[:40]
    out = []
    bench = Bench("msg")
    try:
        for name, build in (("plain content", plain), ("gzip content_b64", gzipped)):
            messages = [build(i, p) for i, p in enumerate(pages)]
            bench.reset_streams()
            bench.clear_queue()
            bench.send(messages)
            queued = bench.queued_bytes()
            bench.clear_queue()
            result = drain(bench, messages)
            stream = int(bench.client.memory_usage(bench.results_key(), samples=0) or 0)
            n = len(messages)
            out.append(
                Encoding(
                    name,
                    sum(len(p.html.encode("utf-8")) for p in pages) / n,
                    sum(len(m) for m in messages) / n,
                    queued / n,
                    stream / max(1, result.events),
                    result,
                )
            )
    finally:
        bench.close()
    return out


def report(results: list[Encoding]) -> str:
    return "\n".join(
        f"{e.name:17} page {e.page_bytes / 1024:6.1f} KiB  message {e.message_bytes / 1024:6.1f} KiB  "
        f"in Redis {e.redis_bytes / 1024:6.1f} KiB/message  event {e.event_bytes / 1024:5.1f} KiB  "
        f"{e.drain.rate:5.1f} events/s (1 process), worker CPU {e.drain.cpu_ms:.1f} ms/message"
        for e in results
    )


if __name__ == "__main__":
    print(report(measure_sizes()))
