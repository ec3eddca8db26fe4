"""A worker freezes its start-up objects as each pool process starts and once the main process is up."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

# In a fresh interpreter, as a worker: the app, `install(app)`, then each hook as Celery would fire it.
SCRIPT = """
import gc, json
from celery import signals
from worker.service.app import create_app
from worker.service.install import install
from worker.settings import Settings
install(create_app(Settings()))
out = {}
for name in ("worker_process_init", "worker_ready"):
    gc.unfreeze()
    before = len(gc.get_objects())
    getattr(signals, name).send(sender=None)
    out[name] = {"before": before, "frozen": gc.get_freeze_count(), "tracked": len(gc.get_objects())}
print(json.dumps(out))
"""


def test_worker_start_freezes_what_exists() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    for name, seen in json.loads(done.stdout.strip().splitlines()[-1]).items():
        assert seen["frozen"] > 0.9 * seen["before"] > 0, name
        assert seen["tracked"] < seen["before"] / 10, f"{name}: the collector no longer walks them"
