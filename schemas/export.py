"""JSON Schema files for non-Python producers and consumers, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from . import Article, ArticleEvent, DeadLetter, RawPage, SkippedPage

SCHEMA_DIR = Path(__file__).with_name("json")
MODELS: dict[str, type[BaseModel]] = {
    "raw_page": RawPage,
    "article": Article,
    "article_event": ArticleEvent,
    "dead_letter": DeadLetter,
    "skipped_page": SkippedPage,
}


def render(name: str) -> str:
    """The committed text of one schema file; stable so that a diff means a contract change."""
    schema = MODELS[name].model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **schema}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in MODELS:
        path = directory / f"{name}.schema.json"
        path.write_text(render(name), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write():
        print(written)
