"""The line classifier on flattened pages in several languages: the article run, nothing around it."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.reasons import NoArticle
from worker.pipeline.text import read_text

URL = "https://news.example.com/a/1"

PAGES = {
    "de": (
        ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Regierung plant neue Brücke über den Rhein"],
        [
            "Die Landesregierung will in den kommenden Jahren eine neue Brücke über den Rhein bauen, wie der "
            "Verkehrsminister am Montag in Mainz mitteilte.",
            "Nach seinen Worten soll der Bau im Jahr 2026 beginnen und etwa vier Jahre dauern, wobei die Kosten "
            "auf rund 300 Millionen Euro geschätzt werden.",
            "Kritik kam von der Opposition, die das Projekt für zu teuer hält und stattdessen mehr Geld für den "
            "öffentlichen Nahverkehr fordert.",
        ],
        ["Kommentare (3)", "Name *", "E-Mail *", "Impressum", "Datenschutz", "© 2024 Beispiel Zeitung"],
    ),
    "fr": (
        ["Accueil", "International", "Économie", "La mairie rouvre le vieux pont"],
        [
            "La mairie a annoncé mardi la réouverture du vieux pont, fermé depuis deux ans pour des travaux de "
            "rénovation qui ont coûté plus que prévu.",
            "Selon le maire, les piétons pourront de nouveau traverser le fleuve dès le mois prochain, mais les "
            "voitures devront attendre la fin de l'été.",
            "Les commerçants du quartier, qui se plaignaient d'une baisse de leur chiffre d'affaires, ont salué "
            "une bonne nouvelle pour le centre-ville.",
        ],
        ["Sur le même sujet", "Le maire inaugure une nouvelle école", "Mentions légales", "Tous droits réservés"],
    ),
    "es": (
        ["Portada", "Nacional", "Deportes", "El ayuntamiento amplía el horario de la biblioteca"],
        [
            "El ayuntamiento ha decidido ampliar el horario de la biblioteca municipal, que a partir de la próxima "
            "semana abrirá también los domingos por la mañana.",
            "La medida responde a una petición de los estudiantes, que durante la época de exámenes no encuentran "
            "un lugar tranquilo para estudiar en la ciudad.",
            "El concejal de cultura explicó que el coste será asumido por el presupuesto de este año sin necesidad "
            "de contratar más personal.",
        ],
        [
            "Noticias relacionadas",
            "Facebook Twitter WhatsApp",
            "Política de privacidad",
            "Todos los derechos reservados",
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_article_run_in_several_languages(language: str) -> None:
    head, body, tail = PAGES[language]
    article = read_text("\n".join(head + body + tail), URL)
    assert article.body_text == "\n\n".join(body)
    assert article.language == language
    assert article.title == head[-1]


def test_a_wall_of_menu_lines_splits_a_teaser_from_the_article() -> None:
    body = [
        f"Paragraph {i}: the council said on Monday that the budget for the new school was approved." for i in range(5)
    ]
    menu = ["Home", "World", "Business", "Sport", "Culture", "Travel", "Weather", "Video", "Audio", "Contact"]
    teaser = ["Another story entirely, with a blurb that is long enough to look like prose to anyone."]
    article = read_text("\n".join(teaser + menu + body + menu), URL)
    assert article.body_text == "\n\n".join(body)


def test_comment_section_after_a_barrier_is_not_the_article() -> None:
    body = [
        f"Line {i} of the report says the river rose by two metres overnight and roads were closed." for i in range(4)
    ]
    comments = [
        "12 comments",
        "Jane · March 3, 2021 at 10:15 AM",
        "I think the council should have acted much sooner, this happens every single year here.",
        "Reply",
    ]
    article = read_text("\n".join(body + comments), URL)
    assert article.body_text == "\n\n".join(body)


def test_short_lines_inside_the_article_stay() -> None:
    text = "\n".join(
        [
            "The committee published its findings on Tuesday after a review that lasted almost two years.",
            "What the report says",
            "It recommends that the city builds more housing near the new railway station by the year 2030.",
        ]
    )
    article = read_text(text, URL)
    assert article.subheadings == ["What the report says"]
    assert "<h2>What the report says</h2>" in (article.body_html or "")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=60))
def test_any_text_reads_or_is_refused_cleanly(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        article = read_text(text, URL)
    except NoArticle:
        return
    # the lines as the reader sees them: NFC, invisible characters (soft hyphen, zero-width) dropped
    invisible = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
    source = {" ".join(unicodedata.normalize("NFC", line).translate(invisible).split()) for line in text.splitlines()}
    assert article.word_count >= 20
    for paragraph in article.body_text.split("\n\n"):
        assert any(paragraph in line for line in source) or paragraph.strip("-–—*#=• ") != paragraph


def test_hard_wrapped_text_becomes_paragraphs_again() -> None:
    import textwrap

    paragraphs = [
        " ".join(
            f"In the {n}th sentence of paragraph {p} the reporter explains what the board decided" for n in range(4)
        )
        + "."
        for p in range(3)
    ]
    wrapped = "\n\n".join(textwrap.fill(p, width=72) for p in paragraphs)
    article = read_text("Board approves plan\n\n" + wrapped, URL)
    assert article.body_text == "\n\n".join(paragraphs)


def test_only_the_first_max_lines_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from worker.pipeline.text import reader

    monkeypatch.setattr(reader, "MAX_LINES", 50)
    story = [
        f"Line {i} of the report says the river rose by two metres overnight and roads were closed." for i in range(5)
    ]
    with pytest.raises(NoArticle):
        read_text("\n".join(["Menu"] * 60 + story), URL)
    assert read_text("\n".join(["Menu"] * 10 + story), URL).body_text == "\n\n".join(story)
