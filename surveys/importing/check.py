"""Checking a sheet: every row on its own, then the rows of each question together.

``check_sheet`` reads the sheet's rows (lazily, so a damaged file fails here), parses
each row and collects every reason to refuse the file. Numbers are parsed once all rows
are read, because how ``1.000`` reads depends on the file's other numbers. Only the
rounds are looked up in the database; nothing is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from surveys.models import Survey
from surveys.spreadsheets import Sheet, normalize_header

from . import questions as question_checks
from .cells import (
    cell_text,
)
from .format import (
    COLUMNS,
    REQUIRED_COLUMNS,
)
from .rows import Row, parse_numbers, read_rows, row_issue
from .summary import ImportIssue

Progress = Callable[[str, int, "int | None"], None]


@dataclass
class QuestionRows:
    """The rows of one question of one round, with its one text and type."""

    survey: Survey
    code: str
    rows: list[Row] = field(default_factory=list)
    text: str = ""
    type: str = ""


@dataclass
class CheckedFile:
    source: str
    errors: list[ImportIssue]
    questions: list[QuestionRows]


def check_sheet(
    sheet: Sheet, *, survey: Survey | None, progress: Progress
) -> CheckedFile:
    errors: list[ImportIssue] = []
    checked = CheckedFile(source=sheet.description, errors=errors, questions=[])
    if not any(cell_text(header) for header in sheet.headers):
        errors.append(_no_headers_issue(sheet))
        return checked
    columns = map_columns(sheet.headers, errors)
    hidden_columns = [
        name for name, index in columns.items() if index in sheet.hidden_columns
    ]
    if hidden_columns:
        errors.append(hidden_columns_issue(hidden_columns, sheet))
    if errors:
        return checked
    rows, hidden = read_rows(sheet, columns, errors, progress)
    errors.extend(merged_cells_issues(sheet, columns))
    if hidden:
        errors.append(_hidden_rows_issue(hidden, sheet))
    if not rows and not errors:
        from surveys.spreadsheets import empty_sheet_message

        errors.append(ImportIssue(empty_sheet_message()))
    parse_numbers(rows, sheet, errors)
    _resolve_rounds(rows, survey, errors)
    checked.questions = question_checks.check_questions(rows, errors)
    errors.sort(key=lambda issue: (issue.row is None, issue.row or 0))
    return checked


def _no_headers_issue(sheet: Sheet) -> ImportIssue:
    """The first row is blank: the sheet is empty, or its headers are lower down."""
    from surveys.spreadsheets import empty_sheet_message

    first = next(iter(sheet.rows), None)
    if first is None:
        return ImportIssue(empty_sheet_message())
    return ImportIssue(
        _(
            "Rij 1 van %(sheet)s is leeg, maar rij %(row)d heeft gegevens. Zet de "
            "kolomkoppen (%(required)s) in de eerste rij en upload het bestand opnieuw."
        )
        % {
            "sheet": sheet.label,
            "row": first.number,
            "required": ", ".join(REQUIRED_COLUMNS),
        },
        row=1,
    )


def map_columns(headers: list[str], errors: list[ImportIssue]) -> dict[str, int]:
    from surveys.spreadsheets import empty_sheet_message

    if not headers or all(cell_text(header) == "" for header in headers):
        errors.append(ImportIssue(empty_sheet_message()))
        return {}
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = normalize_header(header)
        if name not in COLUMNS:
            continue  # extra columns (notes, say) are allowed and ignored
        if name in columns:
            errors.append(
                ImportIssue(
                    _("De kolom ‘%(column)s’ staat twee keer in het bestand.")
                    % {"column": name}
                )
            )
        columns[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        errors.append(
            ImportIssue(
                ngettext(
                    "Verplichte kolom ontbreekt: %(columns)s. De eerste rij moet de "
                    "kolomkoppen %(required)s bevatten.",
                    "Verplichte kolommen ontbreken: %(columns)s. De eerste rij moet de "
                    "kolomkoppen %(required)s bevatten.",
                    len(missing),
                )
                % {
                    "columns": ", ".join(missing),
                    "required": ", ".join(REQUIRED_COLUMNS),
                }
            )
        )
    return columns


def _resolve_rounds(rows: list[Row], survey: Survey | None, errors) -> None:
    """Each row's round. The same reason in many rows is one message with the rows."""
    slugs = {row.slug for row in rows} - {""}
    if survey is not None:
        slugs.add(survey.slug)
    by_slug = {s.slug: s for s in Survey.objects.filter(slug__in=slugs)}
    if survey is not None:
        by_slug.setdefault(survey.slug, survey)
    refused: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        slug = row.slug
        if slug == "" and survey is not None:
            row.survey = survey
        elif slug == "":
            refused[_("de enquête ontbreekt (kolom enquete is leeg)")].append(
                row.number
            )
        elif survey is not None and slug != survey.slug:
            reason = _(
                "de enquête ‘%(slug)s’ is niet de gekozen enquête ‘%(chosen)s’; "
                "importeer die rijen apart"
            ) % {"slug": slug, "chosen": survey.slug}
            refused[reason].append(row.number)
        elif slug not in by_slug:
            reason = _(
                "de enquête ‘%(slug)s’ bestaat niet; maak de enquête eerst aan in het "
                "beheer (de slug moet gelijk zijn)"
            ) % {"slug": slug}
            refused[reason].append(row.number)
        else:
            row.survey = by_slug[slug]
    for reason, numbers in refused.items():
        errors.append(rows_issue(numbers, reason))


