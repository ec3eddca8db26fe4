"""`fingerprint`: a 64-bit SimHash of the body's word shingles; copies of one story sit within the
README's threshold, different stories far outside it."""

from __future__ import annotations

import subprocess
import sys

from harness.pages import article_html
from schemas import RawPage
from worker import extract
from worker.pipeline.fields.fingerprint import distance, simhash

THRESHOLD = 11  # README: Fingerprint
STORY = " ".join(
    f"Paragraph {i}: officials in the river town said the flood barrier held overnight while crews "
    f"pumped water from {i} streets and the mayor asked residents to stay away from the quay."
    for i in range(12)
)
OTHER = " ".join(
    f"Part {i}: the orchestra rehearsed a new symphony for the autumn season, and the conductor "
    f"praised the young violinists who joined the ensemble from {i} music schools this year."
    for i in range(12)
)


def test_format_and_short_texts() -> None:
    value = simhash(STORY)
    assert value is not None and len(value) == 16 and int(value, 16) >= 0
    assert simhash("two words") is None and simhash("") is None and simhash(None) is None


def test_copies_are_close_and_different_stories_far() -> None:
    wire_copy = "PARIS (AFP) - " + STORY.rsplit("Paragraph 11", 1)[0] + " Read more: our latest stories."
    assert distance(simhash(STORY) or "", simhash(wire_copy) or "") <= THRESHOLD
    assert distance(simhash(STORY) or "", simhash(STORY.upper()) or "") == 0  # case does not matter
    assert distance(simhash(STORY) or "", simhash(OTHER) or "") > THRESHOLD


def test_stable_across_processes() -> None:
    """No per-process hash seed: another interpreter computes the same value."""
    code = "from worker.pipeline.fields.fingerprint import simhash; import sys; print(simhash(sys.argv[1]))"
    out = subprocess.run([sys.executable, "-c", code, STORY], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == simhash(STORY)


def test_both_paths_fill_it_from_the_body() -> None:
    html = extract(RawPage(url="https://e.org/a", content=article_html(3)[1]))
    assert html.fingerprint == simhash(html.body_text) and html.provenance["fingerprint"] == "body"
    text = extract(RawPage(url="https://e.org/b", content=STORY, content_type="text/plain"))
    assert text.fingerprint == simhash(text.body_text) and text.provenance["fingerprint"] == "text"
