"""`make bench`: every benchmark in one run, written to bench/results/results.md (and a chart).

BENCH_QUICK=1 gives a short run (fewer repetitions, rounds and pages) for a smoke check; it writes
results-quick.md (and .png) so that it never overwrites the full run's results.
"""

from __future__ import annotations

import sys
import time

from . import endtoend, inprocess, memory, msgsize
from .common import QUICK, RESULTS, dev_pages, load_average, machine

STEM = "results-quick" if QUICK else "results"


def main() -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    info = machine()
    pages = dev_pages()
    started = time.time()

    print("in-process ...", flush=True)
    ip = inprocess.measure(pages)
    print(inprocess.report(ip), flush=True)
    print("fields ...", flush=True)
    fc = inprocess.measure_fields(pages)
    print(inprocess.report_fields(fc), flush=True)
    print("end to end ...", flush=True)
    e2e = endtoend.measure_end_to_end(pages)
    print(endtoend.report(e2e), flush=True)
    print("message size ...", flush=True)
    sizes = msgsize.measure_sizes(pages)
    print(msgsize.report(sizes), flush=True)
    print("memory ...", flush=True)
    mem = memory.measure_memory(pages)
    print(memory.report(mem), flush=True)
    info["load average at end"] = load_average()
    info["wall time"] = f"{time.time() - started:.0f} s" + (" (BENCH_QUICK)" if QUICK else "")

    text = render(info, ip, fc, e2e, sizes, mem)
    (RESULTS / f"{STEM}.md").write_text(text)
    chart(ip, mem)
    print(f"wrote {RESULTS / (STEM + '.md')}")
    return 0


