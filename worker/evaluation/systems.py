"""The extractors the report compares: each maps a dev page to a body text and (maybe) fields.

A system that does not produce a field leaves it out of `fields`; the report shows "-" there.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from schemas import Article, RawPage
from schemas.reasons import ArticleWorkerError

from .dataset import DevPage
from .fields import FIELDS


@dataclass(frozen=True)
class Prediction:
    body: str
    fields: Mapping[str, str | None] = field(default_factory=dict)


System = Callable[[DevPage], Prediction]


def article_fields(article: Article) -> dict[str, str | None]:
    """Our Article in the report's field names (authors joined as 'A, B')."""
    return {
        "title": article.title,
        "title_exact": article.title,
        "byline": ", ".join(a.name for a in article.authors) or None,
        "excerpt": article.description,
        "site_name": article.publisher,
        "published": article.date_published,
        "language": article.language,
    }


def pipeline(page: DevPage, models: Any = None) -> Prediction:
    """The whole `extract(RawPage)` from the page's bytes as a producer would send them; body = body_html."""
    from ..pipeline import extract

    raw = RawPage(url=page.url, content_b64=base64.b64encode(page.source).decode("ascii"), content_type="text/html")
    try:
        article = extract(raw, models=models)
    except ArticleWorkerError:
        return Prediction("", dict.fromkeys(FIELDS))
    return Prediction(as_metric_text(article.body_html or article.body_text), article_fields(article))


def pipeline_cross_validated(page: DevPage) -> Prediction:
    """`pipeline` with the models of the fold that never saw this page's site: these pages join
    the body model's training (`make train`), so only this row measures it honestly on them."""
    from .wcxb_systems import fold_models

    return pipeline(page, fold_models("rt:" + page.name))


def as_metric_text(html: str) -> str:
    """The body as the metric's truth was made: html-text over the HTML. Our own `body_text`
    carries the same content but joins inline elements without html-text's extra spaces, which
    splits CJK words differently; scoring every system through one conversion compares content."""
    import html_text

    return str(html_text.extract_text(html))


def readability_alone(page: DevPage) -> Prediction:
    """readability-lxml as users call it on decoded text: summary() through html-text; its title
    and meta author."""
    from readability import Document

    from ..pipeline.charset import decode_page

    logging.getLogger("readability.readability").setLevel(logging.WARNING)
    text, _charset = decode_page(page.source, None)  # our decoder: readability's own sniffing is slower
    document = Document(text)
    try:
        body = as_metric_text(document.summary())
    except Exception:  # readability raises bare Unparseable and lxml errors on odd pages
        body = ""
    title = document.short_title() or None
    author = document.author()
    return Prediction(
        body, {"title": title, "title_exact": title, "byline": None if author == "[no-author]" else author}
    )


def flattened_text(page: DevPage) -> Prediction:
    """The text path on the page's visible text, one line per block (issue 4's variant); body only."""
    from .flattened import predict

    return Prediction(predict(page))
