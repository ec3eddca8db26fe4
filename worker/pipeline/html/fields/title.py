"""Title by agreement: every source proposes one (site-name suffixes removed), the best-supported wins.

Sources, in the order that breaks ties: JSON-LD headline/name, OpenGraph/Twitter, other meta,
the <title> tag, the page's <h1>s. A proposal is supported by every other source that says the
same thing or whose text is it plus a site-name part ("Story - Site"); so a JSON-LD headline that
is really a description ("Wikimedia list article"), or a <title> whose site suffix we could not
recognise, loses to the headline the other sources agree on.
"""

from __future__ import annotations

import contextlib
import html
import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ...fields.chain import Found, Source
from ...fields.lexicon import BY_WORDS, DATE_LABELS, SECTION_TITLES, alternation
from ...text.dates import find_dates
from ...textutil import clean_value, squash
from ..facts import PageFacts
from .jsonld import article_text, article_value, as_text
from .page import HtmlPage

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|/|:|•|⋆|›|~)\s+|\s*｜\s*")
_SITE_ONLY_TRAILER = re.compile(r"\s*[⋆•|·»›~]\s*$")
_MOJIBAKE = re.compile(r"[âÃ][\x80-\xbf]")
_MARKDOWN = re.compile(r"^#{1,6}\s+|(?<![\w*])\*{1,2}(?=\S)(.+?)(?<=\S)\*{1,2}(?![\w*])")
_GENERIC_HOST_LABELS = frozenset({"www", "m", "amp", "blog", "blogs", "news", "en", "com", "org", "net", "co", "uk"})
_SECTIONS = frozenset(SECTION_TITLES)
_TOPIC = re.compile(r"^([^:|]{2,40}?):\s+(\S.*)$")
MAX_H1 = 3
MAX_NAME_WORDS = 6
#: what may follow a site's name squeezed into one word ('RealtyMogul.com', 'Garnix Blog'): a
#: domain ending or a word that names the kind of site, never an ordinary word ('Teaching Online')
_NAME_ENDINGS = frozenset(
    {
        "com",
        "org",
        "net",
        "io",
        "co",
        "uk",
        "de",
        "fr",
        "blog",
        "news",
        "magazine",
        "mag",
        "inc",
        "llc",
        "ltd",
        "hq",
        "app",
        "tm",
    }
)
_ASCII = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-", "\xa0": " "})
#: words that show an <h1> caught a byline, a date label or a domain along with the headline
_FURNITURE = re.compile(rf"(?<![\w-])(?:{alternation([*BY_WORDS, *DATE_LABELS, 'com', 'org', 'net'])})(?![\w-])", re.I)
Proposal = tuple[str, str]  # (source, text)


def site_names(facts: PageFacts) -> list[str]:
    """Names the page gives itself (lower-cased): og:site_name, application-name, JSON-LD publisher,
    and its domain ('leadfeeder' for www.leadfeeder.com). Computed once per page."""
    if facts.site_names is None:
        facts.site_names = _site_names(facts)
    return facts.site_names


def _site_names(facts: PageFacts) -> list[str]:
    names = [
        v for k in ("og:site_name", "application-name", "apple-mobile-web-app-title") for v in facts.meta.get(k, ())
    ]
    names.append(as_text(article_value(facts, "publisher")) or "")
    host = (urlsplit(facts.url).hostname or "").lower()
    names += [label for label in host.split(".")[:-1] if len(label) >= 4 and label not in _GENERIC_HOST_LABELS]
    return [n for name in names for n in _plausible_names(squash(name).lower())]


def _plausible_names(value: str) -> list[str]:
    """The parts of a site-name value that can be a name: a headline put in the site-name field
    ('How to Design a Website: a Complete Guide for 2026 | Clay') or a slogan after the name
    ('Urge Fitness | Affordable 24/7 Gyms Near Me in PA and NJ') leave only the short parts."""
    parts = [value[a:b] for a, b in _parts(value)]
    return [p for p in parts if p and len(p.split()) <= MAX_NAME_WORDS]


