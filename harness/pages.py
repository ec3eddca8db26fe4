"""Synthetic article pages: varied, deterministic, and clearly structured."""

from __future__ import annotations

import json
import random

WORDS = (
    "council river market winter harbour station report village budget school water energy farmers "
    "bridge election museum railway festival hospital forest mayor workers island museum coastline "
    "museum research engineers students library storm prices drought ministry volunteers ferry"
).split()


NAMES = ("Ada Byron", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra", "Barbara Liskov")


def author_of(index: int) -> str:
    return NAMES[index % len(NAMES)]


FUNCTION_WORDS = "the of and to in that for on with said was at by from".split()


def sentence(rng: random.Random, words: int = 14) -> str:
    """Content words with the function words of real prose between them (the page-type model reads both)."""
    chosen = [rng.choice(WORDS) if i % 2 == 0 else rng.choice(FUNCTION_WORDS) for i in range(words)]
    return " ".join(chosen).capitalize() + "."


def article_html(index: int, paragraphs: int = 5) -> tuple[str, str]:
    """(title, html) of a small news page with navigation and footer boilerplate."""
    rng = random.Random(index)
    title = f"Story {index}: " + " ".join(rng.choice(WORDS) for _ in range(5)).capitalize()
    body = "".join(f"<p>{' '.join(sentence(rng) for _ in range(3))}</p>" for _ in range(paragraphs))
    published = f"2024-01-{index % 28 + 1:02d}T08:00:00+01:00"
    # As news sites mark their stories up (the page-type model reads it, as it reads og:type).
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": published,
        "author": {"@type": "Person", "name": author_of(index)},
    }
    html = (
        f"<!doctype html><html lang='en'><head><title>{title} | The Test Gazette</title>"
        f"<meta property='og:type' content='article'><meta property='og:site_name' content='The Test Gazette'>"
        f"<meta name='author' content='By {author_of(index)}'>"
        f"<meta property='article:published_time' content='{published}'>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
        f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright The Test Gazette</footer></body></html>"
    )
    return title, html
