"""`fingerprint`: a 64-bit SimHash of the body's word shingles; copies of one story sit within the
README's threshold, different stories far outside it."""

from __future__ import annotations

import re
import subprocess
import sys
from zlib import crc32

from hypothesis import given
from hypothesis import strategies as st

from harness.pages import article_html
from schemas import RawPage
from worker import extract
from worker.pipeline.fields.fingerprint import MAX_WORDS, PREFIX_CHARS, distance, first_words, simhash

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


_PIECES = ["Word", "ß", "İ", " ", "\n", "x1", "_", "-", "Straße", "ΣΑΣ", "日本語", "."]


@given(st.lists(st.sampled_from(_PIECES), max_size=4000))
def test_first_words_are_those_of_the_whole_text(pieces: list[str]) -> None:
    """Read from a prefix or not, the words are the first MAX_WORDS of the whole folded text."""
    text = "".join(pieces)
    assert first_words(text) == re.findall(r"\w+", text.casefold())[:MAX_WORDS]


def test_first_words_across_the_prefix_boundary() -> None:
    """A word cut by the first prefix, long words that leave fewer than MAX_WORDS in it, ß folding to ss."""
    texts = [
        filler * (PREFIX_CHARS // len(filler)) + "Wort" * 3 + " tail " * 2000
        for filler in ("Straße ", "x" * 40 + " ", "日本語の文章 ")
    ]
    cut = PREFIX_CHARS - 2 * (MAX_WORDS - 1)  # the MAX_WORDS-th word runs over the prefix's end
    texts.append("w " * (MAX_WORDS - 1) + "y" * (cut + 10) + " z" * 100)
    texts.append("w " * MAX_WORDS + "y" * (cut + 10) + " z" * 100)  # the next word is the one cut
    for text in texts:
        assert first_words(text) == re.findall(r"\w+", text.casefold())[:MAX_WORDS]


def _reference(text: str) -> str | None:
    """The SimHash as the module's docstring states it, one shingle at a time in plain Python
    (what the numpy version must equal: fingerprints that consumers stored must not move)."""
    words = first_words(text)
    if len(words) < 3:
        return None
    mask = (1 << 64) - 1
    hashed = [crc32(w.encode("utf-8")) for w in words]
    shingles = set()
    for a, b, c in zip(hashed, hashed[1:], hashed[2:], strict=False):
        mixed = (a * 0x9E3779B97F4A7C15 + b * 0xC2B2AE3D27D4EB4F + c * 0x165667B19E3779F9) & mask
        shingles.add(mixed ^ (mixed >> 29))
    value = sum(1 << bit for bit in range(64) if sum((h >> bit) & 1 for h in shingles) > len(shingles) / 2)
    return f"{value:016x}"


@given(st.lists(st.sampled_from([*_PIECES, "river", "flood", "town", "the"]), max_size=900))
def test_simhash_equals_the_plain_python_reference(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert simhash(text) == _reference(text)


def test_simhash_reference_on_real_length_texts() -> None:
    for text in (STORY, OTHER, STORY + OTHER, OTHER * 5):
        assert simhash(text) == _reference(text)
