"""The text path on the dev set flattened to visible text: the figure `make eval-flattened` prints."""

from __future__ import annotations

import pytest

from worker.evaluation.dataset import load
from worker.evaluation.flattened import evaluate, flatten, flatten_spaced
from worker.evaluation.metric import BodyScore

# Pinned just under the measured figure; a change that loses article text or keeps boilerplate fails here.
FLOOR_F1, FLOOR_PRECISION, FLOOR_RECALL = 0.91, 0.91, 0.91


@pytest.fixture(scope="module")
def result() -> BodyScore:
    return evaluate(load())


def test_flattened_figure_holds_the_floor(result: BodyScore) -> None:
    assert len(result.pages) >= 100
    assert result.f1 >= FLOOR_F1
    assert result.precision >= FLOOR_PRECISION
    assert result.recall >= FLOOR_RECALL


def test_flatten_is_visible_text_one_line_per_block() -> None:
    html = (
        b"<html><head><title>T</title><style>p{}</style></head><body><nav><a>Home</a> <a>World</a></nav>"
        b"<p>First <b>bold</b>\nline.</p><div style='display:none'>hidden</div><p>Second<br>third</p>"
        b"<script>var x;</script><pre>a\n  b</pre></body></html>"
    )
    text = flatten(html)
    assert text.splitlines() == ["Home World", "First bold line.", "Second", "third", "a", "b"]
    assert "<" not in text and "var x" not in text


def test_blank_lines_between_blocks_do_not_change_the_figure(result: BodyScore) -> None:
    spaced = evaluate(load(), flatten_spaced)
    assert abs(spaced.f1 - result.f1) <= 0.01


def test_every_page_is_read_by_a_fold_model_that_never_saw_it() -> None:
    """The line model trains on these pages: the figure is honest only if each page is read by the
    model of its own fold (eval/cv/text_folds.json), never by the packaged one."""
    from worker.evaluation.flattened import _text_folds, cross_validated
    from worker.pipeline.text.learned import default_model

    pages = load()
    assert all(f"rt:{p.name}" in _text_folds() for p in pages)
    chosen = [cross_validated(p) for p in pages]
    assert all(model is not True and model is not default_model() for model in chosen)
    assert len({id(model) for model in chosen}) == 5  # the five folds each read their own pages
