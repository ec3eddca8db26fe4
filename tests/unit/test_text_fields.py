"""Dateline, credit, date and language shapes of the text path, in several languages and agency styles."""

from __future__ import annotations

import pytest

from worker.pipeline.text import read_text
from worker.pipeline.text.byline import read_byline
from worker.pipeline.text.credit import read_credit, trailing_credit
from worker.pipeline.text.dateline import read_dateline
from worker.pipeline.text.dates import find_date
from worker.pipeline.text.language import detect_language


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("Beirut - Arab Today", "Beirut", None),
        ("Gaza City - Ma'an News", "Gaza City", None),
        ("LONDON (Reuters) - Britain's economy grew", "London", "Reuters"),
        ("PARIS, 3 mars (AFP) - Le gouvernement a annoncé", "Paris", "AFP"),
        ("BERLIN, 5. März (dpa) - Die Regierung will", "Berlin", "dpa"),
        ("MADRID, 3 Mar. (EUROPA PRESS) - El Gobierno ha", "Madrid", "EUROPA PRESS"),
        ("ROMA, 12 aprile (ANSA) - Il governo", "Roma", "ANSA"),
        ("NEW YORK (AP) — Stocks rose on Wall Street", "New York", "AP"),
        ("Moscow (AFP) — Russia said on Monday", "Moscow", "AFP"),
        ("WASHINGTON — The president signed the bill", "Washington", None),
        ("SÃO PAULO (Reuters) - O real caiu", "São Paulo", "Reuters"),
    ],
)
def test_dateline_shapes(text: str, place: str, agency: str | None) -> None:
    found = read_dateline(text)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)
    assert text.startswith(found.text)


@pytest.mark.parametrize(
    "text",
    [
        "Just a sentence - with a dash",
        "The President - said that",
        "He said (AP) that it rained",
        "Name *",
        "A - B",
    ],
)
def test_not_datelines(text: str) -> None:
    assert read_dateline(text) is None


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Source: AFP", "AFP"),
        ("Sources : AFP", "AFP"),
        ("(AP)", "AP"),
        ("— Reuters", "Reuters"),
        ("Quelle: dpa", "dpa"),
        ("Fuente: EFE", "EFE"),
        ("Fonte: ANSA.", "ANSA"),
        ("Источник: ТАСС", "ТАСС"),
        ("Źródło: PAP", "PAP"),
        ("© 2021 AFP", "AFP"),
        ("AFP/Reuters", "AFP/Reuters"),
        ("Source: The Guardian", "The Guardian"),
    ],
)
def test_credit_lines(line: str, credit: str) -> None:
    assert read_credit(line) == credit


@pytest.mark.parametrize("line", ["(Rappler)", "Name *", "Terms of use", "He told AFP the army had begun."])
def test_not_credit_lines(line: str) -> None:
    assert read_credit(line) is None


@pytest.mark.parametrize(
    ("paragraph", "rest", "credit"),
    [
        ("He said so. — Reuters", "He said so.", "Reuters"),
        ("Le bilan reste provisoire. (AFP)", "Le bilan reste provisoire.", "AFP"),
        ("Die Lage bleibt unklar. -dpa", "Die Lage bleibt unklar.", "dpa"),
    ],
)
def test_trailing_credit(paragraph: str, rest: str, credit: str) -> None:
    assert trailing_credit(paragraph) == (rest, credit)


def test_no_trailing_credit_in_ordinary_prose() -> None:
    assert trailing_credit("A source told AFP the offensive had begun.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published March 3, 2021 10:15", ("2021-03-03T10:15:00", "datetime")),
        ("Publié le 3 mars 2021", ("2021-03-03", "date")),
        ("Aktualisiert am 5. März 2021 um 14:30", ("2021-03-05T14:30:00", "datetime")),
        ("3 de marzo de 2021", ("2021-03-03", "date")),
        ("Updated Oct. 7, 2015 at 4:05 p.m.", ("2015-10-07T16:05:00", "datetime")),
        ("2021-03-03", ("2021-03-03", "date")),
        ("12.03.2020", ("2020-03-12", "date")),
        ("Last Updated : GMT 09:07:40", None),
        ("03/04/2021", None),
        # a slash date whose numbers settle the order (one above 12), either way round
        ("Updated 2/24/2026", ("2026-02-24", "date")),
        ("24/2/2026 10:30", ("2026-02-24T10:30:00", "datetime")),
        ("13/13/2026", None),
        ("31 February 2021", None),
    ],
)
def test_stated_dates(text: str, expected: tuple[str, str] | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The minister said that the plan was not ready and that it would be delayed for a year.", "en"),
        ("Le ministre a dit que le plan n'était pas prêt et qu'il serait reporté pour une année de plus.", "fr"),
        (
            "Der Minister sagte, dass der Plan nicht fertig sei und um ein Jahr verschoben werde, auch wegen Kosten.",
            "de",
        ),
        (
            "El ministro dijo que el plan no estaba listo y que se retrasaría un año más por los costes de la obra.",
            "es",
        ),
        ("O ministro disse que o plano não estava pronto e que seria adiado por mais um ano com os custos.", "pt"),
        ("Министр сказал, что план не готов и что его отложат на год, так как это было бы слишком дорого.", "ru"),
        ("東京都は二十日、新しい計画を発表した。計画は来年から始まる予定だという。", "ja"),
        ("政府今天宣布了新的计划，该计划将于明年开始实施，预计将持续五年。", "zh"),
        ("Lorem ipsum dolor sit amet", None),
    ],
)
def test_language_from_function_words(text: str, language: str | None) -> None:
    assert detect_language(text * 2) == language


