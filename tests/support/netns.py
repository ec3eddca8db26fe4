"""Hosts on one machine: network namespaces joined to a Redis namespace by point-to-point veth links.

Each run picks its own names and its own 10.77.N.0/24 (one /30 per link), and `close()` removes every
namespace, link and process it made, whatever happened.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path


def ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check, timeout=20)


def namespaces_unavailable() -> str | None:
    """None when `ip netns add` works here; else why not (for the skip message)."""
    probe = f"awprobe{uuid.uuid4().hex[:6]}"
    try:
        made = ip("netns", "add", probe, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"cannot run `ip netns add`: {exc}"
    if made.returncode != 0:
        return f"`ip netns add` failed (needs root / CAP_SYS_ADMIN): {made.stderr.strip()}"
    ip("netns", "del", probe, check=False)
    return None


def _free_subnet() -> int:
    used = ip("-4", "addr").stdout + ip("-4", "route").stdout
    for _ in range(50):
        third = random.randint(1, 254)
        if f"10.77.{third}." not in used:
            return third
    raise RuntimeError("no free 10.77.N.0/24 for the test")


@dataclass
class Lab:
    """A Redis host plus named hosts, each with a /30 link to it."""

    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:5])
    third: int = field(default_factory=_free_subnet)
    hosts: dict[str, int] = field(default_factory=dict)  # name -> link index
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def ns(self, host: str) -> str:
        return f"aw{self.tag}{host}"

    def redis_address(self, host: str) -> str:
        """Redis as the host sees it: the Redis end of the host's link."""
        return f"10.77.{self.third}.{4 * self.hosts[host] + 1}"

    def _link(self, host: str) -> tuple[str, str]:
        return f"aw{self.tag}{self.hosts[host]}r", f"aw{self.tag}{self.hosts[host]}h"

    def add_host(self, host: str, root: bool = False) -> None:
        """A host in its own namespace, or (root=True) the test's own namespace, linked to the Redis host."""
        if not self.hosts:
            ip("netns", "add", self.ns("redis"))
            ip("-n", self.ns("redis"), "link", "set", "lo", "up")
        self.hosts[host] = len(self.hosts)
        redis_end, host_end = self._link(host)
        ip("link", "add", redis_end, "type", "veth", "peer", "name", host_end)
        ip("link", "set", redis_end, "netns", self.ns("redis"))
        ip("-n", self.ns("redis"), "addr", "add", f"{self.redis_address(host)}/30", "dev", redis_end)
        ip("-n", self.ns("redis"), "link", "set", redis_end, "up")
        prefix: tuple[str, ...] = ()
        if not root:
            ip("netns", "add", self.ns(host))
            ip("link", "set", host_end, "netns", self.ns(host))
            prefix = ("-n", self.ns(host))
            ip(*prefix, "link", "set", "lo", "up")
        address = f"10.77.{self.third}.{4 * self.hosts[host] + 2}/30"
        ip(*prefix, "addr", "add", address, "dev", host_end)
        ip(*prefix, "link", "set", host_end, "up")

    def set_link(self, host: str, up: bool) -> None:
        """Cut (or restore) a host's only link, as when its network goes away."""
        ip("-n", self.ns(host), "link", "set", self._link(host)[1], "up" if up else "down")

    def spawn(self, host: str, argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        with log.open("ab") as out:
            proc = subprocess.Popen(
                ["ip", "netns", "exec", self.ns(host), *argv],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.procs.append(proc)
        return proc

    def close(self) -> None:
        for proc in self.procs:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
        for host in self.hosts:
            ip("link", "del", self._link(host)[1], check=False)  # the root-namespace end, if any
            ip("netns", "del", self.ns(host), check=False)
        ip("netns", "del", self.ns("redis"), check=False)
        time.sleep(0.1)
