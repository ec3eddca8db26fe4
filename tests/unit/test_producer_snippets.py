"""The README's producer snippets (redis-cli, Python, Node.js) send pages that match the JSON Schema."""

from __future__ import annotations

import ast
import json
import re

import pytest
from jsonschema import Draft202012Validator

from schemas import RawPage
from tests.conftest import ROOT
from tests.support.readme import SNIPPETS, redis_cli_line
from worker.settings import Settings

SCHEMA = json.loads((ROOT / "schemas" / "json" / "raw_page.schema.json").read_text(encoding="utf-8"))
DEFAULTS = Settings()


def payload(name: str) -> str:
    """The JSON the snippet sends as the `page` field (or to `enqueue`)."""
    if name == "redis-cli":
        argv = redis_cli_line()
        return argv[argv.index("page") + 1]
    match = re.search(r"^(?:const )?page = (\{.*?\});?$\n(?!\s)", SNIPPETS[name], flags=re.M | re.S)
    assert match, f"the {name} snippet has no `page = {{...}}` statement"
    if name == "python":  # a dict display (ruff formats it over several lines): literals only
        return json.dumps(ast.literal_eval(match.group(1)))
    return match.group(1)


def test_readme_has_the_three_producers() -> None:
    assert set(SNIPPETS) == {"redis-cli", "python", "node"}


@pytest.mark.parametrize("name", ["redis-cli", "python", "node"])
def test_snippet_payload_matches_the_committed_schema(name: str) -> None:
    page = json.loads(payload(name))
    errors = [e.message for e in Draft202012Validator(SCHEMA).iter_errors(page)]
    assert not errors, f"{name}: {errors}"
    RawPage.model_validate(page)


def test_the_schema_check_can_fail() -> None:
    """The same validator rejects what a worker would dead-letter as invalid_message."""
    page = json.loads(payload("node"))
    assert list(Draft202012Validator(SCHEMA).iter_errors({**page, "url": 42}))
    assert list(Draft202012Validator(SCHEMA).iter_errors({**page, "unknown_field": 1}))


def test_snippets_write_where_the_intake_reads() -> None:
    argv = redis_cli_line()
    assert argv[:4] == ["redis-cli", "XADD", DEFAULTS.intake_stream, "*"] and "page" in argv
    assert f'xAdd("{DEFAULTS.intake_stream}", "*", {{ page: JSON.stringify(page) }})' in SNIPPETS["node"]
    assert "enqueue(page)" in SNIPPETS["python"]
