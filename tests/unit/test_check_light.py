"""`article-worker check` is the compose healthcheck: light (no pipeline, pydantic or redis-py), and
reading REDIS_URL and KEY_PREFIX exactly as Settings does."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest

from harness.redis_keys import TEST_REDIS_URL
from tests.conftest import ROOT
from worker.cli import check_cmd
from worker.settings import Settings

VARIANTS = [
    {},
    {"REDIS_URL": "redis://elsewhere:6380/2", "KEY_PREFIX": "tenant-a:"},
    {"redis_url": "redis://lower:6379/0", "key_prefix": "lower:"},
    {"REDIS_URL": "", "KEY_PREFIX": ""},  # empty means the default, as compose passes ${X:-}
]


@pytest.mark.parametrize("env", VARIANTS, ids=lambda env: ",".join(f"{k}={v}" for k, v in env.items()) or "unset")
def test_check_reads_the_environment_as_settings_does(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [k for k in os.environ if k.upper() in check_cmd.DEFAULTS]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert check_cmd.environment("REDIS_URL") == settings.redis_url
    assert check_cmd.environment("KEY_PREFIX") == settings.key_prefix


SCRIPT = """
import json, sys
from worker.cli import main
try:
    main(["check", "--name", "nobody@test"])
except SystemExit as done:
    print(json.dumps({"exit": done.code, "loaded": sorted(m for m in ("pydantic", "redis", "celery", "lxml",
        "worker.pipeline", "worker.settings") if m in sys.modules)}))
"""


def test_check_imports_only_what_it_needs(key_prefix: str) -> None:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "REDIS_URL": TEST_REDIS_URL, "KEY_PREFIX": key_prefix}
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"exit": 1, "loaded": []}


FAST = """
import json, sys
sys.argv = ["article-worker", "check", "-q", "--name", "nobody@test"]
from worker.cli import run
try:
    run()
except SystemExit as done:
    print(json.dumps({"exit": done.code, "click": "click" in sys.modules}))
"""


def test_the_console_script_answers_check_without_click(key_prefix: str) -> None:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "REDIS_URL": TEST_REDIS_URL, "KEY_PREFIX": key_prefix}
    done = subprocess.run([sys.executable, "-c", FAST], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"exit": 1, "click": False}


def test_check_costs_at_most_a_tenth_of_a_second_of_cpu(key_prefix: str) -> None:
    """The issue's budget, measured as the healthcheck runs it (best of three: the first may compile)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REDIS_URL": TEST_REDIS_URL, "KEY_PREFIX": key_prefix}
    costs = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        command = [sys.executable, "-m", "worker.cli", "check", "-q"]
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        costs.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    assert min(costs) <= 0.1, costs
