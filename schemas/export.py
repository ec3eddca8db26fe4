"""JSON Schema files for non-Python producers and consumers, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import Article, ArticleEvent, DeadLetter, RawPage, SkippedPage

SCHEMA_DIR = Path(__file__).with_name("json")
#: Models with a file of their own that the other schemas refer to ({"$ref": "article.schema.json"})
#: instead of copying, so a change to Article changes article.schema.json alone.
SHARED = {"Article": "article"}
MODELS: dict[str, type[BaseModel]] = {
    "raw_page": RawPage,
    "article": Article,
    "article_event": ArticleEvent,
    "dead_letter": DeadLetter,
    "skipped_page": SkippedPage,
}


def render(name: str) -> str:
    """The committed text of one schema file; stable so that a diff means a contract change."""
    schema = _refer(MODELS[name].model_json_schema(mode="validation"), name)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **schema}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _refer(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """Point at the shared models' own files, and drop the definitions nothing points at any more."""
    shared = {f"#/$defs/{model}": f"{file}.schema.json" for model, file in SHARED.items() if file != name}
    schema = _replace_refs(schema, shared)
    defs = schema.pop("$defs", {})
    used: dict[str, Any] = {}
    todo = [schema]
    while todo:
        for ref in _refs(todo.pop()):
            model = ref.removeprefix("#/$defs/")
            if ref.startswith("#/$defs/") and model not in used:
                used[model] = defs[model]
                todo.append(defs[model])
    return {**schema, "$defs": dict(sorted(used.items()))} if used else schema


def _replace_refs(node: Any, refs: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {k: refs.get(v, v) if k == "$ref" else _replace_refs(v, refs) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace_refs(v, refs) for v in node]
    return node


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for key, v in node.items() if key != "$ref" for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


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