def rows_issue(numbers: list[int], reason: str) -> ImportIssue:
    """ "Rij 5: …" or "Rijen 2–131, 140: …"."""
    if len(numbers) == 1:
        return row_issue(numbers[0], reason)
    return ImportIssue(
        _("Rijen %(rows)s: %(reason)s.")
        % {"rows": row_ranges(numbers), "reason": reason},
        row=numbers[0],
    )


def row_ranges(numbers: list[int], shown: int = 10) -> str:
    """[2, 3, 4, 7, 9, 10] → "2–4, 7, 9–10"; after ``shown`` ranges, "…"."""
    ranges: list[list[int]] = []
    for number in sorted(numbers):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in ranges[:shown]]
    return ", ".join(parts) + (" …" if len(ranges) > shown else "")


#: Columns whose empty cells below a merged one mean the same as the merged value: a
#: question's text and type are given once for all its rows.
_MERGE_HARMLESS = frozenset({"vraag", "vraagtype"})


def merged_cells_issues(
    sheet: Sheet, columns: dict[str, int], *, harmless=_MERGE_HARMLESS
) -> list[ImportIssue]:
    """Cells merged over rows in a column the import reads: only the first row holds
    the value, so the others would be read as empty (a segment as Totaal, a count as
    none) where a person sees the merged value."""
    names = {index: name for name, index in columns.items() if name not in harmless}
    issues = []
    for first_row, first_column, last_row, last_column in sheet.merged:
        if last_row <= first_row:
            continue
        merged = [
            names[index]
            for index in range(first_column, last_column + 1)
            if index in names
        ]
        if merged:
            issues.append(
                ImportIssue(
                    ngettext(
                        "Rijen %(first)d–%(last)d: de cellen van kolom %(columns)s zijn "
                        "samengevoegd, zodat alleen rij %(first)d de waarde heeft en de "
                        "andere rijen leeg zijn. Maak het samenvoegen ongedaan, zet de "
                        "waarde in elke rij en upload het bestand opnieuw.",
                        "Rijen %(first)d–%(last)d: de cellen van de kolommen "
                        "%(columns)s zijn samengevoegd, zodat alleen rij %(first)d de "
                        "waarden heeft en de andere rijen leeg zijn. Maak het "
                        "samenvoegen ongedaan, zet de waarden in elke rij en upload het "
                        "bestand opnieuw.",
                        len(merged),
                    )
                    % {
                        "first": first_row,
                        "last": last_row,
                        "columns": ", ".join(merged),
                    },
                    row=first_row,
                )
            )
    return issues


def hidden_columns_issue(names: list[str], sheet: Sheet) -> ImportIssue:
    """A column the import reads is hidden: what is stored would not be what is seen."""
    return ImportIssue(
        ngettext(
            "De kolom %(columns)s van %(sheet)s is verborgen. Een verborgen kolom wordt "
            "niet geïmporteerd, want wat erin staat is niet te zien: maak de kolom "
            "zichtbaar als ze meetelt, of verwijder haar, en upload het bestand opnieuw.",
            "De kolommen %(columns)s van %(sheet)s zijn verborgen. Verborgen kolommen "
            "worden niet geïmporteerd, want wat erin staat is niet te zien: maak de "
            "kolommen zichtbaar als ze meetellen, of verwijder ze, en upload het bestand "
            "opnieuw.",
            len(names),
        )
        % {
            "columns": ", ".join(f"‘{name}’" for name in names),
            "sheet": sheet.label,
        },
        row=1,
    )


def _hidden_rows_issue(numbers: list[int], sheet: Sheet) -> ImportIssue:
    return ImportIssue(
        ngettext(
            "Rij %(rows)s van %(sheet)s is verborgen. Verborgen rijen worden niet "
            "geïmporteerd en ook niet overgeslagen, want het is niet te zien of ze "
            "meetellen: maak de rij zichtbaar (of haal het filter weg) als ze meetelt, "
            "of verwijder haar, en upload het bestand opnieuw.",
            "Rijen %(rows)s van %(sheet)s zijn verborgen. Verborgen rijen worden niet "
            "geïmporteerd en ook niet overgeslagen, want het is niet te zien of ze "
            "meetellen: maak de rijen zichtbaar (of haal het filter weg) als ze "
            "meetellen, of verwijder ze, en upload het bestand opnieuw.",
            len(numbers),
        )
        % {"rows": row_ranges(numbers), "sheet": sheet.label},
        row=numbers[0],
    )