def render(  # noqa: PLR0917
    info: dict[str, str],
    ip: inprocess.InProcess,
    fc: inprocess.FieldCost,
    e2e: endtoend.EndToEnd,
    sizes: list[msgsize.Encoding],
    mem: memory.Memory,
) -> str:
    t = e2e.reps[0]  # message counts only: the same in every repetition
    m = e2e.median
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`bench/run.py`). Timings are from one run on a shared machine (other",
        "processes were using the CPU: see the load averages); compare ratios within the run, not absolute",
        "figures across runs.",
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {k} | {v} |" for k, v in info.items()),
        "",
        f"## In process ({ip.pages} dev pages, {ip.reps} repetitions, median per page)",
        "",
        "| variant | mean ms/page | median ms/page | pages/s | × readability-lxml |",
        "| --- | ---: | ---: | ---: | ---: |",
        *(
            f"| {v.name} | {v.mean_ms:.2f} | {v.median_ms:.2f} | {v.pages_per_s:.1f} | {ip.ratio(v.name):.3f} |"
            for v in ip.variants.values()
        ),
        "",
        "Fields (title, authors, dates with htmldate, language, images, fingerprint...), timed inside the full",
        f"pipeline on its own tree, {fc.reps} repetitions: **{fc.mean_ms:.2f} ms/page** on average, "
        f"{fc.share:.1%} of the pipeline's time.",
        "",
        "## End to end through Redis (real worker processes on their own key prefix)",
        "",
        "Wall rates come from the streams' entry ids; the queue is filled before the workers consume it. Each",
        "repetition runs the in-process reference just before and just after each of its drains (1 process,",
        "2 processes, pages inline) and compares each drain with its own reference, so that a change in the shared",
        "machine's speed between the drains does not pass for (lack of) scaling. CPU is user + system time",
        f"of the worker's processes (main + pool). Medians over {len(e2e.reps)} repetitions: 1 process / in-process "
        f"**{e2e.median(lambda r: r.per_process_ratio):.3f}** (by CPU {e2e.median(lambda r: r.cpu_ratio):.3f}; "
        "per repetition " + ", ".join(f"{r.per_process_ratio:.3f}" for r in e2e.reps) + "), 2 processes / 1 "
        f"process **{e2e.median(lambda r: r.scaling):.2f}×** (per repetition "
        + ", ".join(f"{r.scaling:.2f}" for r in e2e.reps)
        + f"; plain quotient of the two drains' rates {e2e.median(lambda r: r.raw_scaling):.2f}×), pages inline "
        f"instead of by claim check {e2e.median(lambda r: r.inline_ratio):.3f}. In the first four rows each cell",
        "is the median of its column over the repetitions (so a row's cells need not divide exactly); the",
        "tiny-page row is one drain.",
        "",
        "| run | messages | events/s | × in-process | worker CPU ms/message | Redis CPU ms/message |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| in-process full pipeline | {len(ip.variants['full pipeline'].per_page)} "
        f"| {m(lambda r: r.in_process_rate_one):.1f} | 1.000 | {m(lambda r: r.in_process_cpu_ms):.1f} | |",
        f"| 1 process (concurrency 1) | {t.one.messages} | {m(lambda r: r.one.rate):.1f} "
        f"| {m(lambda r: r.per_process_ratio):.3f} (CPU: {m(lambda r: r.cpu_ratio):.3f}) "
        f"| {m(lambda r: r.one.cpu_ms):.1f} | {m(lambda r: r.one.redis_ms):.2f} |",
        f"| 2 processes (concurrency 2) | {t.two.messages} | {m(lambda r: r.two.rate):.1f} "
        f"| {m(lambda r: r.scaling):.2f}× one process | {m(lambda r: r.two.cpu_ms):.1f} "
        f"| {m(lambda r: r.two.redis_ms):.2f} |",
        f"| 1 process, pages inline (CLAIM_CHECK_BYTES=0) | {t.inline.messages} | {m(lambda r: r.inline.rate):.1f} "
        f"| {m(lambda r: r.inline_ratio):.3f} | {m(lambda r: r.inline.cpu_ms):.1f} "
        f"| {m(lambda r: r.inline.redis_ms):.2f} |",
        f"| tiny page, 1 process | {e2e.tiny.messages} | {e2e.tiny.rate:.1f} | overhead {e2e.overhead_ms:.2f} ms "
        f"(extraction {e2e.tiny_extract_ms:.2f} ms) | {e2e.tiny.cpu_ms:.2f} | {e2e.tiny.redis_ms:.3f} |",
        "",
        "## Message size (dev pages; bytes in Redis by `MEMORY USAGE`)",
        "",
        "| encoding | page KiB | message KiB | queued KiB/message in Redis | event KiB in stream "
        "| events/s (1 process) | worker CPU ms/message |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(
            f"| {e.name} | {e.page_bytes / 1024:.1f} | {e.message_bytes / 1024:.1f} | {e.redis_bytes / 1024:.1f} "
            f"| {e.event_bytes / 1024:.1f} | {e.drain.rate:.1f} | {e.drain.cpu_ms:.1f} |"
            for e in sizes
        ),
        "",
        f"## Memory (one worker, concurrency 1, MAX_TASKS_PER_CHILD={mem.max_tasks_per_child})",
        "",
        f"RSS of main + pool process; start = median over pages {mem.warmup}-{mem.warmup + mem.window}, "
        f"end = median over the last {mem.window} pages (single big pages make short spikes: see the peak).",
        "",
        "| pages | RSS start | RSS end | peak | growth |",
        "| ---: | ---: | ---: | ---: | ---: |",
        f"| {mem.pages} | {mem.start_mib:.1f} MiB | {mem.end_mib:.1f} MiB | {mem.peak_mib:.1f} MiB "
        f"| {mem.growth:+.1%} |",
        "",
    ]
    return "\n".join(lines)


def chart(ip: inprocess.InProcess, mem: memory.Memory) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed (pip install -e '.[bench]'): no chart", file=sys.stderr)
        return
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    names = list(ip.variants)
    left.bar(names, [ip.variants[n].mean_ms for n in names], color=["#2b6cb0", "#a0aec0", "#68d391"])
    left.set_ylabel("mean ms per page")
    left.set_title(f"In process, {ip.pages} dev pages")
    done = [s[0] for s in mem.samples]
    right.plot(done, [s[1] / 1024 for s in mem.samples], label="main process")
    right.plot(done, [s[2] / 1024 for s in mem.samples], label="pool process")
    right.set_xlabel("pages done")
    right.set_ylabel("RSS MiB")
    right.set_title(f"Worker RSS, MAX_TASKS_PER_CHILD={mem.max_tasks_per_child}")
    right.legend()
    fig.tight_layout()
    fig.savefig(RESULTS / f"{STEM}.png", dpi=90)
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(main())
