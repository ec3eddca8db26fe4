"""A gradient-boosted tree ensemble, evaluated for many rows at once with numpy.

The trees come from scikit-learn's HistGradientBoostingClassifier, flattened into arrays by
`worker.training.export`: for every node its feature, threshold and children; a leaf points to
itself with an infinite threshold, so walking every tree a fixed number of levels lands each row on
its leaf without a per-level leaf test. Raw scores are the baseline plus the sum of leaf values per
class; probabilities are the logistic (two classes) or the softmax (more) of them.

Trees differ in depth (the body model's run from 7 to 22 levels, 11.5 on average), so they are walked
in a few groups of similar depth, each only as many levels as its deepest tree (40 % fewer steps),
and the leaves land in the same (rows, trees) array, summed in the same order, so the scores are the
same to the last bit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

FORMAT = "article-worker-forest/1"
_BLOCK = 256  # rows scored at once
GROUPS = 3  # depth groups: more saves few steps and costs numpy calls on small pages


@dataclass(frozen=True)
class Forest:
    features: tuple[str, ...]
    classes: tuple[str, ...]
    baseline: np.ndarray  # (n_outputs,)
    roots: np.ndarray  # (n_trees,) node index of each tree's root
    output: np.ndarray  # (n_trees,) which output (class) each tree adds to
    feature: np.ndarray  # (n_nodes,) int
    threshold: np.ndarray  # (n_nodes,) float64; go left when x <= threshold
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray  # (n_nodes,) float64, leaves only
    depth: int
    meta: Mapping[str, Any]
    #: (trees, levels): the trees walked together and how many levels they need
    groups: tuple[tuple[np.ndarray, int], ...] = field(default=(), compare=False)

    #: the walk's node arrays indexed by twice the node index (`_walk_arrays`)
    walk: tuple[np.ndarray, np.ndarray, np.ndarray] = field(default=(), compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if not self.groups:
            object.__setattr__(self, "groups", depth_groups(self.tree_depths(), GROUPS))
        if not self.walk:
            object.__setattr__(self, "walk", self._walk_arrays())

    def _walk_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(feature, threshold, children) indexed by 2 * node: node n's feature and threshold at 2n, its
        right child's index (doubled) at 2n and its left child's at 2n + 1. A row at doubled node d goes to
        children[d + (x <= threshold)]: one addition per level instead of two lookups and a select."""
        nodes = len(self.feature)
        feature = np.zeros(2 * nodes, dtype=np.intp)
        feature[0::2] = self.feature
        threshold = np.zeros(2 * nodes, dtype=np.float64)
        threshold[0::2] = self.threshold
        children = np.empty(2 * nodes, dtype=np.intp)
        children[0::2] = 2 * self.right
        children[1::2] = 2 * self.left
        return feature, threshold, children

    def tree_depths(self) -> np.ndarray:
        """Levels from each tree's root to its deepest leaf (a leaf's children are itself)."""
        depths = np.zeros(len(self.roots), dtype=np.int64)
        for t, root in enumerate(self.roots.tolist()):
            frontier, depth = [root], 0
            while True:
                frontier = [c for n in frontier for c in (int(self.left[n]), int(self.right[n])) if c != n]
                if not frontier:
                    break
                depth += 1
            depths[t] = depth
        return depths

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Forest:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: {data.get('format')!r}")
        nodes = data["nodes"]
        return cls(
            features=tuple(data["features"]),
            classes=tuple(data["classes"]),
            baseline=np.asarray(data["baseline"], dtype=np.float64),
            roots=np.asarray(data["roots"], dtype=np.int64),
            output=np.asarray(data["output"], dtype=np.int64),
            feature=np.asarray(nodes["feature"], dtype=np.int64),
            threshold=np.asarray(nodes["threshold"], dtype=np.float64),
            left=np.asarray(nodes["left"], dtype=np.int64),
            right=np.asarray(nodes["right"], dtype=np.int64),
            value=np.asarray(nodes["value"], dtype=np.float64),
            depth=int(data["depth"]),
            meta=dict(data.get("meta", {})),
        )

    def check(self, names: Sequence[str]) -> None:
        """Refuse a model trained on other columns than the code computes."""
        if tuple(names) != self.features:
            missing = set(self.features) ^ set(names)
            raise ValueError(f"model features differ from the code's ({len(missing)} names differ)")

    def raw(self, rows: np.ndarray) -> np.ndarray:
        """(n_rows, n_outputs) raw scores."""
        n = rows.shape[0]
        outputs = len(self.baseline)
        if n == 0:
            return np.zeros((0, outputs))
        # Blocks of rows: the (rows, trees) node arrays of a block stay in cache (3x faster on 40k rows than one
        # block; a page of many paragraphs scores tens of thousands of rows). Same sums, same order: same scores.
        return np.concatenate([self._raw_block(rows[i : i + _BLOCK]) for i in range(0, n, _BLOCK)])

    def _raw_block(self, rows: np.ndarray) -> np.ndarray:
        n, width = rows.shape
        outputs = len(self.baseline)
        x = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        offsets = (np.arange(n, dtype=np.intp) * width)[:, None]
        feature, threshold, children = self.walk
        node = np.empty((n, len(self.roots)), dtype=np.intp)
        for trees, levels in self.groups:
            # Buffers reused level after level (no allocation per step); every index is in range, so
            # mode="clip" (no bounds check, no buffered copy of `out`) takes the same values.
            shape = (n, len(trees))
            at = np.empty(shape, dtype=np.intp)
            at[:] = 2 * self.roots[trees]
            step = np.empty(shape, dtype=np.intp)
            values = np.empty(shape, dtype=np.float64)
            bounds = np.empty(shape, dtype=np.float64)
            left = np.empty(shape, dtype=bool)
            for _ in range(levels):
                np.take(feature, at, out=step, mode="clip")
                step += offsets
                np.take(x, step, out=values, mode="clip")
                np.take(threshold, at, out=bounds, mode="clip")
                np.less_equal(values, bounds, out=left)
                np.add(at, left, out=step)
                np.take(children, step, out=at, mode="clip")
            node[:, trees] = at // 2
        leaves = np.take(self.value, node)  # (n, n_trees)
        if outputs == 1:
            return np.asarray(self.baseline + leaves.sum(axis=1, keepdims=True))
        scores = np.zeros((n, outputs))
        for k in range(outputs):
            scores[:, k] = leaves[:, self.output == k].sum(axis=1)
        return np.asarray(scores + self.baseline)

    def proba(self, rows: np.ndarray) -> np.ndarray:
        """(n_rows, n_classes) probabilities, columns in `classes` order."""
        raw = self.raw(rows)
        if raw.shape[1] == 1:
            p = 1.0 / (1.0 + np.exp(-raw[:, 0]))
            return np.stack([1.0 - p, p], axis=1)
        shifted = np.exp(raw - raw.max(axis=1, keepdims=True))
        return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


def depth_groups(depths: np.ndarray, groups: int) -> tuple[tuple[np.ndarray, int], ...]:
    """Split the trees into at most `groups` ranges of depth so that the levels walked (each tree
    as deep as its group's deepest) are fewest; found by trying every split of the distinct depths."""
    levels = sorted(set(depths.tolist()))
    if not levels:
        return ()
    count = {d: int((depths == d).sum()) for d in levels}

    def cost(bounds: tuple[int, ...]) -> int:
        total, start = 0, 0
        for end in (*bounds, len(levels)):
            total += sum(count[d] for d in levels[start:end]) * levels[end - 1]
            start = end
        return total

    cuts = min(
        (c for k in range(min(groups, len(levels))) for c in combinations(range(1, len(levels)), k)),
        key=lambda c: (cost(c), len(c)),
    )
    out, start = [], 0
    for end in (*cuts, len(levels)):
        chosen = set(levels[start:end])
        out.append((np.flatnonzero(np.isin(depths, list(chosen))), levels[end - 1]))
        start = end
    return tuple(out)
