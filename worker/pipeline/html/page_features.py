"""Features of a whole page for the page-type model: what kind of page a reader would call it.

Structured hints the page gives about itself (schema.org types in JSON-LD and microdata, og:type,
article dates), the shape of its URL path (depth, a date, the family of its words: shop, docs,
forum, category, blog...), its markup (forms, prices, lists, code, tables, headings) and what the
body model made of it (how much of the page is main text, in how many runs). Generic words only:
nothing names a site.
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from lxml import etree
from lxml.html import HtmlElement

from .features import NAMES as SEGMENT_NAMES

#: schema.org types by family (Organization, WebSite, BreadcrumbList are on every kind of page: left out)
SCHEMA_FAMILIES: dict[str, str] = {
    "article": "article newsarticle blogposting report reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "reviewnewsarticle backgroundnewsarticle liveblogposting scholarlyarticle review",
    "tech_article": "techarticle apireference howto course learningresource",
    "product": "product offer aggregateoffer productgroup individualproduct vehicle car productmodel",
    "forum": "discussionforumposting qapage question answer comment socialmediaposting",
    "collection": "collectionpage itemlist searchresultspage offercatalog",
    "faq": "faqpage",
    "service": "service softwareapplication webapplication mobileapplication localbusiness professionalservice "
    "financialproduct",
    "webpage": "webpage aboutpage contactpage itempage",
    "profile": "profilepage person",
    "media": "videoobject imageobject podcastepisode mediaobject",
    "recipe": "recipe event",
}
_SCHEMA_FAMILY = {word: family for family, words in SCHEMA_FAMILIES.items() for word in words.split()}
_TYPE_VALUE = re.compile(r'"@type"\s*:\s*(\[[^\]]{0,400}\]|"[^"]{0,80}")')
_TYPE_WORD = re.compile(r"[a-z]+")

URL_FAMILIES: tuple[tuple[str, str], ...] = (
    ("shop", r"^(?:products?|shop|store|item|items|p|dp|buy|sku|goods|produkt|produit|producto)$"),
    ("docs", r"^(?:docs?|documentation|api|reference|manual|wiki|learn|tutorials?|guides?|handbook|kb|help|support)$"),
    ("forum", r"^(?:forums?|threads?|t|topics?|questions?|q|community|discussions?|discuss|r|comments|board|answers)$"),
    (
        "listing",
        r"^(?:category|categories|collections?|tags?|c|archives?|list|lists|browse|search|page|topics|all|shop)$",
    ),
    (
        "article",
        r"^(?:blog|blogs|news|articles?|posts?|story|stories|insights|magazine|stories|press|journal|editorial)$",
    ),
    ("service", r"^(?:services?|solutions?|pricing|features?|about|contact|company|platform|industries|careers)$"),
)
_URL_RES = tuple((name, re.compile(pattern)) for name, pattern in URL_FAMILIES)
_URL_DATE = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?")
# Searched in the lower-cased page text, not with re.I: the same matches on every wcxb-dev and readability
# page, at a third of the cost (a case-blind alternation is tried at every position of ~70 kB of text).
_PRICE = re.compile(r"(?:[$€£¥]\s?\d|\d[\d.,]*\s?(?:€|\$|usd|eur|gbp|kr|zł))")
_CART = (
    "add to cart",
    "add to bag",
    "add to basket",
    "buy now",
    "in stock",
    "out of stock",
    "checkout",
    "in den warenkorb",
    "ajouter au panier",
)
#: whole words (a run of \w, as the regex \b(?:reply|...)\b matched them), counted by str.find: a third of
#: the regex's time, the same counts on every wcxb-dev and readability page
_FORUM_WORDS = (
    "reply",
    "replies",
    "posted",
    "posts",
    "joined",
    "member",
    "thread",
    "upvote",
    "vote",
    "votes",
    "answered",
    "asked",
)
_TITLE_WORDS: tuple[tuple[str, str], ...] = (
    ("howto", r"\bhow (?:to|do)\b|\bguide\b|\btutorial\b|\bwhat (?:is|are)\b|\bwhy\b|\btips\b|\bways\b"),
    ("docs", r"\bdocs?\b|\bdocumentation\b|\bapi\b|\breference\b|\bmanual\b|\bwiki\b"),
    ("shop", r"\bbuy\b|\bshop\b|\bprice\b|\bsale\b|\bstore\b|\border\b"),
    ("list", r"\bbest\b|\btop \d+|\bcategory\b|\ball\b|\bcollection\b|\barchives?\b|\bpage \d"),
    ("forum", r"\bforum\b|\bthread\b|\bquestion\b|\bhelp\b|\?$"),
    ("number", r"^\d+ "),
)
_TITLE_RES = tuple((name, re.compile(pattern, re.I)) for name, pattern in _TITLE_WORDS)

COUNT_TAGS = (
    "form input button select textarea h1 h2 h3 h4 li ul ol table tr pre code article section aside nav time img "
    "figure a p blockquote iframe video dl".split()
)
NAMES: tuple[str, ...] = (
    *(f"schema_{n}" for n in SCHEMA_FAMILIES),
    "og_article og_product og_website og_other article_published meta_author itemprop_article itemprop_product",
    *(f"url_{n}" for n, _ in URL_FAMILIES),
    "url_depth url_date url_query url_slug_words url_numeric url_ext url_root",
    *(f"title_{n}" for n, _ in _TITLE_WORDS),
    "title_words",
    *(f"log_{t}" for t in COUNT_TAGS),
    "prices cart forum_words",
)
STATIC_NAMES = tuple(name for group in NAMES for name in group.split())
BODY_NAMES = tuple(
    (
        "page_log_words page_link_share body_log_words body_share body_segments body_runs body_mean_p "
        "body_link_share body_headings body_items body_mean_segment_words body_first_position "
        "body_last_position body_list_share"
    ).split()
)
NAMES = (*STATIC_NAMES, *BODY_NAMES)
_COL = {name: i for i, name in enumerate(SEGMENT_NAMES)}
_PUBLISHED_KEYS = frozenset(
    "article:published_time datepublished date pubdate publish-date sailthru.date dc.date parsely-pub-date".split()
)
_AUTHOR_KEYS = frozenset("author article:author parsely-author sailthru.author dc.creator".split())
_EXTENSION = re.compile(r"\.\w{2,5}$")
_SLUG_SPLIT = re.compile(r"[-_+]")
_LONG_NUMBER = re.compile(r"\d{4,}")
_MICRODATA: Any = etree.XPath("descendant-or-self::*[@itemtype or @itemprop]")


def page_matrix(root: HtmlElement, url: str, title: str | None, segment_rows: np.ndarray, p: np.ndarray) -> np.ndarray:
    """One row (1, len(NAMES)) for the page; `segment_rows` are the body model's feature rows and
    `p` its probability for each segment."""
    return np.concatenate([static_row(root, url, title), body_row(segment_rows, p)])[None, :]


def static_row(root: HtmlElement, url: str, title: str | None) -> np.ndarray:
    """The features that do not depend on the body model."""
    head_text = " ".join(s.text or "" for s in root.iter("script") if "ld+json" in (s.get("type") or ""))
    types = " ".join(m.group(1) for m in _TYPE_VALUE.finditer(head_text)).lower()
    # One XPath for the microdata elements (few on any page), sorted out here: each `//*[@...]` walked the
    # whole tree again. The same elements, in document order.
    microdata = _MICRODATA(root.getroottree().getroot())
    itemtypes = [e for e in microdata if e.get("itemtype") is not None][:50]
    itemprops = {e.get("itemprop") for e in microdata}
    types += " " + " ".join((e.get("itemtype") or "").rsplit("/", 1)[-1] for e in itemtypes).lower()
    families = {_SCHEMA_FAMILY.get(word) for word in _TYPE_WORD.findall(types)}
    row: list[float] = [1.0 if name in families else 0.0 for name in SCHEMA_FAMILIES]
    og = ""
    published = author = 0.0
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key == "og:type":
            og = (meta.get("content") or "").lower()
        elif key in _PUBLISHED_KEYS:
            published = 1.0
        elif key in _AUTHOR_KEYS:
            author = 1.0
    other_og = bool(og) and og != "website" and "article" not in og and "product" not in og
    row += [float("article" in og), float("product" in og), float(og == "website"), float(other_og)]
    row += [published, author]
    row += [
        float(not itemprops.isdisjoint(("articleBody", "headline"))),
        float(not itemprops.isdisjoint(("price", "offers"))),
    ]
    parts = urlsplit(url)
    path = [s for s in parts.path.lower().split("/") if s]
    row += [float(any(r.match(s) for s in path)) for _, r in _URL_RES]
    last = path[-1] if path else ""
    slug = _EXTENSION.sub("", last)
    row += [
        float(len(path)),
        float(bool(_URL_DATE.search(parts.path))),
        float(bool(parts.query)),
        float(len([w for w in _SLUG_SPLIT.split(slug) if w])),
        float(bool(_LONG_NUMBER.search(parts.path))),
        float(bool(_EXTENSION.search(last))),
        float(not path),
    ]
    title_text = title or ""
    row += [float(bool(r.search(title_text))) for _, r in _TITLE_RES]
    row.append(float(len(title_text.split())))
    counts = dict.fromkeys(COUNT_TAGS, 0)
    for element in root.iter(*COUNT_TAGS):
        counts[element.tag] += 1
    row += [math.log1p(counts[t]) for t in COUNT_TAGS]
    body = root.find("body")
    page_text = (body.text_content() if body is not None else "")[:200_000].lower()
    row += [
        math.log1p(len(_PRICE.findall(page_text))),
        float(any(phrase in page_text for phrase in _CART)),
        math.log1p(whole_words(page_text, _FORUM_WORDS)),
    ]
    return np.asarray(row, dtype=np.float32)


def body_row(segment_rows: np.ndarray, p: np.ndarray) -> np.ndarray:
    """How much of the page the body model calls main text, and what that text looks like."""
    if len(p) == 0:
        return np.zeros(len(BODY_NAMES), dtype=np.float32)
    words = np.expm1(segment_rows[:, _COL["log_words"]]).astype(np.float64)
    links = segment_rows[:, _COL["link_share"]].astype(np.float64)
    heading = segment_rows[:, [_COL[f"owner_{t}"] for t in ("h2", "h3", "h4")]].sum(axis=1) > 0
    item = segment_rows[:, [_COL[f"owner_{t}"] for t in ("li", "td", "dd")]].sum(axis=1) > 0
    total = float(words.sum()) or 1.0
    chosen = p > 0.5
    body_words = float(words[chosen].sum())
    runs = int(np.count_nonzero(np.diff(chosen.astype(np.int8)) == 1) + (1 if chosen[0] else 0))
    index = np.flatnonzero(chosen)
    items = float(np.count_nonzero(item & chosen))
    row = [
        math.log1p(total),
        float((links * words).sum() / total),
        math.log1p(body_words),
        body_words / total,
        math.log1p(len(index)),
        float(runs),
        float(p.mean()),
        float((links[chosen] * words[chosen]).sum() / body_words) if body_words else 0.0,
        float(np.count_nonzero(heading & chosen)),
        items,
        body_words / len(index) if len(index) else 0.0,
        float(index[0] / len(p)) if len(index) else 1.0,
        float(index[-1] / len(p)) if len(index) else 1.0,
        items / len(index) if len(index) else 0.0,
    ]
    return np.asarray(row, dtype=np.float32)


def whole_words(text: str, words: tuple[str, ...]) -> int:
    """How many times any of `words` stands in `text` as a whole word (not inside a longer run of
    letters, digits or underscores: the regex `\\b` rule)."""
    count = 0
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
                count += 1
            at = text.find(word, at + 1)
    return count


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
