"""A standfirst heading that repeats the page's description opens the body only once: as the field."""

from __future__ import annotations

import lxml.html
import pytest

from worker.pipeline.html.standfirst import drop_dek_heading

DESC = "Na ocasião, técnico entregou réplica do troféu"


@pytest.mark.parametrize(
    "html, description, kept",
    [
        (f"<h2>{DESC}</h2><p>Body.</p>", DESC, "Body."),
        (f"<div><h3> {DESC.upper()} </h3></div><p>Body.</p>", DESC, "Body."),  # case and spaces aside
        (f"<p>{DESC}</p><p>Body.</p>", DESC, f"{DESC} Body."),  # a first paragraph is article text
        (f"<p>Lead.</p><h2>{DESC}</h2>", DESC, f"Lead. {DESC}"),  # not at the top: a sub-heading
        ("<h2>Another heading</h2><p>Body.</p>", DESC, "Another heading Body."),
        (f"<h2>{DESC}</h2><p>Body.</p>", None, f"{DESC} Body."),
    ],
)
def test_drop_dek_heading(html: str, description: str | None, kept: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert " ".join(t.strip() for t in drop_dek_heading(root, description).itertext() if t.strip()) == kept
