"""Log set-up: our handler on the root logger, never Celery's, and JSON lines with the page fields."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from worker.ops.logs import JsonFormatter, configure_logging
from worker.ops.report import Outcome, PageOutcome
from worker.settings import Settings

# What a worker does with logging, in a fresh interpreter: create the app, then Celery's log set-up
# (app.log.setup runs in the main worker process and again in each pool process).
SCRIPT = """
import json, logging, sys
embedded = {embedded}
if embedded:
    logging.getLogger().addHandler(logging.StreamHandler(sys.stdout))
from worker.service.app import create_app
from worker.service.install import install
from worker.settings import Settings
app = create_app(Settings())
install(app)
app.log.setup(logging.INFO)
app.log.already_setup = False
app.log.setup(logging.INFO)  # a pool process sets up again
def names(logger):  # a library's NullHandler is the logging convention, not output
    return [type(h).__name__ for h in logger.handlers if not isinstance(h, logging.NullHandler)]
print(json.dumps({{
    "root": names(logging.getLogger()),
    "celery": names(logging.getLogger("celery")),
    "task": names(logging.getLogger("celery.task")),
}}))
"""


def handlers_after_setup(embedded: bool) -> dict[str, list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(embedded=embedded)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "LOG_FORMAT": "json", "PYTHONPATH": str(ROOT)},
    )
    result: dict[str, list[str]] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_the_worker_logs_through_our_one_root_handler() -> None:
    assert handlers_after_setup(embedded=False) == {"root": ["OurHandler"], "celery": [], "task": []}


def test_an_embedding_applications_handler_survives() -> None:
    assert handlers_after_setup(embedded=True) == {"root": ["StreamHandler"], "celery": [], "task": []}


def test_json_line_has_the_page_fields() -> None:
    page = PageOutcome(Outcome.EVENT, "t-1", job_id="j-1", url="https://example.org/a", duration_ms=12.34567)
    record = logging.LogRecord("article_worker.pages", logging.INFO, __file__, 1, "event %s", ("j-1",), None)
    record.__dict__.update(page.fields())
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "event j-1" and line["level"] == "info" and line["logger"] == "article_worker.pages"
    assert {k: line[k] for k in ("task_id", "job_id", "url", "outcome", "reason", "duration_ms")} == {
        "task_id": "t-1",
        "job_id": "j-1",
        "url": "https://example.org/a",
        "outcome": "event",
        "reason": None,
        "duration_ms": 12.346,
    }
    assert line["time"].endswith("+00:00")


def test_the_redis_password_is_masked_in_every_line(capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(redis_url="redis://:p%40ss%22w@redis.internal:6379/0", log_format="json")
    level = logging.getLogger().level
    handler = configure_logging(settings)
    try:
        logging.getLogger("celery.worker").warning("connecting to %s", 'redis://:p@ss"w@redis.internal')
        logging.getLogger("x").info("raw p%40ss%22w")
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(level)
        logging.captureWarnings(False)
    err = capsys.readouterr().err
    assert "p@ss" not in err and "p%40ss" not in err and err.count("***") == 2
