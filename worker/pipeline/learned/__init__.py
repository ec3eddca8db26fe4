"""Learned stages' runtime: small tree ensembles exported at training time, evaluated with numpy.

The model files live beside this module (`models/*.json.gz`, package data) and are read once per
process; nothing is fetched and no training library is imported at run time. They were trained
by `make train` (`worker/training/`) on WCXB's dev split (Foley 2026, CC-BY-4.0).
"""

from .blend import blended
from .forest import Forest
from .store import Models, default_models, load_models

__all__ = ["Forest", "Models", "blended", "default_models", "load_models"]
