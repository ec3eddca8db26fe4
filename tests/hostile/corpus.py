"""A hostile corpus for `extract()`: generators, plus two public corpora vendored under tests/data/.

- html5lib-tests: the `#data` inputs of tree-construction and encoding tests (parser edge cases), as whole
  pages, inside an article's body, and as bytes.
- big-list-of-naughty-strings: each string as body text, title, link, image, CSS url(), JSON-LD,
  attribute, URL path and as every metadata field of a RawPage.
- generated: control characters in every field and attribute, nesting, attribute floods, entity
  floods, element floods, JSON-LD depth and size, charset and BOM lies, compression bombs.

Each input is a `Case`: a RawPage message (a dict, validated as a worker does, so a refused field is
`invalid_message`) and, where the outcome is known, the expected reason ("article" for an article).
Inputs are built lazily: the full corpus holds pages of up to 10 MB.
"""

from __future__ import annotations

import base64
import codecs
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
URL = "https://news.example.com/2026/hostile"
MB = 1024 * 1024
PROSE = "<p>" + "The council met on Tuesday to discuss the harbour budget and the new ferry timetable. " * 6 + "</p>"
ARTICLE = "article"


@dataclass(frozen=True)
class Case:
    family: str
    name: str
    message: dict[str, Any]
    expected: str | None = None  # a reason code, "article", or None: any typed outcome
    heavy: bool = False  # megabytes, or seconds of work: the full corpus only


def page(body: str = "", head: str = "", title: str = "Harbour budget") -> str:
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{body}{PROSE}{PROSE}</article></body></html>"
    )


def msg(content: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"url": URL, **({"content": content} if content is not None else {}), **fields}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def html5lib_inputs() -> list[tuple[str, str]]:
    data = json.loads((DATA / "html5lib-tests" / "inputs.json").read_text(encoding="utf-8"))
    return [(f"{path}#{i}", text) for path, inputs in data["inputs"].items() for i, text in enumerate(inputs)]


def naughty_strings() -> list[str]:
    return [s for s in json.loads((DATA / "blns" / "blns.json").read_text(encoding="utf-8")) if s]


def html5lib_cases() -> Iterator[Case]:
    for name, text in html5lib_inputs():
        if any(0xDC80 <= ord(c) <= 0xDCFF for c in text):  # undecodable bytes in the test file: send bytes
            yield Case("html5lib", f"{name} bytes", msg(content_b64=b64(text.encode("utf-8", "surrogateescape"))))
            continue
        yield Case("html5lib", f"{name} page", msg(text))
        yield Case("html5lib", f"{name} in body", msg(page(text)))


def naughty_cases() -> Iterator[Case]:
    for i, s in enumerate(naughty_strings()):
        quoted = s.replace('"', "&quot;")
        jsonld = json.dumps({"@type": "NewsArticle", "headline": s, "author": {"name": s}})
        jsonld = jsonld.replace("</", "<\\/")
        yield Case("blns", f"{i} text", msg(page(f"<p>{s}</p>")))
        yield Case("blns", f"{i} title", msg(page(title=s)))
        yield Case("blns", f"{i} link", msg(page(f'<a href="{quoted}">link</a><img src="{quoted}" alt="{quoted}">')))
        yield Case("blns", f"{i} css", msg(page(f"<div style=\"background:url('{quoted}')\">x</div>")))
        yield Case("blns", f"{i} json-ld", msg(page(head=f'<script type="application/ld+json">{jsonld}</script>')))
        yield Case("blns", f"{i} meta", msg(page(head=f'<meta name="description" content="{quoted}">')))
        yield Case("blns", f"{i} url", {"url": f"{URL}/{s}", "content": page()})
        yield Case(
            "blns",
            f"{i} fields",
            msg(page(), charset=s[:64], content_type=s[:256], producer=s[:200], headers={"x-naughty": s}),
        )


# C0 controls, DEL, C1 NEL, noncharacters, a lone surrogate's reference, NUL as a reference
CONTROLS = [*range(0x20), 0x7F, 0x85, 0xFFFE, 0xFFFF, 0xD800]


