"""A small round of respondent-level data, written as real csv, xlsx, ods and .sav files.

``example_round()`` gives the codebook rows and one row per respondent (seeded, so
every test sees the same people); ``write(kind, path, headers, rows)`` writes them in
one of the formats; ``write_sav`` writes an SPSS file with pyreadstat, with value
labels and user-missing values.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from tests.spreadsheets import write_csv, write_ods, write_xlsx

CODEBOOK_HEADERS = ("vraagcode", "vraag", "vraagtype", "waarde", "label", "volgorde")

ORGANISATIONS = [
    ("1", "Gemeente"),
    ("2", "Rijk"),
    ("3", "Provincie"),
    ("4", "Waterschap"),
]
AGES = [("j", "Jonger dan 40"), ("o", "40 of ouder")]
KNOWN = [("1", "Ja"), ("2", "Nee"), ("9", "Weet niet")]
CHANNELS = [("mail", "E-mail"), ("tel", "Telefoon"), ("chat", "Chat")]


def codebook_rows() -> list[tuple]:
    rows = []
    for order, (value, label) in enumerate(ORGANISATIONS, start=1):
        text, kind = (
            ("Bij welk type organisatie werkt u?", "profiel")
            if order == 1
            else ("", "")
        )
        rows.append(("organisatie", text, kind, value, label, order))
    for order, (value, label) in enumerate(AGES, start=1):
        text, kind = ("Wat is uw leeftijd?", "profiel") if order == 1 else ("", "")
        rows.append(("leeftijd", text, kind, value, label, order))
    for order, (value, label) in enumerate(KNOWN, start=1):
        rows.append(
            (
                "bekend",
                "Kent u de Agenda Digitale Overheid?",
                "single",
                value,
                label,
                order,
            )
        )
    for order, (value, label) in enumerate(CHANNELS, start=1):
        rows.append(
            (
                "kanalen",
                "Via welke kanalen neemt u contact op?",
                "multi",
                value,
                label,
                order,
            )
        )
    return rows


@dataclass
class Person:
    id: str
    organisatie: str
    leeftijd: str
    bekend: str
    kanalen: dict[str, str]  # waarde → "1", "0" or ""
    gewicht: float


def example_people(seed: int = 7) -> list[Person]:
    """150 respondents: 70 Gemeente, 50 Rijk, 26 Provincie, 4 Waterschap (a small group).

    Gemeente knows the Agenda far more often than the rest (a real difference).
    """
    rng = random.Random(seed)
    counts = {"1": 70, "2": 50, "3": 26, "4": 4}
    people = []
    number = 0
    for organisation, count in counts.items():
        for _ in range(count):
            number += 1
            share = 0.8 if organisation == "1" else 0.35
            roll = rng.random()
            known = "1" if roll < share else ("2" if roll < 0.95 else "9")
            if number % 37 == 0:
                known = ""  # no answer
            channels = {value: rng.choice(["1", "0", "0"]) for value, _ in CHANNELS}
            if number % 11 == 0:
                channels = dict.fromkeys(channels, "")
            people.append(
                Person(
                    id=f"R{number:04d}",
                    organisatie=organisation,
                    leeftijd=rng.choice(["j", "o"]),
                    bekend=known,
                    kanalen=channels,
                    gewicht=round(rng.uniform(0.5, 2.0), 3),
                )
            )
    return people


def answer_headers(weighted: bool = False) -> list[str]:
    headers = ["respondent", "organisatie", "leeftijd", "bekend"]
    headers += [f"kanalen_{value}" for value, _ in CHANNELS]
    return headers + (["gewicht"] if weighted else [])


def answer_rows(people: list[Person], weighted: bool = False) -> list[list]:
    rows = []
    for person in people:
        row = [person.id, person.organisatie, person.leeftijd, person.bekend]
        row += [person.kanalen[value] for value, _ in CHANNELS]
        if weighted:
            row.append(person.gewicht)
        rows.append(row)
    return rows


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "ods": write_ods}


def write(kind: str, path: Path, headers, rows) -> Path:
    """``rows`` as a ``kind`` (csv, xlsx, ods) file; numbers written as numbers in xlsx/ods."""
    if kind == "csv":
        return write_csv(path, rows, headers=headers)

    def typed(value):
        if isinstance(value, str) and value.isdigit() and not value.startswith("0"):
            return int(value)
        return value

    return WRITERS[kind](
        path, [[typed(v) for v in row] for row in rows], headers=headers
    )


def write_round(tmp_path: Path, kind: str = "csv", *, weighted=False, people=None):
    """The example round as (codebook path, answers path)."""
    people = people if people is not None else example_people()
    codebook = write(
        kind, tmp_path / f"codeboek.{kind}", CODEBOOK_HEADERS, codebook_rows()
    )
    answers = write(
        kind,
        tmp_path / f"antwoorden.{kind}",
        answer_headers(weighted),
        answer_rows(people, weighted),
    )
    return codebook, answers


def write_sav(path: Path, people: list[Person], *, weighted: bool = False) -> Path:
    """The example round as SPSS: 99 is a user-missing "geen antwoord" in ``bekend``."""
    import numpy as np
    import pandas as pd
    import pyreadstat

    def number(value: str):
        return float(value) if value != "" else np.nan

    data = {
        "respondent": [p.id for p in people],
        "organisatie": [float(p.organisatie) for p in people],
        "leeftijd": [1.0 if p.leeftijd == "j" else 2.0 for p in people],
        "bekend": [number(p.bekend) if p.bekend else 99.0 for p in people],
    }
    for value, _ in CHANNELS:
        data[f"kanalen_{value}"] = [number(p.kanalen[value]) for p in people]
    if weighted:
        data["gewicht"] = [p.gewicht for p in people]
    labels = {
        "respondent": "Respondentnummer",
        "organisatie": "Bij welk type organisatie werkt u?",
        "leeftijd": "Wat is uw leeftijd?",
        "bekend": "Kent u de Agenda Digitale Overheid?",
        **{f"kanalen_{value}": label for value, label in CHANNELS},
    }
    value_labels = {
        "organisatie": {float(v): label for v, label in ORGANISATIONS},
        "leeftijd": {1.0: "Jonger dan 40", 2.0: "40 of ouder"},
        "bekend": {1.0: "Ja", 2.0: "Nee", 9.0: "Weet niet", 99.0: "Geen antwoord"},
    }
    pyreadstat.write_sav(
        pd.DataFrame(data),
        str(path),
        column_labels=labels,
        variable_value_labels=value_labels,
        missing_ranges={"bekend": [99.0]},
    )
    return Path(path)


#: The small codebook beside the .sav: the multi group and the profile questions.
SAV_CODEBOOK = [
    ("organisatie", "", "profiel", "", "", ""),
    ("leeftijd", "", "profiel", "", "", ""),
    ("kanalen", "Via welke kanalen neemt u contact op?", "multi", "mail", "", 1),
    ("kanalen", "", "", "tel", "", 2),
    ("kanalen", "", "", "chat", "", 3),
]
