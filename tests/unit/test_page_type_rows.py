"""The page-type training rows: a Readability test page's URL (always the suite's fakehost URL)
must not reach the model as a feature, every other column must."""

from __future__ import annotations

import numpy as np
from lxml import html

from worker.pipeline.html.features import NAMES as SEGMENT_NAMES
from worker.pipeline.html.page_features import STATIC_NAMES, static_row
from worker.training import page_type
from worker.training.data import READABILITY_PREFIX, PageRows

_PAGE = "<html><head><title>Budget talks resume</title></head><body><p>Talks resumed today.</p></body></html>"


def _rows(name: str, url: str) -> PageRows:
    root = html.fromstring(_PAGE)
    features = np.linspace(0, 1, 3 * len(SEGMENT_NAMES), dtype=np.float32).reshape(3, -1)
    return PageRows(
        name, "example.com", "article", features, ["a", "b", "c"], np.zeros(3), "", static_row(root, url, "t")
    )


def test_readability_pages_have_no_url_features() -> None:
    url = "https://news.example.com/2024/05/01/budget-talks-resume.html"
    wcxb, readability = _rows("0001", url), _rows(READABILITY_PREFIX + "001", url)
    probs = [np.array([0.2, 0.9, 0.4])] * 2
    x = page_type.rows([wcxb, readability], probs)

    url_columns = [i for i, name in enumerate(STATIC_NAMES) if name.startswith("url_")]
    assert url_columns == page_type.URL_COLUMNS and len(url_columns) > 5
    assert not np.isnan(x[0]).any()
    assert np.isnan(x[1, url_columns]).all()
    other = [i for i in range(x.shape[1]) if i not in url_columns]
    np.testing.assert_array_equal(x[0, other], x[1, other])
    assert x[0, url_columns].sum() > 0  # the dated, slugged URL did set features for the WCXB page
