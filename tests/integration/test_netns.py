"""Several hosts, on one machine: Redis and two workers each in their own network namespace.

Pages are enqueued from a third namespace with our CLI; both workers take work; then one worker's
link is cut mid-run. The pages it held stay in Redis's unacked hash, and the other worker's restore
sweep puts them back on the queue after VISIBILITY_TIMEOUT: every page comes out as an event.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from schemas import ArticleEvent
from tests.support.netns import Lab, namespaces_unavailable
from tests.support.pages import article_html
from tests.support.workers import ROOT

PASSWORD = f"pw-{uuid.uuid4().hex}"  # Redis on a network wants one; the URL carries it
PAGES = 16
PARAGRAPHS = 800  # ~0.3 s of extraction each, so a worker is mid-page when its link is cut
ENV = {
    "VISIBILITY_TIMEOUT": "8",
    "RESTORE_INTERVAL": "1",
    "SOFT_TIME_LIMIT": "5",
    "HARD_TIME_LIMIT": "6",
    "RETRY_BACKOFF": "0.2",
    "RETRY_BACKOFF_MAX": "1",
    "HEARTBEAT_INTERVAL": "0.5",
    "HEARTBEAT_TTL": "5",
    "CONCURRENCY": "1",
}


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    if sys.platform != "linux" or (why := namespaces_unavailable()):
        pytest.skip(f"network namespaces unavailable here: {why or sys.platform}")
    made = Lab()
    try:
        for host in ("a", "b", "p"):
            made.add_host(host)
        made.add_host("t", root=True)  # the test itself reads the streams over its own link
        yield made
    finally:
        made.close()


def env_for(lab: Lab, host: str) -> dict[str, str]:
    return {
        **os.environ,
        **ENV,
        "PYTHONPATH": str(ROOT),
        "REDIS_URL": f"redis://:{PASSWORD}@{lab.redis_address(host)}:6379/0",
    }


def wait(predicate: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def read_events(client: redis.Redis) -> list[ArticleEvent]:
    return [ArticleEvent.model_validate_json(fields[b"event"]) for _, fields in client.xrange("articles")]


def test_two_hosts_share_the_work_and_a_cut_host_loses_no_page(lab: Lab, tmp_path: Path) -> None:
    started = time.monotonic()
    binds = [lab.redis_address(h) for h in lab.hosts]
    server = ["redis-server", "--port", "6379", "--bind", *binds, "--requirepass", PASSWORD]
    lab.spawn(
        "redis",
        [*server, "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        os.environ.copy(),
        tmp_path / "redis.log",
    )
    client = redis.Redis(host=lab.redis_address("t"), port=6379, password=PASSWORD, socket_timeout=5)
    wait(lambda: _pings(client), 15, "redis in its namespace")

    workers = {}
    for host in ("a", "b"):
        argv = [sys.executable, "-m", "worker.cli", "worker", "-n", f"w{host}@netns", "--concurrency", "1"]
        workers[host] = lab.spawn(host, argv, env_for(lab, host), tmp_path / f"worker-{host}.log")
    wait(lambda: client.exists("heartbeat:wa@netns", "heartbeat:wb@netns") == 2, 60, "both workers' heartbeats")

    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(PAGES):
        (pages / f"p{i:02d}.html").write_text(article_html(i, paragraphs=PARAGRAPHS)[1])
    enqueue = subprocess.run(
        ["ip", "netns", "exec", lab.ns("p"), sys.executable, "-m", "worker.cli", "enqueue", "--print-ids", str(pages)],
        env=env_for(lab, "p"),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    job_ids = set(enqueue.stdout.split())
    assert len(job_ids) == PAGES

    # Both hosts take work; then host a's network goes away while it is holding a page.
    wait(lambda: {e.worker for e in read_events(client)} == {"wa@netns", "wb@netns"}, 30, "events from both workers")
    lab.set_link("a", up=False)
    cut = time.monotonic()
    held = client.hlen("unacked")

    wait(lambda: {e.job_id for e in read_events(client)} >= job_ids, 45, "every page as an event")
    events = read_events(client)
    by_worker = Counter(e.worker for e in events)
    redelivered = [e for e in events if e.attempts > 1]
    print(
        f"\nnetns: {PAGES} pages from namespace p; per worker {dict(by_worker)}; "
        f"unacked at the cut {held}; redelivered via wb after the cut {len(redelivered)} "
        f"(attempts {[e.attempts for e in redelivered]}) at +{time.monotonic() - cut:.1f}s; "
        f"run {time.monotonic() - started:.1f}s"
    )

    assert {e.job_id for e in events} == job_ids  # nothing lost
    assert len({e.event_id for e in events}) == len(events) == PAGES  # nothing published twice
    assert by_worker["wa@netns"] >= 1 and by_worker["wb@netns"] >= 1
    assert redelivered and all(e.worker == "wb@netns" for e in redelivered)
    assert workers["a"].poll() is None  # host a is alive, only unreachable: it never handed its page back
    assert client.llen("pages") == 0
    logs = "".join((tmp_path / f"worker-{h}.log").read_text() for h in ("a", "b"))
    assert PASSWORD not in logs and "ready" in logs


def _pings(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
