"""Plain-JSON intake: redis-cli XADD on pages:in, through the intake process and a real worker."""

from __future__ import annotations

import json
import subprocess
import time
from typing import Any

import pytest
import redis

from harness.redis_keys import TEST_REDIS_URL
from schemas import RawPage, Reason
from tests.integration.conftest import StartCli, StartWorker
from tests.support.queue import queued_args
from tests.support.readme import redis_cli_line
from tests.support.streams import dead_letters, events
from worker.page.dead_letters import DeadLetters
from worker.producer.intake import Intake
from worker.settings import Settings
from worker.store.groups import GroupReader
from worker.store.streams import Streams


def redis_cli(argv: list[str], prefix: str) -> str:
    """Run a `redis-cli XADD pages:in ...` command line, adding only the server URL and the test's prefix."""
    assert argv[:3] == ["redis-cli", "XADD", "pages:in"]
    argv = [*argv[:2], prefix + argv[2], *argv[3:]]
    done = subprocess.run(["redis-cli", "-u", TEST_REDIS_URL, *argv[1:]], capture_output=True, text=True, check=True)
    assert "ERR" not in done.stdout, done.stdout
    return done.stdout.strip()


def queued_messages(client: redis.Redis, settings: Settings) -> list[Any]:
    """Task arguments of the Celery messages waiting in the pages queue."""
    return [json.loads(args[0]) for args in queued_args(client, settings.key(settings.pages_queue))]


