"""Shapes of lines, as patterns: sentence ends, separators, form labels, stamps, legal and social
lines, list bullets, and the openers of what follows an article (comments, related stories).

Phrases are listed in several languages; `RIGHTS`, `LEGAL` and `SOCIAL` are matched against
lower-cased text (cheaper than re.IGNORECASE on every long line).
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
SENTENCE_END = re.compile(r"(?<![.…])[.!?。！？:;][\"'”’»)\]]*$")
SENTENCE = re.compile(r"[.!?…。！？][\"'”’»)]*(?:\s+|$)")
SEPARATORS = re.compile(r"\s[|»›·•▪◦‣/]\s|\s[|»›·•▪◦‣]|[|»›·•▪◦‣]\s")
FORM = re.compile(r"^[^.!?]{1,40}?\s?\*$|^:\s?\w|^\*")
LABEL = re.compile(r"^[^.!?]{1,30}:$")
STAMP = re.compile(r"^\D{0,40}\d{1,4}[:./-]\d{1,2}(?:[:./-]\d{1,4})?\D{0,30}$")
RIGHTS = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|tous droits réservés|alle rechte vorbehalten|derechos reservados"
    r"|diritti riservati|direitos reservados|wszelkie prawa zastrzeżone|všechna práva vyhrazena|все права защищены",
)
LEGAL = re.compile(
    r"terms of (?:use|service)|privacy policy|cookie|datenschutz"
    r"|impressum|mentions légales|política de privacidad|informativa sulla privacy|conditions d'utilisation"
    r"|nutzungsbedingungen|términos de uso",
)
BULLET = re.compile(r"^(?:[+•*·▪►◦‣–-]|\d{1,2}[.)])\s+\w")
BULLET_END = re.compile(r"\s[•*·▪►◦‣–-]$")
TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
#: Lines that open what follows an article: comments, related stories, sharing, newsletters.
AFTER = re.compile(
    r"^(?:\d+\s*)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|comentários|reacties|kommentarer"
    r"|komentarze|komentáře|kommentit|yorumlar|комментари[йи]|коментарі|σχόλια|التعليقات"
    r"|(?:recommended |more )?related(?: \w+){0,2}|more from(?: \w+){0,3}|more stories|recommended(?: for you)?"
    r"|most (?:read|popular|viewed|shared)|trending(?: now)?|latest (?:news|stories)|top stories|editor'?s picks"
    r"|read (?:more|next|also)|see also|you (?:may|might) also like|lire aussi|à lire aussi|sur le même sujet"
    r"|mehr zum thema|lesen sie auch|weitere artikel|noticias relacionadas|te puede interesar|leia também"
    r"|notizie correlate|leggi anche|gerelateerd|läs också|читайте также|share this(?: article| story)?"
    r"|leave a (?:comment|reply)|post a comment|add a comment|join the discussion)"
    r"\s*(?:\(\d+\)|\d+)?\s*[:.]?$",
    re.I,
)
_COMMENT_WORDS = (
    r"comments?|kommentare?|commentaires?|comentarios?|commenti|comentários|reacties|kommentarer|komentarze"
    r"|komentáře|kommentit|yorumlar?|комментари[йи]|коментарі|σχόλια|تعليقات?"
)
#: "There are 13 comments", "Kommentare (3)", "13 commentaires": a count of comments, anywhere in a short line.
COMMENT_COUNT = re.compile(rf"\d+\s*(?:{_COMMENT_WORDS})\b|\b(?:{_COMMENT_WORDS})\s*\(?\d+\)?", re.I)
SOCIAL = re.compile(r"facebook|twitter|whatsapp|linkedin|instagram|youtube|pinterest|telegram|tiktok|\brss\b")
#: A photo credit closing a line: "... Credit: STR/AFP", "... | Foto: Reuters", "... (Photo by X)", "Getty Images".
PHOTO_CREDIT = re.compile(
    r"(?:\b(?i:credit|photo|foto|bild|image|crédit|crédito)s?\s*(?:(?i:by|von)\s|[:：]\s*|(?=[A-Z]))"
    r"[\w.'’/ -]{2,50}|\b(?i:getty images)|\b(?:AFP|AP|Reuters|EPA|Getty)\s?/\s?[\w ]{2,40})\)?$"
)
#: "Media caption ...", "Image caption ...": a caption announced as such (BBC-style players and galleries).
CAPTION_LABEL = re.compile(r"^(?:media|image|photo|video|picture)\s+caption\b", re.I)
