"""scikit-learn's HistGradientBoostingClassifier as the arrays `worker.pipeline.learned.Forest` reads."""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..pipeline.learned.forest import FORMAT


def forest_dict(model: Any, features: Sequence[str], meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Every tree flattened into one node list; leaves point to themselves (threshold +inf)."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    output: list[int] = []
    depth = 0
    for iteration in model._predictors:
        for k, predictor in enumerate(iteration):
            nodes = predictor.nodes
            base = len(feature)
            roots.append(base)
            output.append(k)
            depth = max(depth, int(nodes["depth"].max()))
            for i, node in enumerate(nodes):
                if node["is_leaf"]:
                    feature.append(0)
                    threshold.append(float("inf"))
                    left.append(base + i)
                    right.append(base + i)
                    value.append(float(node["value"]))
                else:
                    if node["is_categorical"]:
                        raise ValueError("categorical splits are not supported")
                    feature.append(int(node["feature_idx"]))
                    threshold.append(float(node["num_threshold"]))
                    left.append(base + int(node["left"]))
                    right.append(base + int(node["right"]))
                    value.append(0.0)
    baseline = np.asarray(model._baseline_prediction, dtype=np.float64).ravel().tolist()
    return {
        "format": FORMAT,
        "features": list(features),
        "classes": [str(c) for c in model.classes_],
        "baseline": baseline,
        "roots": roots,
        "output": output,
        "depth": depth,
        "nodes": {"feature": feature, "threshold": threshold, "left": left, "right": right, "value": value},
        "meta": dict(meta or {}),
    }


def write(path: Path, data: Mapping[str, Any]) -> None:
    """Deterministic bytes: sorted keys, no timestamp in the gzip header."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":")).replace("Infinity", "1e999")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
