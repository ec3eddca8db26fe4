"""Real worker processes for tests, benchmarks and chaos runs, started through our own CLI.

With HARNESS_HOLDS=1 in its environment a worker starts through `harness.holds`, so pages can ask to
be held mid-task; otherwise it is exactly `article-worker worker`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from worker.ops import liveness
from worker.store import keys

from .holds import ENV as HOLDS_ENV

ROOT = Path(__file__).resolve().parents[1]


class CliProcess:
    """`article-worker ARGS` running in the background, in its own process group (as on a separate host),
    its output in `log_path`."""

    def __init__(self, args: list[str], env: dict[str, str], log_path: Path, launcher: str = "worker.cli") -> None:
        self.env = env
        self.log_path = log_path
        self._log = open(log_path, "ab")  # noqa: SIM115 - lives as long as the process
        self.proc = subprocess.Popen(
            [sys.executable, "-m", launcher, *args],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-6000:]

    def kill(self) -> None:
        """SIGKILL the whole process group (a worker's pool too), no chance to clean up."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM, as `docker compose stop` sends; SIGKILL after `timeout`, and for any stray child."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self._log.close()
        return self.proc.returncode


class WorkerProcess(CliProcess):
    def __init__(
        self, env: dict[str, str], name: str, log_path: Path, concurrency: int = 1, extra: tuple[str, ...] = ()
    ) -> None:
        self.name = name
        launcher = "harness.holds" if env.get(HOLDS_ENV) == "1" else "worker.cli"
        args = ["worker", "--concurrency", str(concurrency), "-n", name, *extra]
        super().__init__(args, env, log_path, launcher)

    def heartbeat_key(self) -> str:
        return keys.heartbeat(self.env.get("KEY_PREFIX", ""), self.name)

    def alive(self, client: redis.Redis) -> bool:
        """Its heartbeat is fresh (read as `check` reads it)."""
        return bool(liveness.beats(client, self.env.get("KEY_PREFIX", ""), [self.name]))

    def wait_ready(self, client: redis.Redis, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited with {self.proc.returncode}:\n{self.log()}")
            if self.alive(client):
                return
            time.sleep(0.1)
        raise TimeoutError(f"worker {self.name} not ready after {timeout}s:\n{self.log()}")

    def pool_pids(self) -> list[int]:
        """Pool processes (direct children of the main worker process)."""
        try:
            text = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text()
        except OSError:
            return []
        return [int(p) for p in text.split()]
