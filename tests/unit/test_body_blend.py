"""The body's deciding score: the model's probability blended with readability-lxml's keep decision,
computed the same way at run time (`learned.blended` over `readability_kept`) and in training
(`body.blended`)."""

from __future__ import annotations

from dataclasses import replace

import lxml.html
import numpy as np
import pytest

from worker.pipeline.html.learned_body import choose_body, readability_kept
from worker.pipeline.html.observe import Observation, observe
from worker.pipeline.learned import Models, blended, default_models
from worker.training.body import blended as body_blended
from worker.training.data import PageRows

URL = "https://news.example.com/2026/05/bridge"
PARAGRAPH = (
    "The city council approved on Monday the construction of a new bridge over the river, after a debate that "
    "lasted most of the evening and drew a crowd of residents who filled the hall and the corridor outside. "
)
PAGE = f"""<html><head><title>Council approves bridge</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Council approves bridge</h1>
<p>{PARAGRAPH}</p><p>{PARAGRAPH.replace("Monday", "Tuesday")}</p><p>{PARAGRAPH.replace("river", "canal")}</p>
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Storm closes the coast road</a></li>
<li><a href="/b">Schools reopen after the holiday</a></li></ul></aside>
<footer><p>© 2026 Example News. All rights reserved.</p></footer></body></html>"""


@pytest.fixture(scope="module")
def seen() -> Observation:
    return observe(lxml.html.document_fromstring(PAGE), URL)


def test_no_weight_leaves_the_probabilities_alone(seen: Observation) -> None:
    scores = np.linspace(0.0, 1.0, len(seen.segments))
    assert blended(scores, readability_kept(seen), 0.0) is scores


def test_the_blend_moves_each_score_towards_readabilitys_decision(seen: Observation) -> None:
    scores = np.full(len(seen.segments), 0.5)
    kept = np.array([s.owner in seen.view.kept for s in seen.segments], dtype=float)
    assert 0 < kept.sum() < len(kept)  # readability kept the story, not the furniture
    np.testing.assert_allclose(readability_kept(seen), kept)
    np.testing.assert_allclose(blended(scores, readability_kept(seen), 1.0), kept)
    np.testing.assert_allclose(blended(scores, readability_kept(seen), 0.25), 0.75 * 0.5 + 0.25 * kept)


@pytest.mark.parametrize("weight", [0.0, 0.3, 0.5])
def test_training_blends_as_the_pipeline_does(seen: Observation, weight: float) -> None:
    """`body.blended` (training, reading readability's decision from the features) must give the
    score the pipeline gives here, or the weight chosen in training means something else at run time."""
    rows = PageRows(
        "p", "example.com", "article", seen.features, [s.text for s in seen.segments], np.zeros(0), "", np.zeros(0)
    )
    scores = np.linspace(0.05, 0.95, len(seen.segments))
    np.testing.assert_allclose(body_blended(rows, scores, weight), blended(scores, readability_kept(seen), weight))


def test_packaged_body_model_states_its_weight_and_threshold() -> None:
    meta = default_models().body.meta
    assert 0.0 <= float(meta["readability_weight"]) < 1.0
    assert 0.0 < float(meta["threshold"]) < 1.0


@pytest.mark.parametrize("weight", [0.0, 0.5, 1.0])
def test_any_weight_reads_the_page(weight: float) -> None:
    """Weight 0 is the model alone, 1 readability alone: both ends read the story without error."""
    models = default_models()
    body = replace(models.body, meta={**models.body.meta, "readability_weight": weight})
    choice = choose_body(lxml.html.document_fromstring(PAGE), URL, Models(body, models.page_type))
    text = choice.element.text_content()
    assert "approved on Tuesday" in text and "canal" in text
