"""Page features computed the fast way count exactly what their regular expressions counted."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from worker.pipeline.html.page_features import _FORUM_WORDS, whole_words

_REGEX = re.compile(r"\b(?:" + "|".join(_FORUM_WORDS) + r")\b")
# fragments that make near misses: words inside longer words, digits and underscores glued on, accents
_PIECES = st.sampled_from([*_FORUM_WORDS, "s", "ed", "_", "1", "é", " ", ".", "-", "\n", "post", "rep", "x", "ü"])


@given(st.lists(_PIECES, max_size=30))
def test_whole_words_counts_as_the_word_boundary_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert whole_words(text, _FORUM_WORDS) == len(_REGEX.findall(text))


def test_whole_words_examples() -> None:
    assert whole_words("reply replies replyall posted_ 2votes votes.", _FORUM_WORDS) == 3
    assert whole_words("", _FORUM_WORDS) == 0
