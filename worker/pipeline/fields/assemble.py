"""The one assembler: runs the registry's chains for a page on either path and keeps each value
with the source that gave it."""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel

from .chain import first
from .registry import FIELDS, Path


class FieldPage(Protocol):
    """What the assembler needs of a page: where found values and their sources go."""

    found: dict[str, Any]
    provenance: dict[str, str]


def assemble(page: FieldPage, path: Path, *, body: bool | None = None) -> None:
    """Fill `page.found` and `page.provenance` with every field a source gives. `body`: False
    runs only sources that need no body (before it is chosen), True only those that do (after);
    None runs all (the text path, whose body is known first). Fields already found are kept."""
    for spec in FIELDS:
        if spec.name in page.found:
            continue
        found = first(spec.sources(path), page, body=body)
        if found is None:
            continue
        if spec.precision:
            page.found[spec.name], page.found[spec.precision] = found.value
        else:
            page.found[spec.name] = found.value
        page.provenance[spec.name] = found.source


def metadata(page: FieldPage) -> dict[str, Any]:
    """The fields found, as JSON (Article's field names, provenance included): what a `NoArticle`
    carries into its dead letter when the body failed."""
    out: dict[str, Any] = {name: _json(value) for name, value in page.found.items()}
    if page.provenance:
        out["provenance"] = dict(page.provenance)
    return out


def _json(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, (list, tuple)):
        return [_json(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    return value
