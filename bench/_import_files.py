"""The files bench/import.py imports: one generated survey round as csv and xlsx.

Many questions × answer options × segments, every row a distinct result; also a
corrected version of the same results (other percentages and counts).
"""

from __future__ import annotations

import csv
from pathlib import Path

SLUG = "bench-ronde"
OPTIONS = 10
SEGMENTS = 20  # "Totaal" and 19 breakdowns
HEADERS = [  # surveys.importing.COLUMNS; written out, as the files are made before Django starts
    "enquete",
    "vraagcode",
    "vraag",
    "vraagtype",
    "antwoord",
    "percentage",
    "aantal",
    "segment",
    "volgorde",
]
# A single question's percentages add up to 100 in every segment.
SHARES = [5, 7.5, 9, 11, 12.5, 15, 10, 10, 10, 10]


def segment_names() -> list[str]:
    return ["Totaal", *(f"Segment {i:02d}" for i in range(1, SEGMENTS))]


def generated_rows(count: int, changed: bool = False):
    """``count`` rows: count / 200 questions of 10 options in 20 segments.

    ``changed``: the same results with other percentages and counts, as a corrected
    file would have them.
    """
    shift = 1 if changed else 0
    questions = count // (OPTIONS * SEGMENTS)
    segments = segment_names()
    for q in range(1, questions + 1):
        kind = "single" if q % 2 else "multi"
        text = f"Vraag {q}: hoe vaak gebruikt u digitale kanalen voor uw werk?"
        for s, segment in enumerate(segments):
            for o in range(OPTIONS):
                share = (
                    SHARES[(o + shift) % OPTIONS]
                    if kind == "single"
                    else (q + s * 3 + o * 7) % 90 + 5 + shift
                )
                yield [
                    SLUG,
                    f"v{q:04d}",
                    text,
                    kind,
                    f"Antwoord {o + 1}",
                    share,
                    100 + o + s + shift,
                    segment,
                    o + 1,
                ]


def write_files(count: int, folder: Path, changed: bool = False) -> dict[str, Path]:
    from openpyxl import Workbook

    name = f"ronde-{count}" + ("-gewijzigd" if changed else "")
    paths = {"csv": folder / f"{name}.csv", "xlsx": folder / f"{name}.xlsx"}
    with open(paths["csv"], "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(HEADERS)
        writer.writerows(generated_rows(count, changed))
    # Written as our own export writes a workbook (openpyxl, with the sheet's size),
    # with the percentages as cells formatted as percentage (25 % stored as 0.25),
    # as Excel users often have them: the reader must turn them back into 25.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Resultaten"
    sheet.append(HEADERS)
    for number, row in enumerate(generated_rows(count, changed), start=2):
        row[5] = row[5] / 100
        sheet.append(row)
        sheet.cell(row=number, column=6).number_format = "0.0%"
    workbook.save(paths["xlsx"])
    return paths
