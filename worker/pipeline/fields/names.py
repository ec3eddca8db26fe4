"""Person names out of byline text: no "By" prefix, no dates, no roles or affiliations."""

from __future__ import annotations

import re

from ..textutil import clean_value

_BY = re.compile(r"^\s*(?:(?:written|posted|reported|words)\s+)?(?:by|von|par|por|di|door|av|af)\s*[:\s]\s*", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\|)\s*", re.I)
_AMPERSAND = re.compile(r"\s+&\s+")
_NOT_A_NAME = re.compile(r"https?://|@|^\W+$")
_DIGIT = re.compile(r"\d")
_DATE_WORD = re.compile(
    r"(?:\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|updated|on|at)\.?)+$",
    re.I,
)
_EDGE = " .:-–—,•·|/"
#: words that make a byline part a job title or an affiliation rather than a name
_ROLE = re.compile(
    r"\b(?:editor|editors|writer|reporter|correspondent|staff|contributor|contributing|columnist|producer|"
    r"analyst|director|manager|officer|fellow|professor|photographer|chief|senior|associate|head|intern|"
    r"technologist|journalist|updated|published|posted|follow|share|email|twitter|news|press|agency|"
    r"phd|ph\.d|md|ma|msc|mba|rn|sign|subscribe|menu|account)\b",
    re.I,
)
MAX_WORDS = 5


def clean_names(text: str, *, declared: bool = False) -> list[str]:
    """'By Jane Doe and John Roe, Staff Writers | May 3' -> ['Jane Doe', 'John Roe'].

    `declared` (meta, JSON-LD): a lone short value that reads like an organisation ("BBC News")
    is the author the page declares, not a role to drop."""
    text = _BY.sub("", clean_value(text) or "")
    names: list[str] = []
    for piece in _SPLIT.split(text):
        part = _without_date(_BY.sub("", piece))
        if not part or _NOT_A_NAME.search(part):
            continue
        if names and _ROLE.search(part):
            break  # a role after a name: the rest is job title and affiliation
        if not _ROLE.search(part):
            names += _split_ampersand(part)
    if not names and declared:
        whole = _without_date(text)
        if whole and not _SPLIT.search(whole) and not _NOT_A_NAME.search(whole):
            names = [whole]
    return [n for n in names if 1 <= len(n.split()) <= MAX_WORDS and 2 <= len(n) <= 80]


def _without_date(part: str) -> str:
    """'Lucas Nolan22 Dec 2016' -> 'Lucas Nolan'; a handle like 'CC7567' is no name at all."""
    digit = _DIGIT.search(part)
    if digit:
        part = part[: digit.start()]
        if len(part.split()) < 2:
            return ""
    return _DATE_WORD.sub("", part.strip(_EDGE)).strip(_EDGE)


def _split_ampersand(part: str) -> list[str]:
    """'Jane Doe & John Roe' is two people; 'Mac & i' is one name."""
    pieces = _AMPERSAND.split(part)
    return pieces if all(len(p.split()) >= 2 for p in pieces) else [part]
