"""The hostile corpus through `extract()`: every input ends as an Article or a typed error, within the
CPU budget, and a body_html without active content.

The fast part (every run of the suite) is a fixed sample plus the inputs issue 20 found untyped or
slow; the full corpus (≥ 8,000 inputs) runs with `make fuzz`. Both print the corpus size, the outcome
counts and the slowest input.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable

import lxml.html
import pytest

from schemas import Article
from schemas.reasons import ArticleWorkerError
from tests.hostile.corpus import ARTICLE, Case, corpus
from worker.page.messages import decode_message
from worker.pipeline import extract
from worker.settings import Settings

#: CPU seconds one input may cost (issue 20: no page under MAX_PAGE_BYTES over 5 s).
BUDGET = 5.0
FULL_SIZE = 8_000
SAMPLE_EVERY = 25
#: The inputs issue 20 reported untyped or slow (or their closest generated kin): always run.
REGRESSIONS = frozenset(
    {
        "U+0001 href ref",
        "U+0001 css url",
        "U+0001 img src",
        "U+0000 charset",
        "U+0000 charset bytes",
        "arrays x100000",
        "objects x100000",
        "@graph x100000",
        "unclosed x100000",
        "arrays x1000000",
        "distinct x100000",
        "distinct x1000000",
        "&a; x3000000",
        "paragraphs x300000",
        "empty x300000",
    }
)
MAX_MESSAGE_BYTES = Settings.model_fields["max_message_bytes"].default
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def outcome_of(case: Case) -> tuple[str, float]:
    started = time.process_time()
    try:
        article = extract(decode_message(case.message, MAX_MESSAGE_BYTES))
        outcome = ARTICLE if inert(article) else "ACTIVE body_html"
    except ArticleWorkerError as exc:
        outcome = exc.reason.value
    except Exception as exc:  # the bug this corpus is here to catch
        outcome = f"UNTYPED {type(exc).__name__}: {exc}"[:160]
    return outcome, time.process_time() - started


def inert(article: Article) -> bool:
    """No script-bearing element, event handler or non-web URL in body_html."""
    if not article.body_html.strip():
        return True
    root = lxml.html.fragment_fromstring(article.body_html, create_parent="div")
    for element in root.iter():
        if element.tag in ("script", "style", "iframe", "object", "embed", "svg", "math", "form", "base", "meta"):
            return False
        for name, value in element.items():
            if name.lower().startswith("on") or name.lower() in ("style", "srcdoc", "formaction"):
                return False
            if name.lower() in ("href", "src") and not value.strip().lower().startswith(_SAFE_SCHEMES):
                return False
    return True


def run(cases: Iterable[Case]) -> tuple[int, Counter[str], list[tuple[float, str, str]], list[str]]:
    count, outcomes, times, wrong = 0, Counter[str](), [], []
    for case in cases:
        outcome, seconds = outcome_of(case)
        count += 1
        outcomes[outcome] += 1
        times.append((seconds, f"{case.family}: {case.name}", outcome))
        if outcome.startswith(("UNTYPED", "ACTIVE")) or seconds > BUDGET:
            wrong.append(f"{case.family}: {case.name}: {outcome} in {seconds:.2f}s")
        elif case.expected is not None and outcome != case.expected:
            wrong.append(f"{case.family}: {case.name}: expected {case.expected}, got {outcome}")
    times.sort(reverse=True)
    return count, outcomes, times, wrong


def report(title: str, count: int, outcomes: Counter[str], times: list[tuple[float, str, str]]) -> str:
    lines = [f"{title}: {count} inputs; outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common())]
    lines += [f"  slowest: {seconds:.2f}s CPU  {name} -> {outcome}" for seconds, name, outcome in times[:5]]
    return "\n".join(lines)


def test_sample_of_the_hostile_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    sample = (
        case
        for i, case in enumerate(corpus())
        if case.name in REGRESSIONS or (not case.heavy and i % SAMPLE_EVERY == 0)
    )
    count, outcomes, times, wrong = run(sample)
    with capsys.disabled():
        print("\n" + report("hostile corpus (sample)", count, outcomes, times))
    assert count >= 300
    assert not wrong, "\n".join(wrong[:30])


@pytest.mark.fuzz
def test_full_hostile_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    count, outcomes, times, wrong = run(corpus())
    with capsys.disabled():
        print("\n" + report("hostile corpus (full)", count, outcomes, times))
    assert count >= FULL_SIZE
    assert not wrong, "\n".join(wrong[:50])
