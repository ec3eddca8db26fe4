"""The text path's learned line decision: its columns, its packaged model, and how read_text uses it."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from worker.pipeline.text import learned, read_text
from worker.pipeline.text.learned import (
    CONTEXT,
    MODEL_FILE,
    NAMES,
    LineModel,
    context_features,
    decide,
    default_model,
    features,
    trim_head,
)
from worker.pipeline.text.reader import analyse

URL = "https://news.example.com/a/1"
PAGE = "\n".join(
    [
        "Home",
        "World",
        "Business",
        "Council approves new river bridge",
        "By Jane Doe",
        "The city council approved on Monday the construction of a new bridge over the river, after a debate "
        "that lasted most of the evening and drew a crowd of residents.",
        "The bridge is to open in 2028 and will carry a tram line as well as cyclists and pedestrians, the "
        "mayor said after the vote, adding that the cost would be shared with the region.",
        "Opponents said the money would be better spent on the old crossings, which have been closed for "
        "repairs twice in the past three years and still need work.",
        "Comments (3)",
        "Name *",
        "Privacy policy",
        "© 2026 Example News",
    ]
)


def test_features_have_one_row_per_line_and_one_column_per_name() -> None:
    seen = analyse(PAGE)
    rows = features(seen.lines, seen.signals, seen.kinds, seen.keep)
    assert rows.shape == (len(seen.lines), len(NAMES))
    assert np.isfinite(rows).all()
    second = context_features(np.linspace(0, 1, len(seen.lines)), rows)
    assert second.shape == (len(seen.lines), len(CONTEXT))
    assert np.isfinite(second).all()


def test_features_of_an_empty_page() -> None:
    assert features([], [], [], []).shape == (0, len(NAMES))
    assert context_features(np.zeros(0), np.zeros((0, len(NAMES)))).shape == (0, len(CONTEXT))


def test_packaged_model_loads_matches_the_columns_and_is_credited() -> None:
    model = default_model()
    assert model is not None
    assert model.lines.features == NAMES and model.context.features == CONTEXT
    assert 0.0 < model.threshold < 1.0
    assert "CC-BY-4.0" in model.meta["credit"]


@pytest.mark.parametrize("model", [True, False])
def test_read_text_keeps_the_story_and_its_fields_with_and_without_the_model(model: bool) -> None:
    article = read_text(PAGE, URL, model=model)
    assert "approved on Monday" in article.body_text and "still need work" in article.body_text
    for furniture in ("Privacy policy", "Comments (3)", "© 2026", "Business"):
        assert furniture not in article.body_text
    assert article.title == "Council approves new river bridge"


def test_learned_decision_is_deterministic() -> None:
    assert read_text(PAGE, URL).body_text == read_text(PAGE, URL).body_text


def test_rule_weight_blends_the_hand_rules_decision_into_the_score() -> None:
    """With the whole weight on the rules the model's probability no longer decides: the kept lines
    are the rules' run (less the head lines the field rules read); with none, the model's alone."""
    model = default_model()
    assert model is not None
    assert 0.0 <= model.rule_weight < 1.0
    seen = analyse(PAGE)
    rules_only = replace(model, rule_weight=1.0, threshold=0.5)
    kept = decide(seen.lines, seen.signals, seen.kinds, seen.keep, rules_only)
    assert kept == trim_head(list(seen.keep), seen.kinds, seen.signals)
    p = model.proba(features(seen.lines, seen.signals, seen.kinds, seen.keep))
    model_only = replace(model, rule_weight=0.0)
    expected = trim_head([int(i) for i in np.flatnonzero(p > model.threshold)], seen.kinds, seen.signals)
    assert decide(seen.lines, seen.signals, seen.kinds, seen.keep, model_only) == expected


def test_a_model_file_without_rule_weight_reads_as_the_model_alone() -> None:
    path = Path(learned.__file__).parents[1] / "learned" / "models" / MODEL_FILE
    data = json.loads(gzip.decompress(path.read_bytes()))
    assert "rule_weight" in data  # the packaged file states it
    del data["rule_weight"]
    assert LineModel.from_dict(data).rule_weight == 0.0
