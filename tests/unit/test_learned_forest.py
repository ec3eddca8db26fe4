"""The exported tree ensembles score exactly as scikit-learn does, and refuse what they cannot read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from worker.pipeline.learned.forest import Forest
from worker.pipeline.learned.store import read_forest

sklearn = pytest.importorskip("sklearn.ensemble")
from worker.training.export import forest_dict, write  # noqa: E402  (needs the train extra)


def _data(classes: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    x = rng.random((3000, 6)).astype(np.float32)
    score = x[:, 0] + x[:, 1] * x[:, 2] - 0.5 * x[:, 3]
    y = np.digitize(score, np.quantile(score, np.linspace(0, 1, classes + 1)[1:-1]))
    return x, y


@pytest.mark.parametrize("classes", [2, 3, 7])
def test_probabilities_match_scikit_learn(classes: int, tmp_path: Path) -> None:
    x, y = _data(classes)
    model = sklearn.HistGradientBoostingClassifier(max_iter=40, max_leaf_nodes=15, random_state=0).fit(x, y)
    path = tmp_path / "m.json.gz"
    write(path, forest_dict(model, [f"f{i}" for i in range(6)], {"threshold": 0.4}))
    forest = read_forest(path)
    assert np.abs(forest.proba(x) - model.predict_proba(x)).max() < 1e-9
    assert forest.classes == tuple(str(c) for c in model.classes_)
    assert forest.meta["threshold"] == 0.4


def test_export_is_deterministic(tmp_path: Path) -> None:
    x, y = _data(2)
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    for path in (a, b):
        model = sklearn.HistGradientBoostingClassifier(max_iter=20, random_state=0).fit(x, y)
        write(path, forest_dict(model, [f"f{i}" for i in range(6)]))
    assert a.read_bytes() == b.read_bytes()
    assert "Infinity" not in gzip.decompress(a.read_bytes()).decode()  # strict JSON for other readers


def test_columns_are_checked_and_format_is_refused() -> None:
    x, y = _data(2)
    model = sklearn.HistGradientBoostingClassifier(max_iter=5, random_state=0).fit(x, y)
    forest = Forest.from_dict(json.loads(json.dumps(forest_dict(model, list("abcdef")))))
    forest.check(list("abcdef"))
    with pytest.raises(ValueError, match="differ"):
        forest.check(list("abcdeg"))
    with pytest.raises(ValueError, match="not a"):
        Forest.from_dict({"format": "something-else"})
    assert forest.proba(np.zeros((0, 6), dtype=np.float32)).shape == (0, 2)


@pytest.mark.parametrize("groups", [1, 2, 3, 5])
def test_walking_trees_in_depth_groups_gives_the_same_scores(groups: int, tmp_path: Path) -> None:
    """Trees walked in groups, each only as deep as its deepest tree, land on the same leaves as a
    walk of every tree to the ensemble's full depth: the raw scores are equal to the last bit."""
    from dataclasses import replace

    from worker.pipeline.learned.forest import depth_groups

    x, y = _data(3)
    model = sklearn.HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=31, random_state=0).fit(x, y)
    path = tmp_path / "m.json.gz"
    write(path, forest_dict(model, [f"f{i}" for i in range(6)]))
    forest = read_forest(path)
    depths = forest.tree_depths()
    assert depths.max() == forest.depth and depths.min() < depths.max()  # a mix of depths to group
    whole = replace(forest, groups=((np.arange(len(forest.roots)), forest.depth),))
    grouped = replace(forest, groups=depth_groups(depths, groups))
    assert len(grouped.groups) <= groups
    assert sorted(np.concatenate([t for t, _ in grouped.groups]).tolist()) == list(range(len(forest.roots)))
    assert all(depths[trees].max() == levels for trees, levels in grouped.groups)
    assert np.array_equal(grouped.raw(x), whole.raw(x))
