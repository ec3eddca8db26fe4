"""The flattened-text seed page, read exactly as a person would read it."""

from __future__ import annotations

import pytest

from schemas import Article, RawPage
from tests.conftest import SEED
from worker import extract

BOILERPLATE = (
    "Egypt Today",
    "egypttoday",
    "Last Updated",
    "Russia ramps up strikes",
    "Russian warship in the Caspian Sea",
    "Beirut - Arab Today",
    "Source: AFP",
    "Name *",
    "E-mail *",
    "Comment",
    "Characters Left",
    "Mandatory",
    "Terms of use",
    "Publishing Terms",
    "I agree",
    "Security Code",
    "Facebook",
    "All rights reserved",
    "Maintained and developed",
    "بيروت",
)


@pytest.fixture(scope="module")
def seed() -> Article:
    raw = RawPage(url="https://news.example.com/seed", content=SEED.read_text(encoding="utf-8"))
    return extract(raw)


def test_seed_fields(seed: Article) -> None:
    assert seed.input_format == "text"
    assert seed.provenance["input_format"] == "no markup"
    assert seed.title == "Syria army launches offensive"
    assert seed.dateline is not None and seed.dateline.location == "Beirut"
    assert seed.credit == "AFP"
    assert seed.language == "en"
    assert seed.captions == ["Russian warship in the Caspian Sea"]


def test_seed_body_bounds(seed: Article) -> None:
    assert seed.body_text.startswith("Russia dramatically escalated its air war in Syria")
    assert seed.body_text.endswith("a group whose existence it previously questioned.")
    assert seed.body_text.count("\n\n") == 28  # 27 paragraphs and 2 sub-headings: 29 blocks


def test_seed_subheadings_are_headings(seed: Article) -> None:
    assert seed.subheadings == ["Rebels targeted in Hama", "'Fundamental mistake'"]
    assert "<h2>Rebels targeted in Hama</h2>" in (seed.body_html or "")
    assert "<h2>'Fundamental mistake'</h2>" in (seed.body_html or "")
    assert "\n\nRebels targeted in Hama\n\n" in seed.body_text


@pytest.mark.parametrize("line", BOILERPLATE)
def test_seed_boilerplate_is_not_in_the_body(seed: Article, line: str) -> None:
    assert line not in seed.body_text
    assert line not in (seed.body_html or "")


def test_seed_as_text_plain_and_as_pre_blob_read_the_same(seed: Article) -> None:
    text = SEED.read_text(encoding="utf-8")
    declared = extract(RawPage(url="https://news.example.com/seed", content=text, content_type="text/plain"))
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    blob = extract(
        RawPage(url="https://news.example.com/seed", content=f"<html><body><pre>{escaped}</pre></body></html>")
    )
    assert declared.provenance["input_format"] == "content_type text/plain"
    assert blob.provenance["input_format"] == "html body is a <pre> text blob"
    for other in (declared, blob):
        assert other.input_format == "text"
        assert (other.title, other.body_text, other.credit) == (seed.title, seed.body_text, seed.credit)
