"""Our CLI as real subprocesses: long-running services (intake) and one-shot commands."""

from __future__ import annotations

import os
import subprocess
import sys

from harness.workers import ROOT, CliProcess

__all__ = ["CliProcess", "cli_env", "run_cli"]


def cli_env(env: dict[str, str]) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), **env}


def run_cli(args: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args],
        cwd=ROOT,
        env=cli_env(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