PARAGRAPHS = [
    "Britain's economy grew faster than expected in the third quarter, official figures showed on Friday, as "
    "consumers kept spending despite higher prices.",
    "The Office for National Statistics said output rose by 0.6 percent, above the forecast of economists polled "
    "by the agency last week.",
    "Finance minister Jane Doe said the figures showed that the plan was working, but the opposition said that "
    "wages were still falling in real terms.",
]


def test_inline_dateline_gives_place_and_credit_and_stays_in_the_body() -> None:
    text = "Economy grows faster than expected\n\n" + "\n\n".join(
        ["LONDON (Reuters) - " + PARAGRAPHS[0], *PARAGRAPHS[1:]]
    )
    article = read_text(text, "https://news.example.com/a/1")
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.text) == ("London", "LONDON (Reuters) -")
    assert article.credit == "Reuters"
    assert article.body_text.startswith("LONDON (Reuters) - Britain's economy")
    assert article.title == "Economy grows faster than expected"


def test_trailing_credit_is_read_and_removed_from_the_last_paragraph() -> None:
    text = "\n\n".join([*PARAGRAPHS[:-1], PARAGRAPHS[-1] + " (AFP)"])
    article = read_text(text, "https://news.example.com/a/1")
    assert article.credit == "AFP"
    assert article.body_text.endswith("wages were still falling in real terms.")


def test_stated_date_above_the_body_is_the_publication_date() -> None:
    text = "Economy grows faster than expected\nPublished 14 November 2025 09:30\n" + "\n".join(PARAGRAPHS)
    article = read_text(text, "https://news.example.com/a/1")
    assert (article.date_published, article.date_published_precision) == ("2025-11-14T09:30:00", "datetime")
    assert article.provenance["date_published"] == "text"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("Von Max Muster, Berlin", ["Max Muster"]),
        ("Por Josh Max", ["Josh Max"]),
        ("By Steven Lee Myers, Keith Bradsher and Tariq Panja", ["Steven Lee Myers", "Keith Bradsher", "Tariq Panja"]),
        ("By Dan Goodin - Apr 16, 2015 8:02 pm UTC", ["Dan Goodin"]),
        ("by the way, this is not a byline", []),
        ("By clicking here you agree to our terms", []),
    ],
)
def test_bylines(line: str, names: list[str]) -> None:
    assert read_byline(line) == names


def test_byline_above_the_body_gives_authors() -> None:
    text = "Economy grows faster than expected\nBy Jane Doe and John Roe\n" + "\n".join(PARAGRAPHS)
    article = read_text(text, "https://news.example.com/a/1")
    assert [a.name for a in article.authors] == ["Jane Doe", "John Roe"]
    assert article.provenance["authors"] == "text:byline"
    assert article.title == "Economy grows faster than expected"


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("A man walks past an armoured carrier on Thursday Credit: STR/AFP", True),
        ("Declan Rice po vítězství na Aston Ville. | Foto: Reuters", True),
        ("Peter Macdiarmid/Getty Images", True),
        ("The lab in Barcelona | photo by Joan Bardeletti", True),
        ("Séisme au Népal : les images de vidéosurveillance d'un restaurant", False),
        ("The council approved the budget for the new school on Monday evening.", False),
    ],
)
def test_captions_in_the_body_are_recognised_and_kept(line: str, caption: bool) -> None:
    text = "\n".join([PARAGRAPHS[0], line, *PARAGRAPHS[1:]])
    article = read_text(text, "https://news.example.com/a/1")
    assert (article.captions == [line]) is caption
    assert line in article.body_text
