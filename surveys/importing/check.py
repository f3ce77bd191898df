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
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from surveys.models import TOTAL_SEGMENT, AnswerOption, Segment, Survey
from surveys.spreadsheets import Sheet, normalize_header

from . import questions as question_checks
from .cells import (
    ParseError,
    cell_text,
    parse_percentage,
    parse_whole_number,
    text_value,
)
from .format import (
    CODE_PATTERN,
    COLUMNS,
    FORMULA_PREFIX,
    QUESTION_TYPES,
    REQUIRED_COLUMNS,
)
from .summary import ImportIssue

#: Progress is reported every this many rows read.
PROGRESS_EVERY = 1000

Progress = Callable[[str, int, "int | None"], None]


@dataclass(slots=True)
class Row:
    number: int
    slug: str
    code: str
    text: str
    type: str
    label: str
    segment: str
    raw_percentage: object
    raw_count: object
    raw_order: object
    survey: Survey | None = None
    percentage: Decimal | None = None
    marked_percent: bool = False
    count: int | None = None
    order: int | None = None


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
    columns = map_columns(sheet.headers, errors)
    if errors:
        return checked
    rows, hidden = _read_rows(sheet, columns, errors, progress)
    if hidden:
        errors.append(_hidden_rows_issue(hidden, sheet))
    if not rows and not errors:
        from surveys.spreadsheets import empty_sheet_message

        errors.append(ImportIssue(empty_sheet_message()))
    _parse_numbers(rows, sheet, errors)
    _resolve_rounds(rows, survey, errors)
    checked.questions = question_checks.check_questions(rows, errors)
    errors.sort(key=lambda issue: (issue.row is None, issue.row or 0))
    return checked


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


def row_issue(number: int, reason: str) -> ImportIssue:
    return ImportIssue(
        _("Rij %(row)d: %(reason)s.") % {"row": number, "reason": reason}, row=number
    )


def _read_rows(sheet: Sheet, columns, errors, progress) -> tuple[list[Row], list[int]]:
    """Every row with a value as a ``Row`` (numbers still raw); hidden rows apart."""
    indexes = [columns.get(name) for name in COLUMNS]
    rows: list[Row] = []
    hidden: list[int] = []
    total = sheet.size_hint
    read = 0
    for read, sheet_row in enumerate(sheet.rows, start=1):
        if read % PROGRESS_EVERY == 0:
            progress("lezen", read, total)
        cells = sheet_row.cells
        width = len(cells)
        values = [cells[i] if i is not None and i < width else None for i in indexes]
        if all(value is None for value in values):
            continue  # a value in another column only (a note)
        if sheet_row.hidden:
            hidden.append(sheet_row.number)
            continue
        row_errors: list[str] = []
        rows.append(_parse_row(sheet_row.number, values, row_errors))
        errors.extend(row_issue(sheet_row.number, reason) for reason in row_errors)
    progress("lezen", read, read)
    return rows, hidden


def _text(values, index: int, name: str, errors: list[str], **options) -> str | None:
    """The text of a text column; None (with the reason in ``errors``) if it is none."""
    try:
        return text_value(values[index], name, **options)
    except ParseError as error:
        errors.append(str(error))
        return None


def _parse_row(number: int, values: list, errors: list[str]) -> Row:
    slug = _text(values, 0, "enquete", errors) or ""
    code = _text(values, 1, "vraagcode", errors)
    if code == "":
        errors.append(_("de vraagcode is leeg"))
    elif code and (len(code) > 50 or not CODE_PATTERN.match(code)):
        errors.append(
            _(
                "de vraagcode ‘%(code)s’ mag alleen letters, cijfers, - en _ bevatten "
                "(hoogstens 50 tekens)"
            )
            % {"code": code}
        )
    text = _text(values, 2, "vraag", errors, multiline=True) or ""
    question_type = cell_text(values[3]).lower()
    if question_type and question_type not in QUESTION_TYPES:
        errors.append(
            _("het vraagtype ‘%(type)s’ is onbekend; gebruik single of multi")
            % {"type": cell_text(values[3])}
        )
    label = _text(values, 4, "antwoord", errors)
    if label == "":
        errors.append(_("het antwoord is leeg"))
    elif label and len(label) > AnswerOption._meta.get_field("label").max_length:
        errors.append(_("het antwoord is langer dan 300 tekens"))
    segment = _text(values, 7, "segment", errors) or TOTAL_SEGMENT
    if len(segment) > Segment._meta.get_field("name").max_length:
        errors.append(_("de naam van het segment is langer dan 100 tekens"))
    for name, value in [("vraag", text), ("antwoord", label), ("segment", segment)]:
        if value and value.startswith(FORMULA_PREFIX):
            errors.append(
                _(
                    "de kolom %(column)s begint met =; dat ziet eruit als een formule, "
                    "zet de tekst zelf in de cel"
                )
                % {"column": name}
            )
    return Row(
        number=number,
        slug=slug,
        code=code or "",
        text=text,
        type=question_type,
        label=label or "",
        segment=segment,
        raw_percentage=values[5],
        raw_count=values[6],
        raw_order=values[8],
    )


def _parse_numbers(rows: list[Row], sheet: Sheet, errors: list[ImportIssue]) -> None:
    """Percentages, counts and orders, now that the file's decimal separator is known."""
    decimal = sheet.decimal_separator
    separators = sheet.texts.separators
    count_name, order_name = _("het aantal"), _("de volgorde")
    for row in rows:
        reasons = []
        try:
            row.percentage, row.marked_percent = parse_percentage(
                row.raw_percentage, decimal, separators=separators
            )
        except ParseError as error:
            reasons.append(str(error))
        for attribute, raw, what in (
            ("count", row.raw_count, count_name),
            ("order", row.raw_order, order_name),
        ):
            try:
                setattr(
                    row,
                    attribute,
                    parse_whole_number(raw, what, decimal, separators=separators),
                )
            except ParseError as error:
                reasons.append(str(error))
        errors.extend(row_issue(row.number, reason) for reason in reasons)


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
