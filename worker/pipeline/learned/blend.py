"""The score a learned stage decides with: its probability blended with a hand-made decision.

Both learned stages compare `(1 - weight) * probability + weight * decision` with their threshold:
the body with readability-lxml's keep decision, the text path with the hand rules'. The weight is
chosen with the threshold on cross-validation (`worker/training/blend.py`), which scores with this
same function, so training and run time cannot drift apart.
"""

from __future__ import annotations

import numpy as np


def blended(p: np.ndarray, decision: np.ndarray, weight: float) -> np.ndarray:
    """`p` itself when `weight` is 0; else the weighted mean of `p` and `decision` (0 or 1 per row)."""
    return p if not weight else np.asarray((1.0 - weight) * p + weight * decision)
