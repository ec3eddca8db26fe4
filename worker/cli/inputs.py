"""Pages from the command line's arguments: files, directories, JSONL of RawPage, WARC files, or stdin.

Each input reports the bytes it has read through `advance`, so a progress bar over the total input
size gives a rate and an ETA without a first pass to count pages.
"""

from __future__ import annotations

import base64
import gzip
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import quote

from pydantic import ValidationError

from schemas import RawPage

from .skips import INVALID, MISSING, NOT_A_PAGE_FILE, TOO_LARGE, UNREADABLE, Skipped
from .warc import is_warc, warc_pages

__all__ = ["DEFAULT_BASE_URL", "Skipped", "iter_pages", "missing", "total_bytes"]

PAGE_SUFFIXES = {".html": "text/html", ".htm": "text/html", ".xhtml": "text/html", ".txt": "text/plain"}
DEFAULT_BASE_URL = "https://local.invalid/"
NO_LIMIT = 1 << 62
Advance = Callable[[int], object]


def missing(args: Iterable[str]) -> list[str]:
    """The arguments that name no file or directory: an error, not a skip (the commands exit non-zero)."""
    return [arg for arg in args if arg != "-" and not Path(arg).exists()]


def is_ground_truth(path: Path, root: Path) -> bool:
    """An evaluation set's expected output, not a page: `expected.html[.gz]` and `expected-metadata.json`
    of the Readability test pages, anything under a `ground-truth/` folder (WCXB)."""
    relative = path.relative_to(root).parts if path.is_relative_to(root) else (path.name,)
    return path.name.lower().startswith("expected") or "ground-truth" in relative[:-1]


def _files(args: Iterable[str]) -> Iterator[tuple[str, Path | None, Path]]:
    """(argument, file or None when missing, root for relative URLs); `-` is stdin."""
    for arg in args:
        path = Path(arg)
        if arg != "-" and path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield arg, child, path
        else:
            yield arg, (path if arg == "-" or path.is_file() else None), path.parent


def total_bytes(args: Iterable[str]) -> int | None:
    """Input size for a progress bar; None when it cannot be known (stdin)."""
    total = 0
    for arg, path, _ in _files(args):
        if arg == "-":
            return None
        total += path.stat().st_size if path else 0
    return total


def iter_pages(
    args: Iterable[str], base_url: str = DEFAULT_BASE_URL, *, max_bytes: int = NO_LIMIT, advance: Advance | None = None
) -> Iterator[RawPage | Skipped]:
    step = advance or (lambda _: None)
    for arg, path, root in _files(args):
        if arg == "-":
            yield from _stdin(base_url)
        elif path is None:
            yield Skipped(arg, MISSING)
        elif path != Path(arg) and is_ground_truth(path, root):  # found by a directory walk
            yield Skipped(str(path), NOT_A_PAGE_FILE, "ground truth of an evaluation set")
            step(path.stat().st_size)
        else:
            yield from _file(path, base_url, root, max_bytes, step)


def url_for(path: Path, base_url: str, root: Path) -> str:
    """A local file's URL. The default base: the file's absolute path under it, so two files never share
    one URL (nor one job id); a base given by the user: the path relative to the argument's directory
    (a folder mapped onto a site)."""
    if base_url == DEFAULT_BASE_URL:
        return DEFAULT_BASE_URL + quote(path.resolve().as_posix().lstrip("/"))
    relative = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    return base_url.rstrip("/") + "/" + quote(relative.as_posix())


def _file(path: Path, base_url: str, root: Path, max_bytes: int, advance: Advance) -> Iterator[RawPage | Skipped]:
    name = path.name.lower()
    suffix = Path(name.removesuffix(".gz")).suffix
    if is_warc(path):
        yield from warc_pages(path, max_bytes, advance)
        return
    if suffix in (".jsonl", ".ndjson"):
        yield from _jsonl(path, max_bytes, advance)
        return
    size = path.stat().st_size
    if suffix not in PAGE_SUFFIXES:
        yield Skipped(str(path), NOT_A_PAGE_FILE, suffix or "no suffix")
    elif size > max_bytes:
        yield Skipped(str(path), TOO_LARGE, f"{size} bytes, over MAX_PAGE_BYTES={max_bytes}")
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Skipped(str(path), UNREADABLE, f"{type(exc).__name__}: {exc.strerror}")
        else:
            yield RawPage(
                url=url_for(path, base_url, root),
                content_b64=base64.b64encode(data).decode("ascii"),
                content_encoding="gzip" if name.endswith(".gz") else None,
                content_type=PAGE_SUFFIXES[suffix],
                producer="article-worker-cli",
            )
    advance(size)


def _jsonl(path: Path, max_bytes: int, advance: Advance) -> Iterator[RawPage | Skipped]:
    try:
        with path.open("rb") as raw:
            lines: Iterable[bytes] = gzip.GzipFile(fileobj=raw) if path.name.endswith(".gz") else raw
            done = 0
            for number, line in enumerate(lines, 1):
                yield from _jsonl_line(line, f"{path}:{number}", max_bytes)
                advance(raw.tell() - done)
                done = raw.tell()
    except (OSError, EOFError) as exc:  # unreadable file, corrupt or truncated gzip
        yield Skipped(str(path), UNREADABLE, f"{type(exc).__name__}: {exc}"[:200])


def _jsonl_line(line: bytes | str, source: str, max_bytes: int) -> Iterator[RawPage | Skipped]:
    if not line.strip():
        return
    if len(line) * 3 // 4 > max_bytes:  # base64 content inflates 4/3; a text page is no smaller than this
        yield Skipped(source, TOO_LARGE, f"{len(line)} byte line, over MAX_PAGE_BYTES={max_bytes}")
        return
    try:
        yield RawPage.model_validate(json.loads(line))
    except (ValueError, ValidationError) as exc:
        yield Skipped(source, INVALID, str(exc).splitlines()[0][:200])


def _stdin(base_url: str) -> Iterator[RawPage | Skipped]:
    data = sys.stdin.buffer.read()
    if data.lstrip().startswith(b"{"):
        for number, line in enumerate(data.splitlines(), 1):
            yield from _jsonl_line(line, f"<stdin>:{number}", NO_LIMIT)
        return
    yield RawPage(url=base_url.rstrip("/") + "/stdin", content_b64=base64.b64encode(data).decode("ascii"))
