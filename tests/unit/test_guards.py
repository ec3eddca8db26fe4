"""The hostile-markup guards (worker/pipeline/guards.py) on the shapes they must read as HTML does."""

from __future__ import annotations

import base64

import lxml.html
import pytest
from pydantic import ValidationError

from schemas import RawPage
from schemas.reasons import DocumentTooComplex, HostileMarkup
from worker.pipeline import Limits, extract
from worker.pipeline.charset import decode_page
from worker.pipeline.guards import jsonld_depth, most_attributes, prescan, strip_not_xml
from worker.pipeline.parse import parse_html

PROSE = "<p>" + "The council met on Tuesday to discuss the harbour budget and the ferry timetable. " * 6 + "</p>"


def page(body: str = "", head: str = "") -> str:
    return f"<html><head><title>Budget</title>{head}</head><body><article>{body}{PROSE}{PROSE}</article></body></html>"


@pytest.mark.parametrize(
    "attributes",
    [
        " ".join(f"a{i}=x" for i in range(600)),
        " ".join(f"a{i}" for i in range(600)),  # no values
        "".join(f'a{i}="x"' for i in range(600)),  # no spaces between them
        " ".join(f'a{i}=">"' for i in range(600)),  # quoted values that hold '>'
        " ".join(f"<a{i}=1" for i in range(600)),  # libxml2 reads `<a1` as an attribute name
        "a=x " * 600,  # duplicates: libxml2 still compares each one
    ],
)
def test_attribute_floods_are_counted_as_html_reads_them(attributes: str) -> None:
    assert most_attributes(f"<div {attributes}>x</div>", 500) >= 600
    with pytest.raises(HostileMarkup):
        prescan(page(f"<div {attributes}>x</div>"), Limits())


def test_a_long_attribute_value_is_one_attribute() -> None:
    assert most_attributes(f"<p title='{'a b=c ' * 20_000}'>x</p>", 500) == 1


def test_markup_built_in_a_script_is_not_a_start_tag() -> None:
    """Real pages build markup in script strings (`'<input ' + ...`): no parser reads those as
    attributes, and a page doing it is read, not refused."""
    script = "<script>var s = '<input ' + " + "opt=1 " * 5_000 + ";</script>"
    assert most_attributes(script, 500, everywhere=True) >= 5_000  # what a scan blind to scripts reads
    assert most_attributes(script, 500) == 0
    assert extract(RawPage(url="https://example.com/a", content=page(script))).word_count > 20


def test_a_script_tag_in_an_attribute_value_hides_no_flood() -> None:
    flood = " ".join(f"b{i}=1" for i in range(25_000))
    with pytest.raises(HostileMarkup):
        prescan(page(f'<p a="<script>" {flood}>x</p>'), Limits())


def test_entity_floods_are_refused() -> None:
    with pytest.raises(HostileMarkup):
        prescan(page("<p>" + "&a;" * 100_001 + "</p>"), Limits())


def test_jsonld_depth_ignores_brackets_in_strings() -> None:
    assert jsonld_depth('{"a": [[1]], "b": "[[[[[[{{{{"}') == 3
    assert jsonld_depth("[" * 1000) == 1000
    assert jsonld_depth('{"a": "\\"[[["}') == 1


@pytest.mark.parametrize(
    "jsonld", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000, "[" * 10**5]
)
def test_deep_jsonld_is_ignored_and_the_page_read(jsonld: str) -> None:
    html = page(head=f'<script type="application/ld+json">{jsonld}</script>')
    assert extract(RawPage(url="https://e.example/a", content=html)).word_count > 20


@pytest.mark.parametrize("where", ['<a href="/a&#1;b">x</a>', '<div style="background:url(/a&#1;)">x</div>',
                                   '<img src="/i\x02.jpg">', '<div a\x01b="1">x</div>', "<p>a&#x1f;b</p>"])  # fmt: skip
def test_control_characters_in_markup_are_removed(where: str) -> None:
    article = extract(RawPage(url="https://e.example/a", content=page(where)))
    assert not any(ord(c) < 9 for c in article.body_html + article.body_text)


def test_strip_not_xml_keeps_the_rest_of_the_value() -> None:
    root = lxml.html.fromstring('<div><a href="/a\x01b" title="t\x02">x\x03y</a></div>')
    strip_not_xml(root)
    link = root.find("a")
    assert link is not None and link.get("href") == "/ab" and link.get("title") == "t" and link.text == "xy"


@pytest.mark.parametrize(
    "field, value",
    [
        ("charset", "utf-8\x00"),
        ("content_type", "text/html\x01"),
        ("producer", "p\x7f"),
        ("url", "https://e.example/\x00"),
    ],
)
def test_control_characters_in_fields_are_invalid(field: str, value: str) -> None:
    with pytest.raises(ValidationError):
        RawPage.model_validate({"url": "https://e.example/a", "content": "x", field: value})


def test_a_nul_in_a_charset_label_does_not_break_decoding() -> None:
    assert decode_page(page().encode(), "utf-8\x00")[1] == "utf-8"
    raw = RawPage.model_construct(url="https://e.example/a", content_b64=base64.b64encode(page().encode()).decode(),
                                  charset="utf-8\x00", headers={})  # fmt: skip
    assert extract(raw).word_count > 20


def test_volume_limits_are_document_too_complex() -> None:
    with pytest.raises(DocumentTooComplex):
        parse_html(page("<p>x</p>" * 200), Limits(max_dom_blocks=100))
    with pytest.raises(DocumentTooComplex):
        parse_html(page('<img src="/i.jpg">' * 200), Limits(max_links=100))
    with pytest.raises(DocumentTooComplex):
        parse_html(page("<i a=1 b=2></i>" * 600), Limits(max_page_attributes=1000))
    with pytest.raises(DocumentTooComplex):
        parse_html(page("<p>" + "word " * 5000 + "</p>"), Limits(max_text_chars=10_000))