def control_cases() -> Iterator[Case]:
    for code in CONTROLS:
        raw = chr(code) if code != 0xD800 else "\ufffd"
        ref = f"&#{code};"
        for name, body in [
            ("href raw", f'<a href="/a{raw}b">x</a>'),
            ("href ref", f'<a href="/a{ref}b">x</a>'),
            ("href hex ref", f'<a href="/a&#x{code:x};b">x</a>'),
            ("css url", f'<div style="background:url(/a{ref}b)">x</div>'),
            ("img src", f'<img src="/i{ref}.jpg" srcset="/i{ref}.jpg 2x">'),
            ("any attribute", f'<div title="a{ref}b" data-x="{raw}">x</div>'),
            ("attribute name", f"<div a{raw}b=1>x</div>"),
            ("text", f"<p>before {raw} {ref} after</p>"),
            ("form action", f'<form action="/f{ref}"><button formaction="/g{ref}">go</button></form>'),
            ("blockquote cite", f'<blockquote cite="/q{ref}">quoted words here</blockquote>'),
        ]:
            yield Case("controls", f"U+{code:04X} {name}", msg(page(body)))
        jsonld = '{"@type":"NewsArticle","headline":"a' + ref + 'b","image":"/i' + ref + '.jpg"}'
        yield Case(
            "controls", f"U+{code:04X} json-ld", msg(page(head=f'<script type="application/ld+json">{jsonld}</script>'))
        )
        yield Case("controls", f"U+{code:04X} base href", msg(page(head=f'<base href="/b{ref}/">')))
        yield Case("controls", f"U+{code:04X} canonical", msg(page(head=f'<link rel="canonical" href="/c{ref}">')))
        yield Case(
            "controls", f"U+{code:04X} og:image", msg(page(head=f'<meta property="og:image" content="/o{raw}">'))
        )
        if code < 0x20 or code == 0x7F:  # refused fields: invalid_message
            c = chr(code)
            for field, value in [
                ("charset", f"utf-8{c}"),
                ("content_type", f"text/html{c}"),
                ("producer", f"p{c}"),
                ("job_id", f"j{c}"),
            ]:
                yield Case("controls", f"U+{code:04X} {field}", msg(page(), **{field: value}), "invalid_message")
            yield Case("controls", f"U+{code:04X} url", {"url": f"{URL}/{c}x", "content": page()}, "invalid_message")
            if code != 0x09:
                yield Case("controls", f"U+{code:04X} header", msg(page(), headers={"x": f"a{c}b"}), "invalid_message")
            yield Case(
                "controls",
                f"U+{code:04X} charset bytes",
                msg(content_b64=b64(page().encode()), charset=f"utf-8{c}"),
                "invalid_message",
            )


NEST_TAGS = ["div", "table", "span", "b", "li", "a", "svg", "math", "blockquote", "font", "p", "td"]


def nesting_cases() -> Iterator[Case]:
    for tag in NEST_TAGS:
        for depth in (50, 200, 245, 251, 1000, 5000, 100_000):
            heavy = depth >= 100_000
            opened = f"<{tag}>" * depth
            yield Case("nesting", f"{tag} x{depth} unclosed", msg(page(opened + PROSE)), heavy=heavy)
            yield Case(
                "nesting", f"{tag} x{depth} closed", msg(page(opened + PROSE + f"</{tag}>" * depth)), heavy=heavy
            )


def _attrs(kind: str, n: int) -> str:
    if kind == "distinct":
        return " ".join(f"a{i}=x" for i in range(n))
    if kind == "duplicate":
        return "a=x " * n
    if kind == "bare":
        return " ".join(f"a{i}" for i in range(n))
    if kind == "quoted >":
        return " ".join(f'a{i}=">"' for i in range(n))
    if kind == "names with <":  # libxml2 reads `<a1` as an attribute name
        return " ".join(f"<a{i}=1" for i in range(n))
    return "".join(f'a{i}="x"' for i in range(n))  # no spaces between attributes


ATTRIBUTE_KINDS = ["distinct", "duplicate", "bare", "quoted >", "names with <", "glued"]


