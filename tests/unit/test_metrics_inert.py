"""Metrics stay out of the way: off without METRICS_PORT, a warning (not a crash) without the extra."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = """
import json, logging, sys
if {blocked}:
    sys.modules["prometheus_client"] = None  # as if the [metrics] extra were not installed
logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
from worker.ops import metrics
from worker.ops.report import Outcome, report
from worker.settings import Settings
enabled = metrics.enable(Settings(metrics_port={port}))
report(Outcome.EVENT, "t-1", job_id="j", url="https://example.org/", duration_ms=1.0)
print(json.dumps({{"enabled": enabled, "metrics": sorted(metrics._m), "imported": "prometheus_client" in sys.modules
                   and sys.modules["prometheus_client"] is not None}}))
"""


def run(blocked: bool, port: int, env: dict[str, str] | None = None) -> tuple[dict[str, object], str]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(blocked=blocked, port=port)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **(env or {})},
    )
    return json.loads(out.stdout.strip().splitlines()[-1]), out.stderr


def test_off_without_a_port() -> None:
    result, _ = run(blocked=False, port=0)
    assert result == {"enabled": False, "metrics": [], "imported": False}


def test_inert_without_the_extra() -> None:
    result, stderr = run(blocked=True, port=9999)
    assert result == {"enabled": False, "metrics": [], "imported": False}
    assert "article-worker[metrics]" in stderr


def test_on_with_a_port_and_the_extra(tmp_path: Path) -> None:
    (tmp_path / "counter_123.db").write_bytes(b"stale")
    result, _ = run(blocked=False, port=9999, env={"PROMETHEUS_MULTIPROC_DIR": str(tmp_path)})
    assert result == {"enabled": True, "metrics": ["dead", "duration", "filled", "pages"], "imported": True}
    files = sorted(p.name for p in tmp_path.iterdir())
    assert "counter_123.db" not in files  # a previous run's counts are wiped
    assert any(name.startswith("counter_") for name in files)  # this run counted into the directory


COUNT = """
import json
from prometheus_client import CollectorRegistry
from prometheus_client.multiprocess import MultiProcessCollector
from schemas import RawPage
from worker.ops import metrics
from worker.ops.report import Outcome, report
from worker.pipeline import extract
from worker.settings import Settings
assert metrics.enable(Settings(metrics_port=9999))
body = "<p>Some words of a body that is long enough to count as an article. </p>" * 20
html = "<html><head><title>T</title></head><body><article><h1>T</h1>" + body + "</article></body></html>"
article = extract(RawPage(url="https://example.org/a", content=html))
report(Outcome.EVENT, "t1", job_id="j", duration_ms=5.0, article=article)
report(Outcome.DUPLICATE, "t2", job_id="j", duration_ms=1.0, article=article)
report(Outcome.DUPLICATE, "t3", reason="no_article", duration_ms=1.0)
report(Outcome.DEAD_LETTER, "t4", reason="no_article", duration_ms=1.0)
report(Outcome.SKIPPED, "t5", job_id="k", reason="product", duration_ms=2.0)
registry = CollectorRegistry()
MultiProcessCollector(registry)
print(json.dumps({f"{s.name}{sorted(s.labels.items())}": s.value for m in registry.collect() for s in m.samples
                  if s.name.endswith("_total") and s.value}))
"""


def test_each_outcome_counts_once_and_only_events_fill_fields(tmp_path: Path) -> None:
    """Duplicates are neither new events nor new dead letters; a skipped page is its own outcome, by type."""
    out = subprocess.run(
        [sys.executable, "-c", COUNT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)},
    )
    counts = json.loads(out.stdout.strip().splitlines()[-1])
    pages = {k: v for k, v in counts.items() if k.startswith("article_worker_pages_total")}
    assert pages == {
        "article_worker_pages_total[('outcome', 'event'), ('reason', '')]": 1.0,
        "article_worker_pages_total[('outcome', 'duplicate'), ('reason', '')]": 1.0,
        "article_worker_pages_total[('outcome', 'duplicate'), ('reason', 'no_article')]": 1.0,
        "article_worker_pages_total[('outcome', 'dead_letter'), ('reason', 'no_article')]": 1.0,
        "article_worker_pages_total[('outcome', 'skipped'), ('reason', 'product')]": 1.0,
    }
    assert [k for k in counts if k.startswith("article_worker_dead_letters_total")] == [
        "article_worker_dead_letters_total[('reason', 'no_article')]"
    ]
    assert counts["article_worker_dead_letters_total[('reason', 'no_article')]"] == 1.0
    assert counts["article_worker_field_filled_total[('field', 'title')]"] == 1.0  # the event's, not the duplicate's
