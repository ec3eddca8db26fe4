"""XSS vectors through the whole pipeline: body_html comes out inert, the article text survives."""

from __future__ import annotations

import re

import lxml.html
import pytest

from schemas import RawPage
from worker import extract

PROSE = "<p>" + "The harbour council approved the ferry budget after a long debate on Tuesday night. " * 5 + "</p>"
VECTORS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href=" java&#x09;script:alert(1)">entity tab</a>',
    '<a href="&#106;avascript:alert(1)">entity j</a>',
    '<a href="' + "".join(f"&#{ord(c):07d}" for c in "javascript:") + 'alert(1)">padded entities</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<img src=`javascript:alert(1)`>",
    '<img srcset="javascript:alert(1) 1x" src="https://img.example/a.jpg">',
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">svg link</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div style="width: expression(alert(1))">expression</div>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button>'
    "<input onfocus=alert(1) autofocus></form>",
    "<details open ontoggle=alert(1)>toggle</details>",
    '<video><source onerror="alert(1)"></video><audio src=x onerror=alert(1)></audio>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<style>@import 'javascript:alert(1)'; body{background:url(javascript:alert(1))}</style>",
    '<link rel=stylesheet href="javascript:alert(1)">',
    '<a href="https://ok.example/" onclick="alert(1)" target=_blank>ok link</a>',
    "<template><script>alert(1)</script></template>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<textarea><script>alert(1)</script></textarea>",
    '<table background="javascript:alert(1)"><tr><td>cell</td></tr></table>',
    "<x onmouseover=alert(1)>custom element</x>",
    "<isindex action=javascript:alert(1) type=image>",
    "<marquee onstart=alert(1)>marquee</marquee><body onload=alert(1)>",
    '<blockquote cite="javascript:alert(1)">quote</blockquote>',
    '<a href="java\nscript:alert(1)">newline</a>',
]
HEAD_VECTORS = [
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<script>alert(1)</script>",
]
DANGEROUS_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "meta", "base",
    "link", "form", "input", "button", "textarea", "select", "template", "noscript", "video", "audio", "source",
    "marquee", "isindex", "x",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "background", "srcset", "data", "poster"}
SAFE_URL = re.compile(r"^(https?://|mailto:)", re.I)


def assert_inert(body_html: str) -> None:
    assert "<script" not in body_html.lower()
    tree = lxml.html.fragment_fromstring(body_html, create_parent="div")
    for element in tree.iter():
        if not isinstance(element.tag, str):  # comments would have been a place to hide markup
            raise AssertionError(f"comment or PI kept: {element!r}")
        assert element.tag not in DANGEROUS_TAGS, element.tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert name.lower() not in {"style", "srcdoc", "srcset", "formaction", "background"}, name
            if name.lower() in URL_ATTRIBUTES or ":" in name:
                cleaned = re.sub(r"[\x00-\x20]", "", value)
                assert SAFE_URL.match(cleaned), f"{element.tag} {name}={value!r}"


def page(body: str, head: str = "") -> RawPage:
    article = f"<article><h1>Budget</h1>{PROSE}{body}{PROSE}</article>"
    html = f"<html><head><title>Budget</title>{head}</head><body>{article}</body></html>"
    return RawPage(url="https://news.example.com/xss", content=html)


@pytest.mark.parametrize("vector", VECTORS)
def test_vector_in_the_body_is_inert(vector: str) -> None:
    article = extract(page(vector))
    assert article.body_html is not None and "ferry budget" in article.body_html
    assert_inert(article.body_html)


@pytest.mark.parametrize("vector", HEAD_VECTORS)
def test_vector_in_the_head_is_inert(vector: str) -> None:
    article = extract(page("", head=vector))
    assert article.body_html is not None
    assert_inert(article.body_html)


def test_all_vectors_at_once() -> None:
    article = extract(page("".join(f"<div>{v}{PROSE}</div>" for v in VECTORS), head="".join(HEAD_VECTORS)))
    assert article.body_html is not None and article.word_count > 300
    assert_inert(article.body_html)


def test_safe_links_survive_with_rel() -> None:
    article = extract(page('<p>See <a href="https://ok.example/report">the report</a>.</p>'))
    assert article.body_html is not None
    assert 'href="https://ok.example/report"' in article.body_html and "noopener" in article.body_html
