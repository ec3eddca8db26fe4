"""What a newcomer meets first: `extract` on a missing file, on a test-page folder, and `--help`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import ROOT
from worker.cli import main


def test_extract_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.html")])
    assert result.exit_code == 2 and "no such file or directory" in result.output and "nope.html" in result.output


def test_extract_of_a_test_page_folder_skips_its_ground_truth(tmp_path: Path) -> None:
    shutil.copy(ROOT / "samples" / "bbc-1.html", tmp_path / "source.html")
    (tmp_path / "expected.html").write_text("<p>what readability keeps</p>")
    (tmp_path / "expected-metadata.json").write_text("{}")
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(articles) == 1 and articles[0]["url"].endswith("/source.html")
    assert "2 not a page file" in result.stderr and "ground truth" in result.stderr


def test_help_lines_are_whole() -> None:
    result = CliRunner().invoke(main, ["--help"], terminal_width=200)
    assert "Start a worker (e.g. `article-worker worker --concurrency 4 -n w1@%h`)." in result.output