def _names_site(part: str, names: list[str]) -> bool:
    """A title part that is the site's name: equal to one, inside one, or one squeezed
    ('Bold.org', 'RealtyMogul.com™', 'Garnix Blog' on garnix.io)."""
    folded = part.lower()
    squeezed = re.sub(r"[\W_]+", "", folded)
    if any(folded == n or folded in n for n in names):
        return True
    return bool(squeezed) and any(
        (sq := re.sub(r"[\W_]+", "", n)) and (squeezed == sq or _name_with_ending(folded, sq)) for n in names
    )


def _name_with_ending(part: str, squeezed_name: str) -> bool:
    """'realtymogul.com™' or 'garnix blog' for the name 'realtymogul' / 'garnix': the part is the
    name squeezed, then only words of `_NAME_ENDINGS`."""
    words = re.findall(r"[^\W_]+", part)
    for i in range(1, len(words) + 1):
        if "".join(words[:i]) == squeezed_name:
            return bool(words[i:]) and all(w in _NAME_ENDINGS for w in words[i:])
    return False


def _own_names(facts: PageFacts) -> list[str]:
    """og:site_name and the domain: the names a page never uses for anything but itself
    (application-name and JSON-LD publishers are sometimes filled with the headline)."""
    names = [n for v in facts.meta.get("og:site_name", ()) for n in _plausible_names(squash(v).lower())]
    host = (urlsplit(facts.url).hostname or "").lower()
    return names + [label for label in host.split(".")[:-1] if label not in _GENERIC_HOST_LABELS]


def _is_site_name(title: str, names: list[str]) -> bool:
    """A whole title that is only the site's name ('Bold.org', 'The Verge')."""
    folded = title.casefold()
    squeezed = re.sub(r"[\W_]+", "", folded)
    return any(folded == n or (squeezed and squeezed == re.sub(r"[\W_]+", "", n)) for n in names)


def clean_title(text: str | None) -> str | None:
    """A title as a reader sees it: entities decoded ('&#8217;', escaped twice in some meta), UTF-8
    read as Latin-1 repaired, Markdown marks ('## ', '*...*') and a dangling separator removed."""
    value = clean_value(text, 500)
    if not value:
        return None
    if "&" in value:
        value = html.unescape(html.unescape(value))
    if _MOJIBAKE.search(value):
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            value = value.encode("latin-1").decode("utf-8")
    value = _MARKDOWN.sub(lambda m: m.group(1) or "", value)
    return clean_value(_SITE_ONLY_TRAILER.sub("", value), 500)


def strip_site_name(title: str, facts: PageFacts, *, guess: bool = True) -> str:
    """'Story | Site' -> 'Story': drop leading parts that name the site and everything from the
    first later part that does ('Story - Site | Slogan' -> 'Story'); with `guess`, else a short
    trailing part (only for the <title> tag, where a suffix is the rule rather than the exception)."""
    title = _without_domain(squash(title), facts.url)
    spans = _parts(title)
    if len(spans) < 2:
        return title
    names = site_names(facts)
    naming = [_names_site(title[a:b], names) for a, b in spans]
    if any(naming) and not all(naming):
        start = naming.index(False)  # leading parts that name the site go
        end = next((i for i in range(start + 1, len(spans)) if naming[i]), len(spans))  # and what follows the name
        return title[spans[start][0] : spans[end - 1][1]]
    first_words, last = title[spans[0][0] : spans[0][1]], title[spans[-1][0] : spans[-1][1]]
    if guess and len(first_words.split()) >= 3 and len(first_words) >= len(last):
        return title[: spans[-2][1]]
    return title


