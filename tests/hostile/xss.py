"""XSS vectors for the browser check: public lists (big-list-of-naughty-strings, html5lib-tests' parser
inputs, the hand-picked vectors of tests/unit/test_xss.py) and a generated grid of tags, event handlers
and payload spellings, each placed where a page can carry it (body, attributes, title, image and link
URLs, JSON-LD).

`render` loads the extracted `body_html`s in headless Chromium with alert/prompt/confirm/print
trapped; the dumped DOM says whether any of them ran, and a sentinel after them that the page stayed.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from tests.hostile.corpus import DATA, html5lib_inputs, msg, naughty_strings, page
from tests.unit.test_xss import HEAD_VECTORS, VECTORS

TAGS = [
    "img", "svg", "body", "iframe", "video", "audio", "details", "input", "a", "div", "math", "object", "embed",
    "marquee", "select", "textarea", "button", "form", "style", "x", "image", "frameset", "table", "isindex",
    "source", "track", "picture", "keygen", "meter", "template",
]  # fmt: skip
HANDLERS = [
    "onerror", "onload", "onfocus", "onmouseover", "onclick", "ontoggle", "onstart", "onbegin", "onanimationstart",
    "onpageshow", "onbeforeprint", "onafterprint", "onhashchange", "onscroll", "onresize", "onauxclick",
    "onpointerenter", "onfocusin", "onblur", "oninput", "onchange", "onwheel", "ontransitionend", "onplay",
    "onloadstart", "oncanplay", "onmessage", "onpopstate", "onshow", "oninvalid",
]  # fmt: skip
PAYLOADS = ["alert(1)", "prompt`1`", "confirm(1)", "top['al'+'ert'](1)", "window.print()", "alert&#40;1&#41;"]
SCRIPTY = re.compile(r"<script|\son\w+\s*=|javascript:|vbscript:|data:text/html|srcdoc|expression\(", re.I)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TRAP = (
    "<script>window.__hits=[];for(const f of ['alert','prompt','confirm','print']){window[f]=function(){"
    "window.__hits.push(f);document.documentElement.setAttribute('data-hit',window.__hits.join(','))}}</script>"
)
SENTINEL = '<div id="xss-sentinel">end</div>'


def public_vectors() -> list[str]:
    """The unit test's vectors, the naughty strings, html5lib-tests' tree-construction and tokenizer inputs."""
    parser_inputs = [text for _, text in html5lib_inputs()]
    tokenizer = json.loads((DATA / "html5lib-tests" / "tokenizer-inputs.json").read_text(encoding="utf-8"))
    tokens = [text for inputs in tokenizer["inputs"].values() for text in inputs]
    return [
        v for v in dict.fromkeys([*VECTORS, *HEAD_VECTORS, *naughty_strings(), *parser_inputs, *tokens]) if v.strip()
    ]


def generated_vectors() -> list[str]:
    out = []
    for tag in TAGS:
        for i, handler in enumerate(HANDLERS):
            payload = PAYLOADS[i % len(PAYLOADS)]
            out.append(f"<{tag} src=x {handler}={payload} autofocus open tabindex=1>{tag}</{tag}>")
            out.append(f'<{tag}/{handler}="{payload}"//>')
    for payload in PAYLOADS:
        for scheme in ("javascript:", "JaVaScRiPt:", "java&#x09;script:", "&#106;avascript:", " javascript:",
                       "javascript&colon;", "vbscript:", "data:text/html,<script>", "jav&#x0A;ascript:"):  # fmt: skip
            for attribute in ("a href", "iframe src", "form action", "object data", "embed src", "img src",
                              "button formaction", "math href", "svg><a xlink:href", "base href"):  # fmt: skip
                tag, name = attribute.rsplit(" ", 1)
                out.append(f'<{tag} {name}="{scheme}{payload}">link</{tag.split(">")[0]}>')
    return list(dict.fromkeys(out))


def vectors() -> list[str]:
    return list(dict.fromkeys([*public_vectors(), *generated_vectors()]))


def placed(vector: str, index: int) -> tuple[str, dict[str, Any]]:
    """The vector in one of its placements, in turn by index."""
    options = list(placements(vector))
    return options[index % len(options)]


def placements(vector: str) -> Iterator[tuple[str, dict[str, Any]]]:
    quoted = html.escape(vector, quote=True)
    jsonld = json.dumps({"@type": "NewsArticle", "headline": vector, "image": vector}).replace("</", "<\\/")
    yield "body", msg(page(f"<p>Before the vector.</p>{vector}<p>After the vector.</p>"))
    yield (
        "attributes",
        msg(page(f'<p title="{quoted}"><a href="{quoted}">a link</a><img src="{quoted}" alt="{quoted}"></p>')),
    )
    yield (
        "raw attribute",
        msg(page(f"<p title={vector}>x</p><figure><img src={vector}><figcaption>{vector}</figcaption></figure>")),
    )
    yield (
        "title and meta",
        msg(
            page(
                head=f'<meta name="description" content="{quoted}"><meta property="og:image" content="{quoted}">',
                title=vector,
            )
        ),
    )
    yield "json-ld", msg(page(head=f'<script type="application/ld+json">{jsonld}</script>'))


def render(bodies: Sequence[str]) -> tuple[bool, bool, str]:
    """(ran, stayed, hits) for the documents' bodies loaded together in headless Chromium."""
    assert CHROMIUM is not None
    parts = [f'<section data-case="{i}">{body}</section>' for i, body in enumerate(bodies)]
    document = (
        f"<!doctype html><html><head><meta charset=utf-8>{TRAP}</head><body>{''.join(parts)}{SENTINEL}</body></html>"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bodies.html"
        path.write_text(document, encoding="utf-8")
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             f"--user-data-dir={tmp}/profile", "--virtual-time-budget=5000", "--dump-dom", path.as_uri()],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    dom = result.stdout
    hit = re.search(r'<html[^>]*data-hit="([^"]*)"', dom)
    return hit is not None, "xss-sentinel" in dom, hit.group(1) if hit else ""


def executed(bodies: Sequence[str]) -> list[int]:
    """Indexes of the bodies whose HTML runs script (or navigates away), found by bisection."""
    ran, stayed, _ = render(bodies)
    if not ran and stayed:
        return []
    if len(bodies) == 1:
        return [0]
    half = len(bodies) // 2
    return executed(bodies[:half]) + [half + i for i in executed(bodies[half:])]
