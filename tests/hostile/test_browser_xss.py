"""XSS in a real browser: the `body_html` extracted from pages carrying public and generated vectors,
loaded in headless Chromium (Debian's `chromium` package) with alert/prompt/confirm/print trapped:
0 may run, and the page must not navigate away.

The fast part renders a sample; `make fuzz` renders every vector (>= 5,000 public ones).
Without a `chromium` binary the tests skip and say so (`apt-get install -y chromium`).
"""

from __future__ import annotations

from collections import Counter

import pytest

from schemas.reasons import ArticleWorkerError
from tests.hostile.xss import CHROMIUM, executed, placed, public_vectors, vectors
from worker.page.messages import decode_message
from worker.pipeline import extract

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary: apt-get install -y chromium")
BATCH = 1000
SAMPLE_EVERY = 40


def bodies_of(chosen: list[str]) -> tuple[list[str], list[str], Counter[str]]:
    """(body_htmls, their vectors' descriptions, outcome counts) of the vectors, each in one placement."""
    bodies, names, outcomes = [], [], Counter[str]()
    for i, vector in enumerate(chosen):
        where, message = placed(vector, i)
        try:
            article = extract(decode_message(message, 16 * 1024 * 1024))
        except ArticleWorkerError as exc:
            outcomes[exc.reason.value] += 1
            continue
        outcomes["article"] += 1
        bodies.append(article.body_html)
        names.append(f"{where}: {vector[:120]!r}")
    return bodies, names, outcomes


def check(chosen: list[str], title: str, capsys: pytest.CaptureFixture[str]) -> None:
    bodies, names, outcomes = bodies_of(chosen)
    ran = [names[start + i] for start in range(0, len(bodies), BATCH) for i in executed(bodies[start : start + BATCH])]
    with capsys.disabled():
        print(
            f"\n{title}: {len(chosen)} vectors, {len(bodies)} body_html rendered in Chromium, {len(ran)} executed; "
            + ", ".join(f"{k} {v}" for k, v in outcomes.most_common())
        )
    assert not ran, "\n".join(ran[:20])


def test_sample_of_vectors_stays_inert_in_chromium(capsys: pytest.CaptureFixture[str]) -> None:
    chosen = vectors()[::SAMPLE_EVERY]
    assert len(chosen) >= 200
    check(chosen, "xss in chromium (sample)", capsys)


def test_the_trap_sees_a_vector_that_runs() -> None:
    """The harness itself: an unsanitised vector is caught, and found by bisection."""
    assert executed(["<p>fine</p>", "<img src=x onerror=alert(1)>", "<p>fine</p>"]) == [1]


@pytest.mark.fuzz
def test_every_vector_stays_inert_in_chromium(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(public_vectors()) >= 5000
    check(vectors(), "xss in chromium (full)", capsys)
