"""What every benchmark shares: the pages, the machine description, the Redis and quick mode."""

from __future__ import annotations

import atexit
import os
import platform
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import redis

from worker.evaluation.dataset import load

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
URL = "http://fakehost/test/page.html"

# A page whose extraction costs almost nothing: what is left of its time is broker and bookkeeping.
TINY_PAGE = (
    "<html><head><title>t</title></head><body><article><p>"
    + " ".join(f"word{i}" for i in range(30))
    + ".</p></article></body></html>"
)


@dataclass(frozen=True)
class Page:
    name: str
    html: str


def dev_pages() -> list[Page]:
    """The dev set's sources as text (UTF-8 with replacement, like the pipeline's decoding)."""
    return [Page(p.name, p.source.decode("utf-8", "replace")) for p in load()]


def message(**fields: str) -> str:
    """A page message as `worker.producer.enqueue` sends it: validated, job id set, compact JSON."""
    from worker.producer import to_raw_page

    return to_raw_page(fields).model_dump_json(exclude_none=True)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def machine() -> dict[str, str]:
    from importlib.metadata import version

    return {
        "CPU": cpu_model(),
        "cores": str(os.cpu_count()),
        "Python": platform.python_version(),
        "lxml": ".".join(map(str, lxml.etree.LXML_VERSION)),
        "libxml2": ".".join(map(str, lxml.etree.LIBXML_VERSION)),
        "readability-lxml": version("readability-lxml"),
        "Redis": f"{bench_redis().info('server').get('redis_version', '?')} ({redis_where()})",
        "load average at start": load_average(),
    }


_PRIVATE: list[subprocess.Popen[bytes]] = []


def redis_url() -> str:
    """BENCH_REDIS_URL, or a private redis-server of our own (started once, stopped at exit), so
    that its CPU per message is ours alone; the shared Redis if redis-server is not installed."""
    url = os.environ.get("BENCH_REDIS_URL")
    if url:
        return url
    if not _PRIVATE and shutil.which("redis-server"):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        workdir = tempfile.mkdtemp(prefix="awbench-redis-")
        command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        _PRIVATE.append(subprocess.Popen([*command, "--dir", workdir], stdout=subprocess.DEVNULL))
        atexit.register(_PRIVATE[0].terminate)
        os.environ["BENCH_REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        client = redis.Redis.from_url(os.environ["BENCH_REDIS_URL"])
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        return os.environ["BENCH_REDIS_URL"]
    return os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")


def redis_where() -> str:
    return "private redis-server started by the bench" if _PRIVATE else redis_url()


def bench_redis() -> redis.Redis:
    return redis.Redis.from_url(redis_url())


def new_prefix(tag: str) -> str:
    """A key prefix of our own on the shared Redis; everything under it is deleted afterwards."""
    return f"awbench:{tag}:{uuid.uuid4().hex[:8]}:"


def delete_prefix(client: redis.Redis, prefix: str) -> None:
    keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
    for i in range(0, len(keys), 500):
        client.delete(*keys[i : i + 500])
