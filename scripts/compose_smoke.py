"""`make compose-smoke`: the compose stack on a real Docker engine, end to end, as the README tells users.

1. the engine and the stand-in images (`../shared/tools/docker-standins.sh`, when it is there);
2. build; `up -d --scale worker=3`; wait until every worker and the intake are healthy;
3. feed pages from the host the README's way: `run --rm -v DIR:/pages worker article-worker enqueue /pages`
   (the sample pages, copied PAGES/5 times under distinct names so the run lasts);
4. mid-run, `docker kill` one worker container (SIGKILL, no clean-up) while it holds pages, and time
   how long each of those pages takes to come back (leave the dead worker's ownership);
5. every page must come out as exactly one event; the redelivery max must be within BOUND_S;
6. `down -v`.

Compose v2 (`docker compose`) or v1 (`docker-compose`), whichever is installed (COMPOSE overrides).
Prints a timing line per step and a summary; exits 1 on any failure. Uses its own project name, so a
stack of yours is not touched.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "aw-smoke"
BOUND_S = 30.0
STARTED = time.monotonic()


def say(text: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f}s] {text}", flush=True)


def compose_command() -> list[str]:
    if os.environ.get("COMPOSE"):
        return os.environ["COMPOSE"].split()
    if subprocess.run(["docker", "compose", "version"], check=False, capture_output=True).returncode == 0:
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    sys.exit("neither `docker compose` (v2) nor `docker-compose` (v1) is installed")


COMPOSE = compose_command()


def run(*args: str, check: bool = True, capture: bool = True) -> str:
    done = subprocess.run(args, check=False, cwd=ROOT, text=True, capture_output=capture)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout or ''}{done.stderr or ''}")
    return done.stdout or ""


def compose(*args: str, check: bool = True, capture: bool = True) -> str:
    return run(*COMPOSE, "-p", PROJECT, *args, check=check, capture=capture)


def containers(service: str) -> list[str]:
    return compose("ps", "-q", service).split()


_redis: list[str] = []


def redis(*args: str) -> list[str]:
    """redis-cli in the redis container (its id looked up once: `compose ps` takes seconds)."""
    if not _redis:
        _redis.extend(containers("redis"))
    return run("docker", "exec", _redis[0], "redis-cli", "--raw", *args).splitlines()


def wait_healthy(workers: int, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ids = containers("worker") + containers("intake")
        states = run("docker", "inspect", "-f", "{{.State.Health.Status}}", *ids).split() if ids else []
        if len(ids) == workers + 1 and all(s == "healthy" for s in states):
            return
        time.sleep(1)
    raise TimeoutError(f"not healthy after {timeout}s: {compose('ps')}")


def owners() -> dict[str, str]:
    """Delivery tag -> owner id (`<container host name>-<pid>-<random>`) of every unacked page."""
    flat = redis("HGETALL", "unacked_owner")
    return dict(zip(flat[::2], flat[1::2], strict=True))


JOB_IDS = """local ids = {}
for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '+')) do
  local f = entry[2]
  for i = 1, #f, 2 do if f[i] == 'job_id' then ids[#ids + 1] = f[i + 1] end end
end
return ids"""


CPU = """import resource, subprocess, sys
for _ in range(3):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(sys.argv[1:], check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 3))"""


def check_cpu() -> str:
    """The healthcheck's command, as compose runs it, three times: CPU seconds each (user + system)."""
    container = containers("worker")[0]
    script = 'python -c "$0" article-worker check --quiet --name "celery@$(hostname)"'  # $0: the CPU script
    cpu = run("docker", "exec", container, "sh", "-c", script, CPU).split()
    return " ".join(f"{c}s" for c in cpu)


