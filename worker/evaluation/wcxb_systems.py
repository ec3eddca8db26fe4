"""The extractors compared on WCXB pages: each maps a page's URL and bytes to a `Guess`.

A system that does not decide what kind of page it read says "article" whenever it returns text
(that is what a user of it gets): that is how readability-lxml and trafilatura are scored.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from schemas import RawPage
from schemas.reasons import ArticleWorkerError, NoArticle

from .wcxb import WcxbPage


@dataclass(frozen=True)
class Guess:
    body: str
    fields: dict[str, str | None] = field(default_factory=dict)
    article: bool = False  # the article / not-article decision
    page_type: str | None = None
    error: str | None = None


System = Callable[[WcxbPage], Guess]


def _our_fields(values: dict[str, Any]) -> dict[str, str | None]:
    authors = values.get("authors") or []
    names = [a["name"] if isinstance(a, dict) else getattr(a, "name", str(a)) for a in authors]
    title = values.get("title")
    return {
        "title": title,
        "title_exact": title,
        "author": ", ".join(names) or None,
        "date": values.get("date_published"),
    }


def ours(page: WcxbPage, models: Any = None) -> Guess:
    """The whole `extract(RawPage)` as a producer would call it; `models` replaces the packaged ones."""
    from ..pipeline import extract

    raw = RawPage(url=page.url, content_b64=base64.b64encode(page.source).decode("ascii"), content_type="text/html")
    try:
        article = extract(raw, models=models)
    except NoArticle as exc:
        return Guess("", _our_fields(exc.metadata), False, None, exc.reason.value)
    except ArticleWorkerError as exc:
        return Guess("", {}, False, None, exc.reason.value)
    except Exception as exc:  # a bug: counted in `errors` (gated at 0), the run goes on
        return Guess("", {}, False, None, f"untyped {type(exc).__name__}: {exc}"[:200])
    fields = _our_fields(article.model_dump(include={"title", "authors", "date_published"}))
    return Guess(article.body_text, fields, article.page_type == "article", article.page_type)


CV_DIR = Path(__file__).resolve().parents[2] / "eval" / "cv"


@lru_cache(maxsize=1)
def _fold_of() -> dict[str, int]:
    data: dict[str, int] = json.loads((CV_DIR / "folds.json").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=8)
def _fold_models(fold: int) -> Any:
    from ..pipeline.learned import load_models

    return load_models(CV_DIR / f"fold-{fold}")


def fold_of(name: str) -> int | None:
    """The cross-validation fold of page `name` (`eval/cv/folds.json`); None outside the folds."""
    return _fold_of().get(name) if (CV_DIR / "folds.json").is_file() else None


def fold_models(name: str) -> Any:
    """The models of the fold that never saw page `name`'s domain; None (the packaged models) for
    a page outside the folds."""
    fold = fold_of(name)
    return None if fold is None else _fold_models(fold)


def ours_cross_validated(page: WcxbPage) -> Guess:
    """Our pipeline with the models of the cross-validation fold that never saw this page's domain
    (`make train` writes them to eval/cv/): the honest figure for a learned stage on dev pages."""
    return ours(page, fold_models(page.name))


def readability_alone(page: WcxbPage) -> Guess:
    """readability-lxml as users call it: summary() through html-text; its title and meta author."""
    import html_text
    from readability import Document

    logging.getLogger("readability.readability").setLevel(logging.WARNING)
    document = Document(page.source.decode("utf-8", "replace"))
    try:
        body = str(html_text.extract_text(document.summary()))
    except Exception:  # readability raises bare Unparseable and lxml errors on odd pages
        body = ""
    try:
        title: str | None = document.short_title() or None
    except Exception:
        title = None
    author = document.author()
    fields = {"title": title, "title_exact": title, "author": None if author == "[no-author]" else author, "date": None}
    return Guess(body, fields, bool(body.strip()))


def trafilatura_default(page: WcxbPage) -> Guess:
    """trafilatura with its defaults, comments left out (the WCXB truth has none), with metadata."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    result = trafilatura.bare_extraction(
        page.source.decode("utf-8", "replace"), url=page.url, include_comments=False, with_metadata=True
    )
    if result is None:
        return Guess("", {})
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = str(data.get("text") or "")
    title = data.get("title")
    author = data.get("author")
    fields = {"title": title, "title_exact": title, "author": author.replace(";", ",") if author else None}
    fields["date"] = data.get("date")
    return Guess(body, fields, bool(body.strip()))


def available(name: str) -> bool:
    """Peers are an optional extra (`pip install -e '.[eval]'`): a missing one is left out, not an error."""
    import importlib.util

    if name == "article-worker (cv)":
        return (CV_DIR / "folds.json").is_file()
    module = {"readability-lxml": "readability", "trafilatura": "trafilatura"}.get(name)
    return module is None or importlib.util.find_spec(module) is not None


SYSTEMS: dict[str, System] = {
    "article-worker (cv)": ours_cross_validated,
    "article-worker": ours,
    "readability-lxml": readability_alone,
    "trafilatura": trafilatura_default,
}
