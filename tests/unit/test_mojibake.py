"""Double-encoded pages ('Thatâ€™s'): repaired in what we output, real Latin text left alone."""

from __future__ import annotations

import base64

import pytest

from schemas import RawPage
from worker.pipeline import extract
from worker.pipeline.mojibake import MIN_SIGNS, repair


def _as_cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: kept as the Latin-1 control character
        return chr(byte)


def double_encoded(text: str) -> str:
    """What a page looks like once its UTF-8 was read as Windows-1252 and written out again."""
    return "".join(_as_cp1252(b) for b in text.encode("utf-8"))


@pytest.mark.parametrize(
    "clean",
    [
        "That’s the “best” café — naïve, façade, Straße, 5 °C, £5, ©, ½ and ☕ again: “quotes” ’n’ more",
        "Größe über alles – “Zitat” – Ärger, Öl, Übung; «guillemets» à l’été",
    ],
)
def test_a_double_encoded_text_is_read_as_written(clean: str) -> None:
    spoiled = double_encoded(clean)
    assert spoiled != clean
    assert repair(spoiled) == clean


@pytest.mark.parametrize(
    "text",
    [
        "Âge d’or, café, naïve, é» and 2×\xa0m",  # real text: no repair at all
        "A single stray Ã© is left alone",  # fewer signs than MIN_SIGNS
        "plain ASCII text",
    ],
)
def test_real_text_is_left_as_it_is(text: str) -> None:
    assert repair(text) is text


def test_the_threshold_counts_signs() -> None:
    assert MIN_SIGNS >= 2
    few = "Ã©" * (MIN_SIGNS - 1)
    assert repair(few) is few
    assert repair("Ã©" * MIN_SIGNS) == "é" * MIN_SIGNS


def test_a_double_encoded_page_comes_out_clean() -> None:
    paragraph = (
        "<p>That’s the story of a café owner’s “long” winter — told by the people who were there, "
        "day after day, until the spring came back to the valley and the river thawed again.</p>"
    )
    page = (
        "<html><head><meta charset='utf-8'><title>The café’s winter</title>"
        "<meta name='author' content='José Núñez'></head><body><article><h1>The café’s winter</h1>"
        + paragraph * 4
        + "</article></body></html>"
    )
    spoiled = base64.b64encode(double_encoded(page).encode()).decode()
    raw = RawPage(url="https://news.example.com/cafe", content_b64=spoiled)
    article = extract(raw)
    assert "That’s the story of a café owner’s “long” winter — told" in article.body_text
    assert "â€" not in article.body_text and "Ã" not in (article.body_html or "")
    assert article.title == "The café’s winter"
    assert [a.name for a in article.authors] == ["José Núñez"]


def test_flattened_text_is_repaired_before_it_is_read() -> None:
    from worker.pipeline.text import read_text

    lines = ["The café’s winter", ""] + [
        "That’s the story of a café owner’s “long” winter — told by the people who were there, day after day."
    ] * 4
    article = read_text(double_encoded("\n".join(lines)), "https://news.example.com/cafe")
    assert "café owner’s “long” winter — told" in article.body_text
    assert "â€" not in article.body_text
