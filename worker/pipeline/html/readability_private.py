"""A private copy of readability-lxml's module, with faster helpers that give the same answers.

Private (not in sys.modules) so that the helpers never leak into other users of readability in
the same process: `make bench` times the original next to ours. fastdoc.TreeDocument subclasses
this copy's Document.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from types import ModuleType
from typing import Any

from lxml.html import HtmlElement


def _private_readability() -> ModuleType:
    spec = importlib.util.find_spec("readability.readability")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)  # not registered in sys.modules
    spec.loader.exec_module(module)
    return module


_readability: Any = _private_readability()
Document: Any = _readability.Document
Unparseable: type[Exception] = _readability.Unparseable
REGEXES: dict[str, re.Pattern[str]] = _readability.REGEXES  # the private copy's own dict

# readability's clean() is three substitutions over the whole text; each only ever touches one run of
# whitespace at a time, so one pass that visits only the runs they can change gives the same text.
_RUN = re.compile(r"\s{2,}|[\t\n]")
_TAB_OR_SPACES = re.compile(r"\t|[ \t]{2,}")


def _clean_run(match: re.Match[str]) -> str:
    run = match.group()
    if len(run) >= 255:  # squeezed to 255 spaces, which then collapse to one
        return " "
    if "\n" in run:
        return "\n"
    return _TAB_OR_SPACES.sub(" ", run)


def clean(text: str) -> str:
    return _RUN.sub(_clean_run, text).strip()


# readability measures the same texts again and again (each link once per candidate around it);
# the length is a pure function of the text, so a cache keyed by the text is always right.
_LENGTHS: dict[str, int] = {}


def text_length(elem: HtmlElement) -> int:
    text = elem.text_content() or ""
    length = _LENGTHS.get(text)
    if length is None:
        if len(_LENGTHS) > 20_000:
            _LENGTHS.clear()
        length = _LENGTHS[text] = len(clean(text))
    return length


def forget_page() -> None:
    """Called before each pass over a page: bounds the length cache by one page's texts."""
    _LENGTHS.clear()


def _only_when_debugging(describe: Any) -> Any:
    """readability formats element descriptions for log.debug eagerly, even when it is off."""

    def lazy(*args: Any, **kwargs: Any) -> str:
        return str(describe(*args, **kwargs)) if _readability.log.isEnabledFor(logging.DEBUG) else ""

    return lazy


class _RememberedSearch:
    """readability tests the same class names and ids on element after element, only for truth."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.seen: dict[str, bool] = {}

    def search(self, text: str) -> bool:
        found = self.seen.get(text)
        if found is None:
            if len(self.seen) > 20_000:
                self.seen.clear()
            found = self.seen[text] = self.pattern.search(text) is not None
        return found


for _name in ("positiveRe", "negativeRe", "unlikelyCandidatesRe", "okMaybeItsACandidateRe", "editorialLeadRe"):
    REGEXES[_name] = _RememberedSearch(REGEXES[_name])  # type: ignore[assignment]  # only .search() is used

_readability.clean = clean
_readability.text_length = text_length
_readability.describe = _only_when_debugging(_readability.describe)
_readability.text_content = _only_when_debugging(_readability.text_content)
