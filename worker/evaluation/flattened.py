"""The flattened-text variant of the dev set: each page's visible text, one line per block.

A text crawler (or a copy-paste feed) hands us what a browser shows, without markup. We rebuild
that from each readerable dev page and score the text path on it, so the figure measures the line
classifier alone: no tag, class or id can help it. These pages join the learned line model's
training (`make train STAGE=text`), so each is read with the model of the cross-validation fold
that never saw its site (`eval/cv/fold-k/`, the folds of `eval/cv/text_folds.json`): the figure is
cross-validated. `--rules` adds the hand rules alone on the same pages, `--variants` other ways
of flattening (html-text with `guess_layout=True` is how the held-out news set was flattened).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

from schemas.reasons import ArticleWorkerError

from ..pipeline.charset import decode_page
from ..pipeline.text import LineModel, read_text
from ..pipeline.text.learned import MODEL_FILE, read_model
from ..pipeline.text.markup import visible_text
from .dataset import DevPage, load
from .metric import BodyScore, precision, recall, score

Flattener = Callable[[bytes], str]
#: the line model for a page: a model, True (the packaged one), False (the hand rules alone), or a
#: function of the page that says which
ModelChoice = LineModel | bool | Callable[[DevPage], LineModel | bool]
CV_DIR = Path(__file__).resolve().parents[2] / "eval" / "cv"


def flatten(html: bytes) -> str:
    """Visible text of a page: block elements and <br> end a line; no markup survives."""
    return "\n".join(line for line in visible_text(_tree(html)).splitlines() if line) + "\n"


def flatten_spaced(html: bytes) -> str:
    """Variant: a blank line between blocks, as some crawlers print paragraphs."""
    return "\n\n".join(line for line in visible_text(_tree(html)).splitlines() if line) + "\n"


def flatten_raw(html: bytes) -> str:
    """Variant: the source's own line breaks kept inside blocks, as a naive text dump leaves them."""
    return visible_text(_tree(html), keep_newlines=True)


VARIANTS: dict[str, Flattener] = {"one line per block": flatten, "blank line between blocks": flatten_spaced}
VARIANTS["source line breaks kept"] = flatten_raw


def flatten_html_text(html: bytes) -> str:
    """Variant: html-text's visible text with `guess_layout=True` (the held-out set's flattening)."""
    import html_text

    text, _ = decode_page(html, None)
    return str(html_text.extract_text(text, guess_layout=True))


VARIANTS["html-text guess_layout"] = flatten_html_text


def _tree(html: bytes) -> HtmlElement:
    text, _ = decode_page(html, None)
    return lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))


@lru_cache(maxsize=8)
def _fold_model(fold: int) -> LineModel:
    return read_model(CV_DIR / f"fold-{fold}" / MODEL_FILE)


@lru_cache(maxsize=1)
def _text_folds() -> dict[str, int]:
    path = CV_DIR / "text_folds.json"  # every page the text stage trained on, with its fold
    data: dict[str, int] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return data


def cross_validated(page: DevPage) -> LineModel | bool:
    """The line model of the fold that never saw this page's site. A page the text stage did not
    train on (not in `eval/cv/text_folds.json`) is read by the packaged model, which never saw it
    either; a page it trained on whose fold model is missing is an error, not an in-sample figure."""
    fold = _text_folds().get("rt:" + page.name)  # the training's name for a Readability test page
    if fold is None:
        return True
    path = CV_DIR / f"fold-{fold}" / MODEL_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the fold model for {page.name} (run `make train STAGE=text`)")
    return _fold_model(fold)


def predict(page: DevPage, flattener: Flattener = flatten, model: ModelChoice = cross_validated) -> str:
    """The text path's body for one flattened page; empty when it finds no article."""
    chosen = model(page) if callable(model) else model
    try:
        return read_text(flattener(page.source), page.url, model=chosen).body_text
    except ArticleWorkerError:  # a page the path refuses scores as empty, like a miss
        return ""


def evaluate(pages: list[DevPage], flattener: Flattener = flatten, model: ModelChoice = cross_validated) -> BodyScore:
    truth = {p.name: p.expected_text for p in pages}
    return score(truth, {p.name: predict(p, flattener, model) for p in pages})


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    pages = load()
    result = evaluate(pages)
    print(f"flattened-text path on {len(pages)} readerable dev pages (visible text, one line per block, cv)")
    print(
        f"body F1 {result.f1:.3f}  precision {result.precision:.3f}  "
        f"recall {result.recall:.3f}  exact {result.exact:.3f}"
    )
    models: list[tuple[str, ModelChoice]] = [("", cross_validated)]
    models += [(" (hand rules)", False)] if "--rules" in args else []
    if "--rules" in args:
        rules = evaluate(pages, flatten, False)
        print(
            f"  {'hand rules alone':36s} F1 {rules.f1:.3f}  precision {rules.precision:.3f}  recall {rules.recall:.3f}"
        )
    if "--variants" in args:  # how much the figure depends on the way the text was flattened
        for label, flattener in list(VARIANTS.items())[1:]:
            for suffix, model in models:
                other = evaluate(pages, flattener, model)
                name = label + suffix
                print(f"  {name:36s} F1 {other.f1:.3f}  precision {other.precision:.3f}  recall {other.recall:.3f}")
    if "-v" in args:
        for name, counts in sorted(result.pages.items(), key=lambda kv: min(precision(*kv[1]), recall(*kv[1]))):
            print(f"  {name:45s} P {precision(*counts):.2f}  R {recall(*counts):.2f}")


if __name__ == "__main__":
    main()
