"""The README's example messages are valid messages, and its first screen names the two commands."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from schemas import ArticleEvent, DeadLetter, RawPage, Reason, SkippedPage
from schemas.export import SCHEMA_DIR
from schemas.reasons import ArticleWorkerError
from tests.conftest import ROOT
from worker.pipeline import extract

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = dict(re.findall(r"<!-- example: (\w+) -->\n```json\n(.*?)\n```", README, flags=re.S))
MODELS = {
    "raw_page": RawPage,
    "article_event": ArticleEvent,
    "dead_letter": DeadLetter,
    "dead_letter_no_article": DeadLetter,
    "skipped_page": SkippedPage,
}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_example_validates(name: str) -> None:
    assert name in EXAMPLES, f"README lacks the {name} example"
    MODELS[name].model_validate_json(EXAMPLES[name])  # type: ignore[attr-defined]


def test_raw_page_example_extracts() -> None:
    article = extract(RawPage.model_validate_json(EXAMPLES["raw_page"]))
    assert article.title == "Storm floods the old town"


def test_first_screen_gives_the_two_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:25])
    assert "make demo" in first_screen and "make test" in first_screen


def _concrete_errors() -> dict[Reason, set[bool]]:
    """Reason -> the `retryable` of every error class that declares that reason itself."""
    found: dict[Reason, set[bool]] = {}
    todo: list[type[ArticleWorkerError]] = [ArticleWorkerError]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if "reason" in vars(cls):
            found.setdefault(cls.reason, set()).add(cls.retryable)
    return found


def test_every_reason_has_one_error_class_and_one_readme_row() -> None:
    rows = dict(re.findall(r"^\| `(\w+)` \| (yes|no) \|", README, flags=re.M))
    errors = _concrete_errors()
    assert sorted(rows) == sorted(r.value for r in Reason), "the README's table of reasons lists every code once"
    for reason in Reason:
        assert len(errors.get(reason, set())) == 1, f"{reason}: one error class (or several that agree)"
        assert rows[reason.value] == ("yes" if errors[reason] == {True} else "no"), f"{reason}: retryable"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_example_validates_against_the_committed_json_schema(name: str) -> None:
    """As a consumer in another language would check it: the files of schemas/json, refs between them resolved."""
    files = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_DIR.glob("*.schema.json")}
    registry = Registry().with_resources((file, Resource.from_contents(schema)) for file, schema in files.items())
    model = MODELS[name].__name__
    [schema] = [s for s in files.values() if s.get("title") == model]
    Draft202012Validator(schema, registry=registry).validate(json.loads(EXAMPLES[name]))