def feed(pages: int) -> int:
    """The sample pages, copied under distinct names, enqueued from the host the README's way; how many."""
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".html", ".txt"))
    with tempfile.TemporaryDirectory(prefix="aw-smoke-") as tmp:
        copies = max(1, pages // len(samples))
        for n in range(copies):
            for page in samples:
                shutil.copy(page, Path(tmp) / f"{page.stem}-{n:03d}{page.suffix}")
        os.chmod(tmp, 0o755)
        # compose v1 wants an absolute path for -v
        argv = ["run", "--rm", "-T", "-v", f"{tmp}:/pages:ro", "worker", "article-worker", "enqueue", "/pages"]
        out = subprocess.run([*COMPOSE, "-p", PROJECT, *argv], check=True, cwd=ROOT, text=True, capture_output=True)
        say(f"  {(out.stderr.strip().splitlines() or [''])[-1]}")
    return copies * len(samples)


def kill_one(total: int) -> list[float]:
    """`docker kill` a worker container holding pages; the seconds until each of them left its ownership."""
    victim, killed, killed_at = "", 0.0, 0.0
    held: dict[str, str] = {}
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not held:
        now = owners()
        for container in containers("worker"):
            host = run("docker", "inspect", "-f", "{{.Config.Hostname}}", container).strip()
            mine = {tag: owner for tag, owner in now.items() if owner.startswith(f"{host}-")}
            if len(mine) >= 2:
                run("docker", "kill", container)
                killed, killed_at = time.monotonic(), time.time()
                # what it holds now that it is dead (a page it finished between the look and the kill is not held)
                victim, held = host, {tag: o for tag, o in owners().items() if o.startswith(f"{host}-")}
                break
        time.sleep(0.2)
    if not held:
        raise RuntimeError("no worker held two pages at once: nothing to kill")
    say(f"docker kill {victim} holding {len(held)} page(s); {redis('XLEN', 'articles')[0]} of {total} events out")
    back: dict[str, float] = {}
    while len(back) < len(held) and time.monotonic() - killed < 3 * BOUND_S:
        now = owners()
        for tag in held:
            if tag not in back and now.get(tag) != held[tag]:
                back[tag] = time.monotonic() - killed
        time.sleep(0.1)
    seconds = sorted(back.values())
    median = statistics.median(seconds) if seconds else float("nan")
    for line in compose("logs", "--no-color", "worker").splitlines():  # the restoring worker's own word
        if "liveness key expired" in line and victim in line:
            stamp = json.loads(line.split("|", 1)[1])["time"]
            at = datetime.fromisoformat(stamp).timestamp() - killed_at
            say(f"  worker log, {at:+.1f}s after the kill: {json.loads(line.split('|', 1)[1])['message']}")
    say(f"redelivered {len(seconds)} of {len(held)}: seconds {[round(s, 1) for s in seconds]}; median {median:.1f}")
    return seconds + [float("inf")] * (len(held) - len(seconds))


def account(total: int) -> list[str]:
    """Wait for every event; the failures (missing or duplicate events)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and int(redis("XLEN", "articles")[0]) < total:
        time.sleep(1)
    time.sleep(3)  # a duplicate, if any, would land now
    jobs = redis("EVAL", JOB_IDS, "1", "articles")
    dead, skipped = int(redis("XLEN", "articles:dead")[0]), int(redis("XLEN", "articles:skipped")[0])
    unique = len(set(jobs))
    say(f"events {len(jobs)} ({unique} distinct jobs) of {total} pages; dead letters {dead}; skipped {skipped}")
    stats = json.loads(compose("run", "--rm", "-T", "worker", "article-worker", "stats", "--json"))
    say(f"stats: {json.dumps({k: v for k, v in stats.items() if k != 'workers'})}")
    return [] if unique == total == len(jobs) else [f"events: {len(jobs)} ({unique} distinct) for {total} pages"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="leave the stack up at the end")
    args = parser.parse_args()
    standins = ROOT.parent / "shared" / "tools" / "docker-standins.sh"
    if standins.exists():
        say(f"engine and stand-in images: bash {standins}")
        run("bash", str(standins), capture=False)
    say(f"compose: {' '.join(COMPOSE)} ({run(*COMPOSE, 'version', '--short').strip()})")
    timings: dict[str, float] = {}
    failures: list[str] = []

    def step(name: str, started: float) -> None:
        timings[name] = time.monotonic() - started
        say(f"{name}: {timings[name]:.1f}s")

    try:
        t = time.monotonic()
        compose("build", capture=False)
        step("build", t)
        t = time.monotonic()
        compose("up", "-d", "--scale", f"worker={args.workers}")
        wait_healthy(args.workers)
        step(f"up and healthy ({args.workers} workers and the intake)", t)
        say(f"healthcheck `article-worker check` CPU in a worker container: {check_cpu()}")
        t = time.monotonic()
        total = feed(args.pages)
        step(f"enqueue {total} pages from the host", t)
        seconds = kill_one(total)
        timings["redelivery max"] = max(seconds)
        if max(seconds) > BOUND_S:
            failures.append(f"redelivery: max {max(seconds):.1f}s over {BOUND_S:.0f}s")
        t = time.monotonic()
        failures += account(total)
        step("drain after the kill", t)
    except Exception as exc:
        failures.append(f"{type(exc).__name__}: {exc}")
        print(compose("logs", "--tail", "30", check=False), file=sys.stderr)
    finally:
        if not args.keep:
            t = time.monotonic()
            compose("down", "-v", "--remove-orphans", check=False)
            say(f"down -v: {time.monotonic() - t:.1f}s")
    summary = ", ".join(f"{k} {v:.1f}s" for k, v in timings.items())
    verdict = "FAILED: " + "; ".join(failures) if failures else "ok"
    print(f"compose-smoke: {verdict}; {summary}; total {time.monotonic() - STARTED:.0f}s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
