"""The evaluation gate and field rules on synthetic numbers (no dev set needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas import PAGE_TYPES
from worker.evaluation.fields import matches
from worker.evaluation.floors import check, check_figures, load_floors
from worker.evaluation.metric import BodyScore
from worker.evaluation.report import Row, format_table

FIELDS = {"title": 0.9, "byline": 0.8, "excerpt": 0.5, "site_name": 0.7, "published": 0.6, "language": 0.95}


def row(name: str = "article-worker", f1: float = 0.97, byline: float = 0.8) -> Row:
    return Row(name, BodyScore(f1, 0.98, 0.96, 0.5), {**FIELDS, "byline": byline}, 12.0)


@pytest.mark.parametrize(
    "rows, floors, failures",
    [
        ([row()], {"article-worker": {"body_f1": 0.96, "byline": 0.75}}, []),
        (
            [row(f1=0.95)],
            {"article-worker": {"body_f1": 0.96}},
            ["article-worker body_f1: 0.950 is below its floor 0.960"],
        ),
        (
            [row(byline=0.7)],
            {"article-worker": {"byline": 0.75}},
            ["article-worker byline: 0.700 is below its floor 0.750"],
        ),
        ([row()], {"article-worker": {"body_f1": 0.97}}, []),  # equal to the floor passes
        ([row()], {"article-worker": {"speed": 1.0}}, ["article-worker speed: unknown figure"]),
        ([row()], {"other": {"body_f1": 0.5}}, ["other: no such row in the report"]),
        (
            [Row("rdb", BodyScore(0.9, 0.9, 0.9, 0.1), None, 5.0)],
            {"rdb": {"title": 0.1}},
            ["rdb title: missing is below its floor 0.100"],
        ),
    ],
)
def test_gate(rows: list[Row], floors: dict[str, dict[str, float]], failures: list[str]) -> None:
    assert check(rows, floors) == failures


@pytest.mark.parametrize(
    "measured, limits, failures",
    [
        ({"errors": 0.0, "decision": 0.93}, {"max:errors": 0.0, "decision": 0.92}, []),
        ({"errors": 2.0}, {"max:errors": 0.0}, ["ours errors: 2.000 is above its ceiling 0.000"]),
        ({"errors": None}, {"max:errors": 0.0}, ["ours errors: missing is above its ceiling 0.000"]),
        (
            {"decision": 0.9},
            {"max:decision": 0.95, "decision": 0.91},
            ["ours decision: 0.900 is below its floor 0.910"],
        ),
        ({}, {"max:errors": 0.0}, ["ours errors: unknown figure"]),
    ],
)
def test_ceilings(measured: dict[str, float | None], limits: dict[str, float], failures: list[str]) -> None:
    assert check_figures({"ours": measured}, {"ours": limits}) == failures


def test_committed_wcxb_floors_name_known_figures() -> None:
    from worker.evaluation.wcxb_report import figures

    floors = load_floors(Path(__file__).resolve().parents[2] / "eval" / "floors-wcxb.json")
    assert floors, "eval/floors-wcxb.json gates nothing"
    known = set(figures([])) | {f"{t}_{k}" for t in PAGE_TYPES for k in ("f1", "precision", "recall", "decision")}
    for limits in floors.values():
        assert {key.removeprefix("max:") for key in limits} <= known


def test_committed_floors_load_and_name_known_figures() -> None:
    floors = load_floors(Path(__file__).resolve().parents[2] / "eval" / "floors.json")
    known = set(row().figures())
    assert floors and all(set(figures) <= known for figures in floors.values())


def test_floors_file_must_be_an_object(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps([1, 2]))
    with pytest.raises(ValueError, match="expected an object"):
        load_floors(path)


def test_table_has_one_row_per_system_and_a_ratio() -> None:
    table = format_table([row(), Row("readability-lxml", BodyScore(0.9, 0.9, 0.9, 0.1), None, 24.0)], 2).splitlines()
    assert len(table) == 4
    assert table[2].startswith("article-worker") and table[2].endswith("0.50")
    assert table[3].split()[5] == "-"


@pytest.mark.parametrize(
    "field, expected, predicted, same",
    [
        ("title", "A  story\n", "A story", True),
        ("title", "A story", "a story", False),
        ("title", None, None, True),
        ("title", None, "Invented", False),
        ("byline", "By\n\t Jane Doe", "Jane Doe", True),
        ("byline", "JANE DOE", "Jane Doe", True),
        ("byline", "Jane Doe", None, False),
        ("language", "en-us", "en-US", True),
        ("language", "en", "en-US", False),
        ("published", "2021-11-01T10:52:50+0100", "2021-11-01T09:52:50+00:00", True),
        ("published", "2018-04-05T06:00", "2018-04-05T06:00:00-04:00", True),
        ("published", "2024-06-25", "2024-06-25T10:00:00", True),
        ("published", "2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02+01:00", False),
        ("published", "2019-01-03", "2019-01-04", False),
    ],
)
def test_field_rules(field: str, expected: str | None, predicted: str | None, same: bool) -> None:
    assert matches(field, expected, predicted) is same


def _dev_page(folder: Path, title: str, paragraphs: list[str]) -> None:
    import gzip

    folder.mkdir(parents=True)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<head><title>{title}</title></head>"
    page = f"<html lang='en'>{head}<body><nav>Home</nav><article>{body}</article></body></html>"
    (folder / "source.html.gz").write_bytes(gzip.compress(page.encode()))
    (folder / "expected.html.gz").write_bytes(gzip.compress(f"<div>{body}</div>".encode()))
    metadata = {"title": title, "byline": None, "excerpt": paragraphs[0], "siteName": None, "publishedTime": None}
    (folder / "expected-metadata.json").write_text(json.dumps({**metadata, "lang": "en", "readerable": True}))


def test_eval_command_prints_json_and_fails_on_a_floor(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from worker.cli.eval_cmd import command

    words = "the council met on tuesday to discuss the budget for the coming year and the roads"
    _dev_page(tmp_path / "pages" / "a", "Budget talks", [f"{words} {i}." for i in range(12)])
    runner = CliRunner()
    result = runner.invoke(command, [str(tmp_path / "pages"), "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.output)["rows"]}
    assert rows["article-worker"]["body_f1"] > 0.9 and rows["article-worker"]["title"] == 1.0
    assert rows["readability-lxml"]["excerpt"] is None

    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"article-worker": {"body_f1": 1.01}}))
    gated = runner.invoke(command, [str(tmp_path / "pages"), "--floors", str(floors)])
    assert gated.exit_code == 1
    assert "article-worker body_f1" in gated.output and "below its floor 1.010" in gated.output

    only = runner.invoke(command, [str(tmp_path / "pages"), "--floors", str(floors), "--floored-only", "--json"])
    assert only.exit_code == 1
    assert [row["name"] for row in json.loads(only.output.split("below floor")[0])["rows"]] == ["article-worker"]
