"""The field registry and its assembler: one list of fields for both paths, first() keeping False
and 0, and the fields found on a page whose body fails carried by NoArticle."""

from __future__ import annotations

import json

import pytest

from schemas import Article, RawPage
from schemas.reasons import NoArticle
from worker import extract
from worker.pipeline.fields.chain import Source, first
from worker.pipeline.fields.registry import FIELDS

HEAD = (
    '<html lang="de"><head><title>Sturm flutet die Altstadt | Tagblatt</title>'
    '<meta property="article:published_time" content="2024-03-05T08:00:00+01:00">'
    '<meta name="author" content="Von Max Muster"></head>'
)


def test_first_keeps_false_and_zero_and_skips_empty() -> None:
    steps: list[Source[object, object]] = [
        Source("a", lambda page: None),
        Source("b", lambda page: ""),
        Source("c", lambda page: []),
        Source("d", lambda page: 0),
        Source("e", lambda page: 5),
    ]
    found = first(steps, object())
    assert found is not None and (found.value, found.source) == (0, "d")
    found = first([Source("f", lambda page: False)], object())
    assert found is not None and found.value is False


def test_every_registry_field_is_an_article_field() -> None:
    names = [spec.name for spec in FIELDS]
    assert len(names) == len(set(names))
    for spec in FIELDS:
        assert spec.name in Article.model_fields and (spec.precision is None or spec.precision in Article.model_fields)
        assert spec.html or spec.text


def test_html_page_without_body_keeps_its_fields() -> None:
    page = RawPage(url="https://e.org/a", content=HEAD + "<body><nav>Start</nav><p>Kurz.</p></body></html>")
    with pytest.raises(NoArticle) as caught:
        extract(page)
    metadata = caught.value.metadata
    assert metadata["title"] == "Sturm flutet die Altstadt"
    assert metadata["date_published"] == "2024-03-05T08:00:00+01:00"
    assert metadata["authors"] == [{"name": "Max Muster", "url": None}]
    assert metadata["language"] == "de" and metadata["provenance"]["title"] == "html"
    assert "fingerprint" not in metadata  # read from the body only
    assert json.loads(json.dumps(metadata)) == metadata  # goes into dead letters as JSON


def test_text_page_without_body_keeps_its_fields() -> None:
    text = "Storm floods the old town\nBy Jane Doe\nMarch 3, 2024\nMenu\nContact"
    with pytest.raises(NoArticle) as caught:
        extract(RawPage(url="https://e.org/b", content=text, content_type="text/plain"))
    metadata = caught.value.metadata
    assert metadata["title"] == "Storm floods the old town"
    assert metadata["authors"] == [{"name": "Jane Doe", "url": None}]
    assert metadata["date_published"] == "2024-03-03" and metadata["date_published_precision"] == "date"
    assert json.loads(json.dumps(metadata)) == metadata
