"""Pages from the command line's arguments: files, directories, JSONL of RawPage, or stdin."""

from __future__ import annotations

import base64
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from pydantic import ValidationError

from schemas import RawPage

PAGE_SUFFIXES = {".html": "text/html", ".htm": "text/html", ".xhtml": "text/html", ".txt": "text/plain"}
DEFAULT_BASE_URL = "https://local.invalid/"


@dataclass(frozen=True)
class Skipped:
    source: str
    why: str


def iter_pages(args: Iterable[str], base_url: str = DEFAULT_BASE_URL) -> Iterator[RawPage | Skipped]:
    for arg in args:
        if arg == "-":
            yield from _stdin(base_url)
            continue
        path = Path(arg)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _file(child, base_url, path)
        elif path.is_file():
            yield from _file(path, base_url, path.parent)
        else:
            yield Skipped(arg, "no such file or directory")


def _file(path: Path, base_url: str, root: Path) -> Iterator[RawPage | Skipped]:
    name = path.name.lower()
    compressed = name.endswith(".gz")
    suffix = Path(name.removesuffix(".gz")).suffix
    if suffix in (".jsonl", ".ndjson"):
        yield from _jsonl(path)
        return
    if suffix not in PAGE_SUFFIXES:
        yield Skipped(str(path), f"not a page file ({suffix or 'no suffix'})")
        return
    relative = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    url = base_url.rstrip("/") + "/" + quote(relative.as_posix())
    yield RawPage(
        url=url,
        content_b64=base64.b64encode(path.read_bytes()).decode("ascii"),
        content_encoding="gzip" if compressed else None,
        content_type=PAGE_SUFFIXES[suffix],
        producer="article-worker-cli",
    )


def _jsonl(path: Path) -> Iterator[RawPage | Skipped]:
    opener = __import__("gzip").open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        yield from _jsonl_lines(lines, str(path))


def _jsonl_lines(lines: Iterable[str], source: str) -> Iterator[RawPage | Skipped]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield RawPage.model_validate(json.loads(line))
        except (ValueError, ValidationError) as exc:
            yield Skipped(f"{source}:{number}", f"invalid RawPage: {str(exc).splitlines()[0]}")


def _stdin(base_url: str) -> Iterator[RawPage | Skipped]:
    data = sys.stdin.buffer.read()
    if data.lstrip().startswith(b"{"):
        yield from _jsonl_lines(data.decode("utf-8", "replace").splitlines(), "<stdin>")
        return
    yield RawPage(url=base_url.rstrip("/") + "/stdin", content_b64=base64.b64encode(data).decode("ascii"))
