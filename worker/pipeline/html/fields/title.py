"""Title by agreement: every source proposes one (site-name suffixes removed), the best-supported wins.

Sources, in the order that breaks ties: JSON-LD headline/name, OpenGraph/Twitter, other meta,
the <title> tag, the page's <h1>s. A proposal is supported by every other source that says the
same thing or whose text is it plus a site-name part ("Story - Site"); so a JSON-LD headline that
is really a description ("Wikimedia list article"), or a <title> whose site suffix we could not
recognise, loses to the headline the other sources agree on.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ...fields.chain import Found, Source
from ...textutil import clean_value, squash
from ..facts import PageFacts
from .jsonld import article_text, article_value, as_text
from .page import HtmlPage

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|/|:)\s+")
MAX_H1 = 3
Proposal = tuple[str, str]  # (source, text)


def site_names(facts: PageFacts) -> list[str]:
    """Names the page gives itself (lower-cased): og:site_name, application-name, JSON-LD publisher."""
    names = [
        v for k in ("og:site_name", "application-name", "apple-mobile-web-app-title") for v in facts.meta.get(k, ())
    ]
    names.append(as_text(article_value(facts, "publisher")) or "")
    return [n for name in names if (n := squash(name).lower())]


def strip_site_name(title: str, facts: PageFacts, *, guess: bool = True) -> str:
    """'Story | Site' -> 'Story': drop parts that name the site; with `guess`, else a short
    trailing part (only for the <title> tag, where a suffix is the rule rather than the exception)."""
    title = squash(title)
    spans = _parts(title)
    if len(spans) < 2:
        return title
    names = site_names(facts)
    kept = [(a, b) for a, b in spans if not any((p := title[a:b].lower()) == n or p in n for n in names)]
    if kept and len(kept) < len(spans):
        return title[kept[0][0] : kept[-1][1]]
    first_words, last = title[spans[0][0] : spans[0][1]], title[spans[-1][0] : spans[-1][1]]
    if guess and len(first_words.split()) >= 3 and len(first_words) >= len(last):
        return title[: spans[-2][1]]
    return title


def _parts(title: str) -> list[tuple[int, int]]:
    """(start, end) of each separator-delimited part."""
    spans, start = [], 0
    for match in _SEPARATORS.finditer(title):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(title)))
    return spans


#: (source, where) in order of preference; "where" is a meta key, or one of the special names.
ORDER: list[tuple[str, str]] = [
    ("json-ld", "@headline"),
    ("meta", "dc.title"),
    ("meta", "dcterms.title"),
    ("opengraph", "og:title"),
    ("opengraph", "twitter:title"),
    ("meta", "parsely-title"),
    ("meta", "title"),
    ("json-ld", "@name"),
    ("html", "@title"),
    ("heuristic", "@h1"),
]
CONSENSUS = 2  # a declared title loses only to one that this many other sources repeat


def proposals(facts: PageFacts, root: HtmlElement) -> list[Proposal]:
    """(source, title) per source in ORDER, site-name suffixes removed."""
    out: list[Proposal] = []
    for source, where in ORDER:
        if where == "@headline":
            texts = [article_text(facts, "headline") or ""]
        elif where == "@name":
            texts = [article_text(facts, "name") or ""]
        elif where == "@title":
            texts = [facts.title_tag or ""]
        elif where == "@h1":
            texts = [h.text_content() for h in facts.h1s][:MAX_H1]
        else:
            texts = facts.meta.get(where, [])[:1]
        for text in texts:
            cleaned = clean_value(text, 500)
            if cleaned:
                out.append((source, strip_site_name(cleaned, facts, guess=where == "@title")))
    return out


def _supports(other: str, text: str) -> bool:
    other, text = other.casefold(), text.casefold()
    return other == text or any(other[a:b] == text for a, b in _parts(other))


def read_title(facts: PageFacts, root: HtmlElement) -> Found[str] | None:
    """The first proposal in ORDER, unless it stands alone against a consensus of other sources."""
    found = proposals(facts, root)
    h1s = [text for source, text in found if source == "heuristic"]
    support = [
        sum(1 for j, (_, t) in enumerate(found) if j != i and _supports(t, text)) for i, (_, text) in enumerate(found)
    ]
    eligible = [i for i, (source, _) in enumerate(found) if source != "heuristic" or len(h1s) == 1 or support[i] > 0]
    if not eligible:
        return None
    choice = eligible[0]
    if support[choice] == 0:
        strongest = max(eligible, key=lambda i: (support[i], -i))
        if support[strongest] >= CONSENSUS:
            choice = strongest
    return Found(*_leading_part(found, eligible, choice))


def _leading_part(found: list[Proposal], eligible: list[int], choice: int) -> tuple[str, str]:
    """'New Zealand - Wikipedia' with an <h1> 'New Zealand': the other source shows where the
    unrecognised site suffix starts, so take the part it repeats."""
    source, text = found[choice]
    spans = _parts(text)
    if len(spans) > 1:
        lead = text[: spans[0][1]].casefold()
        for i in eligible:
            if i != choice and found[i][1].casefold() == lead:
                return found[i][1], found[i][0]
    return text, source


def _title(page: HtmlPage) -> Found[str] | None:
    return read_title(page.facts, page.root)


#: one source whose value says where it came from (the agreement above picks among sources)
TITLE: list[Source[HtmlPage, Found[str]]] = [Source("agreement", _title)]
