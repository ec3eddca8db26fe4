"""News agencies, so a bare "(AP)" or "— Reuters" can be read as a credit and not as any word in brackets.

Names as agencies print them; matched case-sensitively except where noted. Not exhaustive: a
"Source: X" line credits X whether or not it is listed here.
"""

from __future__ import annotations

import re

AGENCIES = (
    "AFP",
    "AP",
    "Associated Press",
    "Agence France-Presse",
    "Reuters",
    "Bloomberg",
    "dpa",
    "DPA",
    "EFE",
    "ANSA",
    "Europa Press",
    "Lusa",
    "Agência Brasil",
    "Kyodo",
    "Jiji",
    "Xinhua",
    "Yonhap",
    "TASS",
    "ТАСС",
    "RIA Novosti",
    "РИА Новости",
    "Interfax",
    "Интерфакс",
    "Ukrinform",
    "Anadolu",
    "AA",
    "PA",
    "Press Association",
    "UPI",
    "KNA",
    "APA",
    "SDA",
    "ATS",
    "Keystone-SDA",
    "Belga",
    "ANP",
    "NTB",
    "TT",
    "Ritzau",
    "STT",
    "PAP",
    "ČTK",
    "CTK",
    "MTI",
    "Agerpres",
    "BTA",
    "Tanjug",
    "HINA",
    "STA",
    "ANA-MPA",
    "PTI",
    "IANS",
    "ANI",
    "Bernama",
    "Antara",
    "AAP",
    "CP",
    "Canadian Press",
    "WAFA",
    "MENA",
    "SPA",
    "WAM",
    "KUNA",
    "QNA",
    "IRNA",
    "NNA",
    "SANA",
    "Notimex",
    "Télam",
    "ANF",
    "AP Photo",
)

_NAMES = "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True))
#: One agency name, or several joined by '/', ',' or 'and' ("AFP/Reuters", "AP and Reuters").
AGENCY = rf"(?:{_NAMES})(?:\s*(?:/|,|&|and|with|y|et|und)\s*(?:{_NAMES}))*"
AGENCY_ONLY = re.compile(rf"^(?:{AGENCY})$")


def is_agency(text: str) -> bool:
    return bool(AGENCY_ONLY.match(text.strip()))