def _without_domain(title: str, url: str) -> str:
    """'davidbau.com Vibe Coding' -> 'Vibe Coding': the page's own host name written before the
    headline with no separator (a separator is handled as a site part)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if "." in host and title.lower().startswith(host + " ") and len(title) > len(host) + 1:
        return title[len(host) + 1 :].lstrip()
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
#: an <h1> worded differently from the declared title is the headline when they share this much
#: (of the shorter one's words, of both together's words): chosen by cross-validation by domain
#: on wcxb-dev article pages (scripts/title_h1_cv.py)
H1_SHARED_OF_SHORTER, H1_SHARED_OF_ALL = 0.2, 0.1
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
            cleaned = clean_title(text)
            if cleaned:
                title = _without_topic(strip_site_name(cleaned, facts, guess=where == "@title"), facts)
                if title.casefold() not in _SECTIONS and not _is_site_name(title, _own_names(facts)):
                    out.append((source, title))  # never "Home", a section or the site's own name
    return out


def _without_topic(title: str, facts: PageFacts) -> str:
    """'Blog: Story' -> 'Story': a leading part that names a section ('News', the page's own
    articleSection) or the site, before a colon or a separator."""
    spans = _parts(title)
    colon = _TOPIC.match(title)
    if colon:
        spans = [(0, colon.end(1)), (colon.start(2), len(title))]
    if len(spans) < 2:
        return title
    head = title[spans[0][0] : spans[0][1]]
    section = (article_text(facts, "articleSection") or (facts.first_meta("article:section") or ("", ""))[1]).casefold()
    if head.casefold() in _SECTIONS or (section and head.casefold() == section) or _names_site(head, _own_names(facts)):
        return title[spans[1][0] :]
    return title


def _supports(other: str, text: str) -> bool:
    other, text = other.casefold(), text.casefold()
    return other == text or any(other[a:b] == text for a, b in _parts(other))


def read_title(facts: PageFacts, root: HtmlElement) -> Found[str] | None:
    """The first proposal in ORDER, unless it stands alone against a consensus of other sources;
    the visible headline where it words that title differently."""
    return choose_title(proposals(facts, root))


def choose_title(
    found: list[Proposal], shares: tuple[float, float] = (H1_SHARED_OF_SHORTER, H1_SHARED_OF_ALL)
) -> Found[str] | None:
    """`read_title` on the proposals; `shares`: the <h1> rule's two thresholds (the script that
    chooses them tries others)."""
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
    text, source = _leading_part(found, eligible, choice)
    headline = _without_parenthesis(found, text) or _visible_headline(found, text, shares)
    return Found(headline, "html") if headline else Found(text, source)


def _visible_headline(found: list[Proposal], chosen: str, shares: tuple[float, float]) -> str | None:
    """The page's one <h1> where it words the declared title differently: the headline a reader
    sees ('IT & Cybersecurity Best Practices to Protect Your Business' for the og:title 'Top 10 IT
    Security Best Practices for 2025: Protect Your Business'). It must share words with the
    declared title (`H1_SHARED_OF_SHORTER` of the shorter one's words, `H1_SHARED_OF_ALL` of both
    together's: an unrelated <h1> is a logo, a section or a slogan). An <h1> in capitals is styling;
    one that only swaps quote marks shows the same title; one that adds a date, a byline or a domain
    has caught page furniture."""
    h1s = [text for source, text in found if source == "heuristic"]
    if len(h1s) != 1:
        return None
    h1 = h1s[0]
    if h1.isupper() or _typographic(h1) == _typographic(chosen):
        return None
    ours, theirs = set(_word_list(h1)), set(_word_list(chosen))
    if not ours or not theirs:
        return None
    extra = " ".join(w for w in h1.split() if not set(_word_list(w)) <= theirs)
    if _FURNITURE.search(extra) or find_dates(h1):
        return None
    shared = len(ours & theirs)
    if shared / min(len(ours), len(theirs)) >= shares[0] and shared / len(ours | theirs) >= shares[1]:
        return h1
    return None


_TRAILING_PARENTHESIS = re.compile(r"\s*[(（][^()（）]{1,60}[)）]$")


def _without_parenthesis(found: list[Proposal], chosen: str) -> str | None:
    """An <h1> that is the declared title without its trailing parenthesis ('Story (via Passle)',
    'The Fold-and-Cut Problem (Erik Demaine)'): the parenthesis credits a source or an author,
    and the page's visible headline leaves it out."""
    match = _TRAILING_PARENTHESIS.search(chosen)
    if not match:
        return None
    bare = chosen[: match.start()].casefold()
    return next((text for source, text in found if source == "heuristic" and text.casefold() == bare), None)


def _typographic(text: str) -> str:
    return " ".join(text.translate(_ASCII).split())


def _word_list(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


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