def attribute_cases() -> Iterator[Case]:
    for kind in ATTRIBUTE_KINDS:
        for n in (10, 100, 499, 501, 1000, 10_000, 100_000, 1_000_000):
            content = page(f"<div {_attrs(kind, n)}>x</div>")
            expected = "page_too_large" if len(content) > 10 * MB else "hostile_markup" if n > 500 else ARTICLE
            if kind == "names with <" and n > 60_000 and expected != "page_too_large":  # each `<a1` is a start tag
                expected = "document_too_complex"
            yield Case("attributes", f"{kind} x{n}", msg(content), expected, heavy=n >= 100_000)
        # many elements, each just under the limit: the quadratic check summed over the page
        each = f"<i {_attrs(kind, 499)}>x</i>"
        yield Case("attributes", f"{kind} 499 each, 10 MB", msg(page(each * (9 * MB // len(each)))), heavy=True)


ENTITY_KINDS = {
    "&amp;": "&amp;",
    "&a;": "&a;",
    "&#65;": "&#65;",
    "&#x1;": "&#x1;",
    "&nbsp": "&nbsp",
    "&bogusname;": "&bogusname;",
    "bare &": "& ",
    "text <": "< ",
}


def entity_cases() -> Iterator[Case]:
    for kind, ref in ENTITY_KINDS.items():
        for n in (1000, 99_000, 100_001, 1_000_000, 3_000_000):
            if n * len(ref) > 10 * MB:
                continue
            refused = n > 100_000 and "&" in ref
            expected = "hostile_markup" if refused else None
            yield Case("entities", f"{kind} x{n}", msg(page(f"<p>{ref * n}</p>")), expected, heavy=n >= 1_000_000)
            if n * (len(ref) + 6) < 10 * MB:
                words = f"<p>{('word ' + ref + ' ') * n}</p>"
                yield Case("entities", f"{kind} x{n} between words", msg(page(words)), expected, heavy=n >= 1_000_000)


ELEMENT_KINDS = {
    "paragraphs": "<p>x</p>",
    "empty": "<i></i>",
    "list items": "<li>item",
    "cells": "<td>c",
    "breaks": "x<br>",
    "spans": "<span>w</span> ",
    "divs with text": "<div>some words here</div>",
    "custom": "<x-y>z</x-y>",
    "links": '<a href="/l">w</a> ',
    "images": '<img src="/i.jpg" alt="a">',
}


def element_cases() -> Iterator[Case]:
    for kind, unit in ELEMENT_KINDS.items():
        for n in (1000, 19_000, 21_000, 24_000, 26_000, 59_000, 61_000, 300_000):
            yield Case("elements", f"{kind} x{n}", msg(page(unit * n)), heavy=n >= 19_000)
    long_paragraph = "<p>" + "word " * 60 + "</p>"
    yield Case("elements", "24k long paragraphs", msg(page(long_paragraph * 24_000)), heavy=True)
    yield Case("elements", "1.9 M characters of prose", msg(page(PROSE * (1_900_000 // len(PROSE)))), heavy=True)
    yield Case("elements", "10 MB of prose", msg(page(PROSE * (10 * MB // len(PROSE) - 4))), heavy=True)


def _jsonld(text: str) -> dict[str, Any]:
    return msg(page(head=f'<script type="application/ld+json">{text}</script>'))


def _fits(message: dict[str, Any], expected: str) -> str:
    """`expected`, or page_too_large for a page over the default MAX_PAGE_BYTES."""
    return "page_too_large" if len(message.get("content") or "") > 10 * MB else expected


def jsonld_cases() -> Iterator[Case]:
    for depth in (10, 64, 65, 1000, 100_000, 1_000_000):
        heavy = depth >= 1_000_000
        yield Case("json-ld", f"arrays x{depth}", _jsonld("[" * depth + "]" * depth), ARTICLE, heavy)
        yield Case("json-ld", f"objects x{depth}", _jsonld('{"a":' * depth + "1" + "}" * depth), ARTICLE, heavy)
        graph = _jsonld('{"@graph":[' * depth + '{"@type":"NewsArticle"}' + "]}" * depth)
        yield Case("json-ld", f"@graph x{depth}", graph, _fits(graph, ARTICLE), heavy)
        yield Case("json-ld", f"unclosed x{depth}", _jsonld("[" * depth), ARTICLE, heavy)
        yield Case("json-ld", f"brackets in strings x{depth}", _jsonld('{"a":"' + "[" * depth + '"}'), ARTICLE, heavy)
    graph = ",".join(f'{{"@type":"Person","@id":"p{i}","name":"n"}}' for i in range(30_000))
    yield Case("json-ld", "30k graph nodes", _jsonld('{"@graph":[' + graph + "]}"), ARTICLE, heavy=True)
    big = json.dumps({"@type": "NewsArticle", "articleBody": "word " * (MB // 5 + 10)})
    yield Case("json-ld", "block over 1 MB", _jsonld(big), ARTICLE, heavy=True)
    yield Case("json-ld", "huge number", _jsonld('{"@type":"NewsArticle","wordCount":1' + "0" * 100_000 + "}"), ARTICLE)
    yield Case(
        "json-ld", "100 blocks", msg(page(head='<script type="application/ld+json">{"@type":"Thing"}</script>' * 100))
    )


BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "none": b"",
}
LABELS = [None, "utf-8", "utf-16", "shift_jis", "iso-8859-1", "x-klingon", "utf-32", "utf-7", "cp037", "", " "]
ENCODINGS = ["utf-8", "utf-16-le", "cp1252", "shift_jis", "utf-32-le"]


def charset_cases() -> Iterator[Case]:
    text = page("<p>Élu à Zürich: «ça va» — 東京</p>")
    for bom_name, bom in BOMS.items():
        for label in LABELS:
            for encoding in ENCODINGS:
                data = bom + text.encode(encoding, "replace")
                fields = {} if label is None else {"charset": label}
                yield Case(
                    "charset", f"bom {bom_name} label {label} bytes {encoding}", msg(content_b64=b64(data), **fields)
                )
    meta_lies = ["utf-16", "utf-32", "x-nonsense", "shift_jis", 'utf-8" onload="x']
    for lie in meta_lies:
        data = page(head=f'<meta charset="{lie}">').encode("utf-8")
        yield Case("charset", f"meta charset {lie}", msg(content_b64=b64(data)))
        yield Case(
            "charset",
            f"content-type header {lie}",
            msg(content_b64=b64(data), headers={"Content-Type": f"text/html; charset={lie}"}),
        )


def _gzip(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


def _gzip_zeros(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(MB)
    return b"".join([*(packer.compress(chunk) for _ in range(size // MB)), packer.flush()])


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]><html><body><p>&lol9;</p></body></html>"
)


def bomb_cases() -> Iterator[Case]:
    yield Case(
        "bombs",
        "gzip 11 MB of zeros",
        msg(content_b64=b64(_gzip_zeros(11 * MB)), content_encoding="gzip"),
        "page_too_large",
    )
    yield Case("bombs", "gzip 100 MB undeclared", msg(content_b64=b64(_gzip_zeros(100 * MB))), "page_too_large", True)
    yield Case("bombs", "gzip of gzip", msg(content_b64=b64(_gzip(_gzip(page().encode()))), content_encoding="gzip"))
    yield Case(
        "bombs", "gzip of a page", msg(content_b64=b64(_gzip(page().encode())), content_encoding="gzip"), ARTICLE
    )
    yield Case("bombs", "billion laughs", msg(LAUGHS), "no_article")
    yield Case("bombs", "billion laughs as xml", msg(LAUGHS, content_type="application/xml"), "no_article")
    yield Case("bombs", "content over 10 MB", msg("a" * (10 * MB + 1)), "page_too_large")
    yield Case("bombs", "empty", msg(""), "empty_page")
    yield Case("bombs", "NULs only", msg("\x00" * 10_000))
    yield Case("bombs", "lone surrogates", msg(page("<p>\ud800\udfff</p>")))


def corpus() -> Iterator[Case]:
    """Every input, cheap families first."""
    yield from control_cases()
    yield from bomb_cases()
    yield from jsonld_cases()
    yield from attribute_cases()
    yield from entity_cases()
    yield from nesting_cases()
    yield from element_cases()
    yield from charset_cases()
    yield from naughty_cases()
    yield from html5lib_cases()