def wait_until(condition: Any, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_redis_cli_xadd_comes_out_as_an_event(
    start_worker: StartWorker, start_cli: StartCli, redis_client: redis.Redis, settings: Settings, key_prefix: str
) -> None:
    start_worker()
    intake = start_cli("intake")
    command = redis_cli_line()  # exactly the README's line
    page = json.loads(command[command.index("page") + 1])
    entry_id = redis_cli(command, key_prefix)

    got = events(redis_client, settings.key(settings.results_stream), 1)

    assert len(got) == 1, intake.log()
    assert got[0].url == page["url"] and got[0].article.title == "Storm floods the old town"
    assert got[0].producer == page["producer"]
    assert entry_id.split("-")[0].isdigit()
    stream = settings.key(settings.intake_stream)
    wait_until(lambda: redis_client.xpending(stream, settings.intake_group)["pending"] == 0)
    assert redis_client.xlen(stream) == 0  # handed-off entries are deleted: XLEN is the backlog
    assert redis_client.xlen(settings.key(settings.dead_letter_stream)) == 0


def test_invalid_entries_become_dead_letters_with_the_original(
    start_cli: StartCli, redis_client: redis.Redis, settings: Settings
) -> None:
    stream = settings.key(settings.intake_stream)
    not_json = "<html>not JSON</html>"
    invalid = json.dumps({"url": "ftp://example.org/x", "content": "<p>x</p>"})
    redis_client.xadd(stream, {"page": not_json})
    redis_client.xadd(stream, {"page": invalid})
    redis_client.xadd(stream, {"html": "<p>no page field</p>"})
    redis_client.xadd(stream, {"page": json.dumps({"url": "https://example.org/ok", "content": "<p>ok</p>"})})
    start_cli("intake")

    letters = dead_letters(redis_client, settings.key(settings.dead_letter_stream), 3)

    assert [(d.reason, d.original, d.stage) for d in letters] == [
        (Reason.NOT_JSON, not_json, "intake"),
        (Reason.INVALID_MESSAGE, invalid, "intake"),
        (Reason.INVALID_MESSAGE, json.dumps({"html": "<p>no page field</p>"}), "intake"),
    ]
    assert "no 'page' field" in letters[2].error
    wait_until(lambda: redis_client.llen(settings.key(settings.pages_queue)) == 1)
    [message] = queued_messages(redis_client, settings)
    assert message["url"] == "https://example.org/ok" and message["job_id"].startswith("page-")
    wait_until(lambda: redis_client.xlen(stream) == 0)


def test_pending_entry_of_a_dead_intake_is_claimed(
    start_cli: StartCli, redis_client: redis.Redis, settings: Settings
) -> None:
    stream = settings.key(settings.intake_stream)
    redis_client.xgroup_create(stream, settings.intake_group, id="0", mkstream=True)
    redis_client.xadd(stream, {"page": json.dumps({"url": "https://example.org/orphan", "content": "<p>x</p>"})})
    # A consumer reads the entry and dies before handing it off: the entry stays pending under its name.
    assert redis_client.xreadgroup(settings.intake_group, "dead@test", {stream: ">"}, count=1)
    assert redis_client.xpending(stream, settings.intake_group)["consumers"] == [{"name": b"dead@test", "pending": 1}]

    intake = start_cli("intake", "--consumer", "live@test", env={"INTAKE_CLAIM_IDLE": "1"})

    wait_until(lambda: redis_client.llen(settings.key(settings.pages_queue)) == 1)
    assert [m["url"] for m in queued_messages(redis_client, settings)] == ["https://example.org/orphan"]
    wait_until(lambda: redis_client.xpending(stream, settings.intake_group)["pending"] == 0)
    assert redis_client.xlen(stream) == 0
    assert redis_client.exists(settings.key("heartbeat:live@test"))
    assert intake.stop() == 0  # SIGTERM: finishes its round and leaves cleanly
    assert not redis_client.exists(settings.key("heartbeat:live@test"))


def test_entry_is_acknowledged_only_after_the_hand_off(redis_client: redis.Redis, settings: Settings) -> None:
    stream = settings.key(settings.intake_stream)
    reader = GroupReader(redis_client, stream, settings.intake_group, "me@test", claim_idle=60)
    sent: list[str] = []

    def flaky_send(raw: RawPage) -> str:
        if not sent:
            sent.append("failed")
            raise ConnectionError("broker down")
        sent.append(raw.url)
        return "job"

    intake = Intake(reader, settings, DeadLetters(Streams(redis_client, settings)), flaky_send)
    reader.ensure_group()
    redis_client.xadd(stream, {"page": json.dumps({"url": "https://example.org/a", "content": "a"})})

    with pytest.raises(ConnectionError):
        intake.step(block_ms=100)
    assert redis_client.xpending(stream, settings.intake_group)["pending"] == 1  # not acknowledged
    reader.retry_pending()
    assert intake.step(block_ms=100) == 1
    assert sent == ["failed", "https://example.org/a"]
    assert redis_client.xpending(stream, settings.intake_group)["pending"] == 0
    assert redis_client.xlen(stream) == 0


def test_reader_recovers_when_the_stream_is_deleted(redis_client: redis.Redis, settings: Settings) -> None:
    stream = settings.key(settings.intake_stream)
    reader = GroupReader(redis_client, stream, settings.intake_group, "me@test", claim_idle=60)
    reader.ensure_group()
    redis_client.delete(stream)  # an operator clears the backlog with DEL
    assert reader.read(10, 100) == []
    entry_id = redis_client.xadd(stream, {"page": "{}"}).decode()  # type: ignore[union-attr]
    assert [e for e, _ in reader.read(10, 100)] == [entry_id]


def test_a_bug_on_one_entry_dead_letters_it_instead_of_stalling_the_stream(
    redis_client: redis.Redis, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import worker.producer.intake

    real_decode = worker.producer.intake.decode_message

    def buggy_decode(message: bytes, max_bytes: int) -> RawPage:
        if b"trigger" in message:
            raise KeyError("a bug of ours")
        return real_decode(message, max_bytes)

    monkeypatch.setattr(worker.producer.intake, "decode_message", buggy_decode)
    stream = settings.key(settings.intake_stream)
    reader = GroupReader(redis_client, stream, settings.intake_group, "me@test", claim_idle=60)
    sent: list[str] = []
    intake = Intake(
        reader, settings, DeadLetters(Streams(redis_client, settings)), lambda raw: sent.append(raw.url) or "job"
    )
    reader.ensure_group()
    bad = json.dumps({"url": "https://example.org/trigger", "content": "x"})
    redis_client.xadd(stream, {"page": bad})
    redis_client.xadd(stream, {"page": json.dumps({"url": "https://example.org/fine", "content": "x"})})

    assert intake.step(block_ms=100) == 2

    [letter] = dead_letters(redis_client, settings.key(settings.dead_letter_stream), 1, timeout=1)
    assert letter.reason == Reason.INTERNAL_ERROR and letter.original == bad and letter.retryable
    assert sent == ["https://example.org/fine"]
    assert redis_client.xpending(stream, settings.intake_group)["pending"] == 0
