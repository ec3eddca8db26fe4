"""The packaged model files, loaded once per process (lazily: importing the pipeline stays cheap)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .forest import Forest

MODEL_FILES = {"body": "body.json.gz", "page_type": "page_type.json.gz"}


@dataclass(frozen=True)
class Models:
    """Every learned stage's model; `extract()` takes one (tests and the cross-validated eval pass
    their own, the service uses the packaged ones)."""

    body: Forest
    page_type: Forest | None = None


def read_forest(path: Path) -> Forest:
    return Forest.from_dict(json.loads(gzip.decompress(path.read_bytes())))


def load_models(directory: Path) -> Models:
    page_type = directory / MODEL_FILES["page_type"]
    return Models(
        body=read_forest(directory / MODEL_FILES["body"]),
        page_type=read_forest(page_type) if page_type.is_file() else None,
    )


@lru_cache(maxsize=1)
def default_models() -> Models:
    """The models shipped in the package (`worker/pipeline/learned/models/`)."""
    with resources.as_file(resources.files(__package__) / "models") as directory:
        return load_models(Path(directory))
