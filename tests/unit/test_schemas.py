from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from schemas import Article, ArticleEvent, DeadLetter, PageMetadata, RawPage, SkippedPage
from schemas.export import MODELS, SCHEMA_DIR, render

GOOD = {"url": "https://example.org/a", "content": "<p>x</p>"}


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"url": "ftp://example.org/a"}, "http"),
        ({"url": "javascript:alert(1)"}, "http"),
        ({"url": "/relative"}, "http"),
        ({"content": None}, "exactly one"),
        ({"content_b64": "eA=="}, "exactly one"),
        ({"content_encoding": "gzip"}, "content_b64"),
        ({"schema_version": 2}, "schema_version"),
        ({"job_id": ""}, "job_id"),
        ({"job_id": "has space"}, "job_id"),
        ({"unknown_field": 1}, "unknown_field"),
        ({"attributes": []}, "attributes"),
    ],
)
def test_raw_page_rejects(changes: dict[str, object], problem: str) -> None:
    with pytest.raises(ValidationError) as caught:
        RawPage.model_validate({**GOOD, **changes})
    assert problem in str(caught.value)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"url": "HTTP://Example.org"},
        {"content": None, "content_b64": "PHA+eDwvcD4=", "content_encoding": "identity"},
        {"job_id": "crawl-7:page/42", "attributes": {"crawl": {"depth": 2}}, "headers": {"ETag": "x"}},
        {"fetched_at": "2024-05-01T10:00:00+02:00", "content_type": "text/html; charset=utf-8"},
    ],
)
def test_raw_page_accepts(changes: dict[str, object]) -> None:
    page = RawPage.model_validate({**GOOD, **changes})
    assert page.schema_version == 1


@pytest.mark.parametrize(
    "value", ["2024-05-01", "2024-05-01T10:00", "2024-05-01T10:00:00Z", "2024-05-01T10:00:00.5+05:30"]
)
def test_article_accepts_iso_dates(value: str) -> None:
    article = Article(
        url="https://e.org",
        body_text="x",
        word_count=1,
        reading_time_minutes=1,
        input_format="html",
        date_published=value,
    )
    assert article.date_published == value


@pytest.mark.parametrize("value", ["May 1, 2024", "2024/05/01", "1714550400", "[no-date]"])
def test_article_rejects_non_iso_dates(value: str) -> None:
    with pytest.raises(ValidationError):
        Article(
            url="https://e.org",
            body_text="x",
            word_count=1,
            reading_time_minutes=1,
            input_format="html",
            date_published=value,
        )


@pytest.mark.parametrize("name", sorted(MODELS))
def test_committed_json_schema_matches_models(name: str) -> None:
    """Regenerate with `article-worker schema --write schemas/json` when a model changes on purpose."""
    committed = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == render(name), f"schemas/json/{name}.schema.json is stale"


@pytest.mark.parametrize("model", [RawPage, Article, ArticleEvent, DeadLetter, SkippedPage])
def test_every_model_is_versioned_or_nested(model: type) -> None:
    schema = model.model_json_schema()
    if model is Article:  # travels only inside ArticleEvent, which carries the version
        assert "schema_version" in ArticleEvent.model_json_schema()["properties"]
    else:
        assert "schema_version" in schema["properties"]
    json.dumps(schema)


def test_page_metadata_fields_are_articles() -> None:
    """The same names, types and rules as in Article, so consumers read both alike."""
    for name, field in PageMetadata.model_fields.items():
        assert name in Article.model_fields, name
        mine, theirs = field, Article.model_fields[name]
        assert (mine.annotation, mine.metadata, mine.default) == (theirs.annotation, theirs.metadata, theirs.default)
