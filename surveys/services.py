"""Writes that span many survey rows: importing and exporting aggregated results.

The admin import (through ``surveys.resources.ResultResource``) and the
``import_results`` command both call :func:`import_results`, so that the rules
and the Dutch messages are the same everywhere. The file format is PRODUCT.md's
"Import format": one row per answer option per segment, with the columns
``COLUMNS``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import tablib
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Max, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ambtenarenpanel.caching import SURVEYS, invalidate

from .models import TOTAL_SEGMENT, AnswerOption, Question, Result, Segment, Survey
from .signals import survey_data_changed

logger = logging.getLogger(__name__)

COLUMNS = (
    "enquete",
    "vraagcode",
    "vraag",
    "vraagtype",
    "antwoord",
    "percentage",
    "aantal",
    "segment",
    "volgorde",
)
REQUIRED_COLUMNS = COLUMNS[:6]
#: Added to the export of a round computed from respondents (ignored on import).
STATISTICS_COLUMNS = ("n", "marge_van", "marge_tot", "verschil")

QUESTION_TYPES = frozenset(Question.Type.values)
#: A ``single`` question's percentages in one segment must add up to 100 ± this.
SINGLE_TOTAL_TOLERANCE = Decimal(2)
#: Above this many rows, the admin preview shows totals only, not every row.
PREVIEW_ROW_LIMIT = 1000
#: The admin preview lists this many errors and counts the rest.
PREVIEW_ERROR_LIMIT = 200

NEW = "new"
UPDATED = "updated"
UNCHANGED = "unchanged"

CENT = Decimal("0.01")
BATCH_SIZE = 1000
# Question codes end up in URLs (/onderzoek/<round>/<code>/), so they must be slugs.
CODE_PATTERN = re.compile(r"^[-a-zA-Z0-9_]+$")
# A text cell starting with "=" would become a formula when exported to xlsx or
# opened as CSV in a spreadsheet program (formula injection).
FORMULA_PREFIX = "="


class ParseError(ValueError):
    """A cell value that cannot be read; the message says why, in Dutch."""


@dataclass(frozen=True)
class ImportIssue:
    """One reason to refuse the file: ``row`` is the spreadsheet row (header = 1), if any."""

    message: str
    row: int | None = None

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What importing one row of the file does (or did)."""

    row: int
    status: str
    survey: str
    code: str
    label: str
    segment: str
    percentage: Decimal
    count: int | None


@dataclass
class ImportSummary:
    """What an import found and did. Nothing is stored when ``errors`` is not empty."""

    dry_run: bool
    errors: list[ImportIssue] = field(default_factory=list)
    questions: int = 0
    options: int = 0
    results: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    surveys: list[Survey] = field(default_factory=list)
    #: One outcome per row, only when the file has at most ``PREVIEW_ROW_LIMIT`` rows.
    rows: list[RowOutcome] = field(default_factory=list)
    #: The questions whose text, answers or figures the import changes (after storing).
    changed_question_ids: set[int] = field(default_factory=set)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def shows_rows(self) -> bool:
        return 0 < self.results <= PREVIEW_ROW_LIMIT

    @property
    def shown_errors(self) -> list[ImportIssue]:
        return self.errors[:PREVIEW_ERROR_LIMIT]

    @property
    def more_errors(self) -> int:
        return max(0, len(self.errors) - PREVIEW_ERROR_LIMIT)

    def __str__(self) -> str:
        """One line, e.g. "12 vragen, 48 antwoordopties, 96 resultaten: 80 nieuw, 10 bijgewerkt, 6 ongewijzigd"."""
        if self.errors:
            return ngettext(
                "%(count)d fout gevonden; er is niets opgeslagen.",
                "%(count)d fouten gevonden; er is niets opgeslagen.",
                len(self.errors),
            ) % {"count": len(self.errors)}
        parts = [
            ngettext("%(count)d vraag", "%(count)d vragen", self.questions),
            ngettext(
                "%(count)d antwoordoptie", "%(count)d antwoordopties", self.options
            ),
            ngettext("%(count)d resultaat", "%(count)d resultaten", self.results),
        ]
        counts = [
            _("%(count)d nieuw"),
            _("%(count)d bijgewerkt"),
            _("%(count)d ongewijzigd"),
        ]
        values = [self.questions, self.options, self.results]
        line = ", ".join(p % {"count": v} for p, v in zip(parts, values, strict=True))
        changes = [
            c % {"count": v}
            for c, v in zip(
                counts, [self.new, self.updated, self.unchanged], strict=True
            )
        ]
        if self.removed:
            changes.append(_("%(count)d verwijderd") % {"count": self.removed})
        return f"{line}: {', '.join(changes)}"


# --- Messages shared with the file readers in surveys/resources.py -----------------


def empty_sheet_message() -> str:
    return _(
        "Het werkblad is leeg: er staan geen gegevens in. Zet de kolomkoppen in de "
        "eerste rij en daaronder één rij per antwoord per segment."
    )


def not_a_spreadsheet_message() -> str:
    return _(
        "Dit bestand is geen spreadsheet die gelezen kan worden. Gebruik een xlsx-, "
        "csv- of ods-bestand."
    )


# --- Reading cell values -----------------------------------------------------------


def normalize_header(value: object) -> str:
    """``" Enquête "`` → ``"enquete"``: headers match case- and accent-insensitively."""
    text = unicodedata.normalize("NFKD", cell_text(value)).lower()
    return "".join(char for char in text if not unicodedata.combining(char))


def cell_text(value: object) -> str:
    """A cell as stripped text; numeric cells without a fraction lose their ``.0``."""
    if type(value) is str:  # most cells: checked first, this runs for every cell
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def _to_decimal(value: object) -> Decimal:
    """int, float, Decimal or text such as ``25``, ``25,5``, ``25.5``, `` 25 % ``."""
    if isinstance(value, bool):
        raise ParseError
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        # repr gives the shortest text that reads back as the same float: 0.1, not 0.1000000000000000055…
        number = Decimal(repr(value))
    else:
        text = "".join(str(value).split())  # also drops non-breaking spaces
        text = text.removesuffix("%").replace(",", ".")
        if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", text):
            raise ParseError
        try:
            number = Decimal(text)
        except InvalidOperation as error:
            raise ParseError from error
    if not number.is_finite():
        raise ParseError
    return number


def parse_percentage(value: object) -> Decimal:
    """A percentage between 0 and 100 with two decimals.

    Accepts ``25``, ``25%``, ``25,5``, ``25.5``, `` 25 % `` and numbers. A cell
    formatted as percentage in xlsx or ods holds 0.25 for 25 %; the readers in
    ``surveys.resources`` turn those cells into the text ``25%`` before this runs,
    so 0.25 is never stored as 0.25 %.
    """
    text = cell_text(value)
    if text == "":
        raise ParseError(_("het percentage is leeg"))
    try:
        number = _to_decimal(value)
    except ParseError:
        raise ParseError(
            _("het percentage ‘%(value)s’ is geen getal") % {"value": text}
        ) from None
    if not 0 <= number <= 100:
        raise ParseError(
            _("het percentage %(value)s ligt niet tussen 0 en 100") % {"value": text}
        )
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_whole_number(value: object) -> int | None:
    """A whole number of 0 or more, or None for an empty cell."""
    text = cell_text(value)
    if text == "":
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    number = _to_decimal(value)  # raises ParseError
    if number < 0 or number != number.to_integral_value():
        raise ParseError
    return int(number)


# --- Import ------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    number: int
    survey: Survey | None
    code: str
    text: str
    type: str
    label: str
    percentage: Decimal | None
    count: int | None
    segment: str
    order: int | None


@dataclass
class _QuestionPlan:
    survey: Survey
    code: str
    rows: list[_Row] = field(default_factory=list)
    text: str = ""
    type: str = ""


def import_results(
    *, survey: Survey | None = None, dataset: tablib.Dataset, dry_run: bool = False
) -> ImportSummary:
    """Import aggregated results (PRODUCT.md, "Import format") from ``dataset``.

    Every row is checked first; if anything is wrong, ``summary.errors`` names each
    row (or question) and the reason, and nothing is stored. Otherwise all rows are
    stored in one transaction, unless ``dry_run``, which only reports what would
    happen (the admin preview).

    ``survey``: when given, every row must belong to that round (an empty
    ``enquete`` cell means that round). Rounds are never created: an unknown
    ``enquete`` is an error.

    What is stored, per question in the file:

    - the question is created, or its text and type updated; a new question's
      order follows its first appearance in the file, an existing question keeps
      its order (change it in the admin), so that re-importing an export changes
      nothing;
    - the file is the complete set of answers of that question: options are created
      or their order updated (``volgorde``, else their first appearance), options no
      longer in the file are deleted with their results, and results of segments no
      longer in the file are deleted (counted as ``removed``);
    - questions of the round that are not in the file are left alone, so that one
      question can be corrected with a file of its own.

    Segments are matched by name, case-insensitively, and created when new. The
    work is a constant number of queries plus bulk writes in batches, whatever
    the number of rows.
    """
    try:
        if dry_run:
            return _import(survey, dataset, dry_run=True)
        with transaction.atomic():
            summary = _import(survey, dataset, dry_run=False)
            if summary.is_valid:  # bulk writes send no signals
                invalidate(SURVEYS)
                _announce_on_commit(summary)
            return summary
    except IntegrityError:
        return ImportSummary(
            dry_run=dry_run,
            errors=[
                ImportIssue(
                    _(
                        "Het opslaan is mislukt omdat dezelfde gegevens tegelijk door "
                        "iemand anders zijn gewijzigd. Er is niets opgeslagen; probeer "
                        "het opnieuw."
                    )
                )
            ],
        )
    except DatabaseError:
        # The transaction is rolled back, so the message can promise that; the
        # traceback goes to the log for whoever runs the site.
        logger.exception("Import of survey results failed in the database")
        return ImportSummary(
            dry_run=dry_run,
            errors=[
                ImportIssue(
                    _(
                        "Het opslaan is mislukt door een fout in de database. Er is "
                        "niets opgeslagen; de vorige resultaten zijn ongewijzigd. "
                        "Probeer het later opnieuw."
                    )
                )
            ],
        )


def _announce_on_commit(summary: ImportSummary) -> None:
    if not summary.changed_question_ids:
        return
    survey_ids = {survey.pk for survey in summary.surveys}
    question_ids = set(summary.changed_question_ids)
    transaction.on_commit(
        lambda: survey_data_changed.send(
            sender=Survey, survey_ids=survey_ids, question_ids=question_ids
        )
    )


def _import(survey: Survey | None, dataset: tablib.Dataset, *, dry_run: bool):
    summary = ImportSummary(dry_run=dry_run)
    columns, summary.errors = _map_columns(dataset.headers)
    if summary.errors:
        return summary

    rows = _read_rows(dataset, columns, survey, summary.errors, lock=not dry_run)
    if not rows and not summary.errors:
        summary.errors.append(ImportIssue(empty_sheet_message()))
    questions = _check_questions(rows, summary.errors)
    if summary.errors:
        summary.errors.sort(key=lambda issue: (issue.row is None, issue.row or 0))
        return summary

    _plan_and_apply(questions, summary, dry_run=dry_run)
    return summary


def _map_columns(headers: Sequence[object] | None) -> tuple[dict[str, int], list]:
    if not headers or all(cell_text(header) == "" for header in headers):
        return {}, [ImportIssue(empty_sheet_message())]
    columns: dict[str, int] = {}
    errors = []
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
    return columns, errors


def _read_rows(
    dataset: tablib.Dataset,
    columns: dict[str, int],
    survey: Survey | None,
    errors: list[ImportIssue],
    *,
    lock: bool,
) -> list[_Row]:
    """Parse every row; row errors go to ``errors``. Empty rows are skipped."""
    # Two passes over the dataset rather than a copy of it: a file can have 100 000 rows.
    slug_column = columns["enquete"]
    slugs = {cell_text(values[slug_column]) for values in dataset} - {""}
    if survey is not None:
        slugs.add(survey.slug)
    surveys = Survey.objects.filter(slug__in=slugs)
    if lock:
        # Two imports of one round at the same time would race on its rows.
        surveys = surveys.select_for_update()
    surveys_by_slug = {s.slug: s for s in surveys}
    if survey is not None:
        surveys_by_slug.setdefault(survey.slug, survey)

    rows = []
    for number, values in enumerate(dataset, start=2):
        cells = {name: values[i] for name, i in columns.items()}
        if all(cell_text(value) == "" for value in cells.values()):
            continue
        row_errors: list[str] = []
        rows.append(_parse_row(number, cells, survey, surveys_by_slug, row_errors))
        for reason in row_errors:
            errors.append(
                ImportIssue(
                    _("Rij %(row)d: %(reason)s.") % {"row": number, "reason": reason},
                    row=number,
                )
            )
    return rows


def _parse_row(number, cells, survey, surveys_by_slug, errors: list[str]) -> _Row:
    slug = cell_text(cells["enquete"])
    row_survey = None
    if slug == "" and survey is not None:
        row_survey = survey
    elif slug == "":
        errors.append(_("de enquête ontbreekt (kolom enquete is leeg)"))
    elif survey is not None and slug != survey.slug:
        errors.append(
            _(
                "de enquête ‘%(slug)s’ is niet de gekozen enquête ‘%(chosen)s’; "
                "importeer die rij apart"
            )
            % {"slug": slug, "chosen": survey.slug}
        )
    elif slug not in surveys_by_slug:
        errors.append(
            _(
                "de enquête ‘%(slug)s’ bestaat niet; maak de enquête eerst aan in het "
                "beheer (de slug moet gelijk zijn)"
            )
            % {"slug": slug}
        )
    else:
        row_survey = surveys_by_slug[slug]

    code = cell_text(cells["vraagcode"])
    if code == "":
        errors.append(_("de vraagcode is leeg"))
    elif len(code) > 50 or not CODE_PATTERN.match(code):
        errors.append(
            _(
                "de vraagcode ‘%(code)s’ mag alleen letters, cijfers, - en _ bevatten "
                "(hoogstens 50 tekens)"
            )
            % {"code": code}
        )

    text = cell_text(cells["vraag"])
    question_type = cell_text(cells["vraagtype"]).lower()
    if question_type and question_type not in QUESTION_TYPES:
        errors.append(
            _("het vraagtype ‘%(type)s’ is onbekend; gebruik single of multi")
            % {"type": cell_text(cells["vraagtype"])}
        )

    label = cell_text(cells["antwoord"])
    if label == "":
        errors.append(_("het antwoord is leeg"))
    elif len(label) > AnswerOption._meta.get_field("label").max_length:
        errors.append(_("het antwoord is langer dan 300 tekens"))

    percentage = None
    try:
        percentage = parse_percentage(cells["percentage"])
    except ParseError as error:
        errors.append(str(error))

    count = _whole_number(cells, "aantal", errors)
    order = _whole_number(cells, "volgorde", errors)

    segment = cell_text(cells.get("segment")) or TOTAL_SEGMENT
    if len(segment) > Segment._meta.get_field("name").max_length:
        errors.append(_("de naam van het segment is langer dan 100 tekens"))

    for name, value in [("vraag", text), ("antwoord", label), ("segment", segment)]:
        if value.startswith(FORMULA_PREFIX):
            errors.append(
                _(
                    "de kolom %(column)s begint met =; dat ziet eruit als een formule, "
                    "zet de tekst zelf in de cel"
                )
                % {"column": name}
            )
    return _Row(
        number=number,
        survey=row_survey,
        code=code,
        text=text,
        type=question_type,
        label=label,
        percentage=percentage,
        count=count,
        segment=segment,
        order=order,
    )


def _whole_number(cells, column: str, errors: list[str]) -> int | None:
    value = cells.get(column)
    try:
        return parse_whole_number(value)
    except ParseError:
        # Translated here, not for every row: a round has up to 100 000 rows.
        what = _("het aantal") if column == "aantal" else _("de volgorde")
        errors.append(
            _("%(what)s ‘%(value)s’ is geen geheel getal van 0 of meer")
            % {"what": what, "value": cell_text(value)}
        )
        return None


def _check_questions(
    rows: list[_Row], errors: list[ImportIssue]
) -> list[_QuestionPlan]:
    """Checks across rows: one text and type per question, no duplicates, single sums."""
    questions: dict[tuple[int, str], _QuestionPlan] = {}
    for row in rows:
        if row.survey is None or not row.code:
            continue
        key = (row.survey.pk, row.code)
        if key not in questions:
            questions[key] = _QuestionPlan(survey=row.survey, code=row.code)
        questions[key].rows.append(row)

    several_rounds = len({survey_id for survey_id, _ in questions}) > 1
    for plan in questions.values():
        name = _question_name(plan, several_rounds)
        plan.text = _one_value(plan, "text", _("vraagteksten"), name, errors)
        plan.type = _one_value(plan, "type", _("vraagtypes"), name, errors)
        if not plan.text:
            errors.append(
                ImportIssue(
                    _("%(question)s: de vraagtekst ontbreekt (kolom vraag is leeg).")
                    % {"question": name},
                    row=plan.rows[0].number,
                )
            )
        if not plan.type and not any(row.type for row in plan.rows):
            errors.append(
                ImportIssue(
                    _(
                        "%(question)s: het vraagtype ontbreekt (kolom vraagtype is "
                        "leeg); gebruik single of multi."
                    )
                    % {"question": name},
                    row=plan.rows[0].number,
                )
            )
        _check_duplicates_and_order(plan, name, errors)
        if plan.type == Question.Type.SINGLE:
            _check_single_totals(plan, name, errors)
    return list(questions.values())


def _question_name(plan: _QuestionPlan, several_rounds: bool) -> str:
    if several_rounds:
        return _("Vraag ‘%(code)s’ van enquête ‘%(survey)s’") % {
            "code": plan.code,
            "survey": plan.survey.slug,
        }
    return _("Vraag ‘%(code)s’") % {"code": plan.code}


def _one_value(plan, attribute: str, plural: str, name: str, errors) -> str:
    """The one value of ``attribute`` given in the question's rows; two different ones are an error."""
    first: dict[str, int] = {}
    for row in plan.rows:
        value = getattr(row, attribute)
        if value and (attribute != "type" or value in QUESTION_TYPES):
            first.setdefault(value, row.number)
    if len(first) > 1:
        (value_a, row_a), (value_b, row_b) = list(first.items())[:2]
        errors.append(
            ImportIssue(
                _(
                    "%(question)s heeft twee verschillende %(what)s: ‘%(a)s’ (rij "
                    "%(row_a)d) en ‘%(b)s’ (rij %(row_b)d). Eén vraag heeft één tekst "
                    "en één type."
                )
                % {
                    "question": name,
                    "what": plural,
                    "a": _shorten(value_a),
                    "row_a": row_a,
                    "b": _shorten(value_b),
                    "row_b": row_b,
                },
                row=row_b,
            )
        )
    return next(iter(first), "")


def _shorten(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _check_duplicates_and_order(plan: _QuestionPlan, name: str, errors) -> None:
    seen: dict[tuple[str, str], int] = {}
    orders: dict[str, tuple[int, int]] = {}
    for row in plan.rows:
        key = (row.label, row.segment.casefold())
        if key in seen:
            errors.append(
                ImportIssue(
                    _(
                        "Rij %(row)d: %(question)s, antwoord ‘%(label)s’, segment "
                        "‘%(segment)s’ staat ook al in rij %(other)d."
                    )
                    % {
                        "row": row.number,
                        "question": name,
                        "label": row.label,
                        "segment": row.segment,
                        "other": seen[key],
                    },
                    row=row.number,
                )
            )
        else:
            seen[key] = row.number
        if row.order is None:
            continue
        if row.label in orders and orders[row.label][0] != row.order:
            order, other = orders[row.label]
            errors.append(
                ImportIssue(
                    _(
                        "Rij %(row)d: %(question)s, antwoord ‘%(label)s’ heeft volgorde "
                        "%(order)d, maar in rij %(other)d volgorde %(other_order)d."
                    )
                    % {
                        "row": row.number,
                        "question": name,
                        "label": row.label,
                        "order": row.order,
                        "other": other,
                        "other_order": order,
                    },
                    row=row.number,
                )
            )
        orders.setdefault(row.label, (row.order, row.number))


def _check_single_totals(plan: _QuestionPlan, name: str, errors) -> None:
    by_segment: dict[str, list[_Row]] = defaultdict(list)
    for row in plan.rows:
        by_segment[row.segment.casefold()].append(row)
    for segment_rows in by_segment.values():
        if any(row.percentage is None for row in segment_rows):
            continue  # the row error already says what is wrong
        total = sum(row.percentage for row in segment_rows)
        if abs(total - 100) <= SINGLE_TOTAL_TOLERANCE:
            continue
        numbers = [row.number for row in segment_rows]
        errors.append(
            ImportIssue(
                _(
                    "%(question)s, segment ‘%(segment)s’ (rijen %(rows)s): de "
                    "percentages tellen op tot %(total)s. Bij vraagtype single moet dat "
                    "100 zijn (2 procentpunt afwijking mag, voor afronding)."
                )
                % {
                    "question": name,
                    "segment": segment_rows[0].segment,
                    "rows": _row_list(numbers),
                    "total": number_format(total.normalize(), use_l10n=True),
                },
                row=numbers[0],
            )
        )


def _row_list(numbers: list[int], shown: int = 10) -> str:
    text = ", ".join(str(number) for number in numbers[:shown])
    return text + (" …" if len(numbers) > shown else "")


# --- Planning and storing ------------------------------------------------------------


def _plan_and_apply(
    questions: list[_QuestionPlan], summary: ImportSummary, *, dry_run: bool
) -> None:
    surveys = {plan.survey.pk: plan.survey for plan in questions}
    summary.surveys = sorted(surveys.values(), key=lambda s: s.slug)

    segments = _segments_for(questions, dry_run=dry_run)
    existing_questions = {
        (q.survey_id, q.code): q for q in Question.objects.filter(survey_id__in=surveys)
    }
    max_order = dict(
        Question.objects.filter(survey_id__in=surveys)
        .values("survey")
        .annotate(top=Max("order"))
        .values_list("survey", "top")
    )
    imported_ids = {
        existing_questions[key].pk
        for key in ((p.survey.pk, p.code) for p in questions)
        if key in existing_questions
    }
    existing_options: dict[tuple[int, str], AnswerOption] = {}
    for option in AnswerOption.objects.filter(question__survey_id__in=surveys).only(
        "id", "question_id", "label", "order"
    ):
        if option.question_id in imported_ids:
            existing_options[(option.question_id, option.label)] = option
    existing_results: dict[tuple[int, int], tuple[int, Decimal, int | None]] = {}
    option_ids = {option.pk for option in existing_options.values()}
    for pk, option_id, segment_id, percentage, count in Result.objects.filter(
        option__question__survey_id__in=surveys
    ).values_list("id", "option_id", "segment_id", "percentage", "count"):
        if option_id in option_ids:
            existing_results[(option_id, segment_id)] = (pk, percentage, count)

    new_questions, changed_questions = [], []
    new_options, changed_options = [], []
    changed_results: list[tuple[int, _Row]] = []
    kept_options: set[int] = set()
    kept_results: set[int] = set()
    # New results as (row, option, segment): the option may still wait for its
    # primary key. Result objects are made batch by batch when storing, so that
    # 100 000 of them are never in memory at once.
    new_results: list[tuple[_Row, AnswerOption, Segment]] = []
    # Only a small file's preview shows its rows.
    keep_outcomes = sum(len(plan.rows) for plan in questions) <= PREVIEW_ROW_LIMIT
    outcomes: list[RowOutcome] = []
    counters = {NEW: 0, UPDATED: 0, UNCHANGED: 0}
    option_count = 0
    next_order = {pk: (top or 0) for pk, top in max_order.items()}

    changed_questions_all: list[Question] = []
    for plan in questions:
        question = existing_questions.get((plan.survey.pk, plan.code))
        question_changed = False
        changes_before = counters[NEW] + counters[UPDATED]
        if question is None:
            next_order[plan.survey.pk] = next_order.get(plan.survey.pk, 0) + 1
            question = Question(
                survey=plan.survey,
                code=plan.code,
                text=plan.text,
                type=plan.type,
                order=next_order[plan.survey.pk],
            )
            new_questions.append(question)
        elif (question.text, question.type) != (plan.text, plan.type):
            question.text, question.type = plan.text, plan.type
            changed_questions.append(question)
            question_changed = True

        options: dict[str, AnswerOption] = {}
        option_changed: dict[str, bool] = {}
        for label, order in _option_orders(plan.rows).items():
            option = existing_options.get((question.pk, label)) if question.pk else None
            option_changed[label] = False
            if option is None:
                option = AnswerOption(question=question, label=label, order=order)
                new_options.append(option)
            else:
                kept_options.add(option.pk)
                if option.order != order:
                    option.order = order
                    changed_options.append(option)
                    option_changed[label] = True
            options[label] = option
        option_count += len(options)

        for row in plan.rows:
            option = options[row.label]
            segment = segments[row.segment.casefold()]
            existing = (
                existing_results.get((option.pk, segment.pk))
                if option.pk and segment.pk
                else None
            )
            if existing is None:
                status = NEW
                new_results.append((row, option, segment))
            else:
                pk, percentage, count = existing
                kept_results.add(pk)
                if (percentage, count) != (row.percentage, row.count):
                    changed_results.append((pk, row))
                    status = UPDATED
                elif question_changed or option_changed[row.label]:
                    status = UPDATED
                else:
                    status = UNCHANGED
            counters[status] += 1
            if keep_outcomes:
                outcomes.append(
                    RowOutcome(
                        row=row.number,
                        status=status,
                        survey=plan.survey.slug,
                        code=plan.code,
                        label=row.label,
                        segment=segment.name,
                        percentage=row.percentage,
                        count=row.count,
                    )
                )
        if counters[NEW] + counters[UPDATED] > changes_before:
            changed_questions_all.append(question)

    removed_options = [
        option.pk
        for option in existing_options.values()
        if option.pk not in kept_options
    ]
    # Results of removed options go with them (cascade); count them all.
    removed_results = [
        (option_id, pk)
        for (option_id, _segment), (pk, _p, _c) in existing_results.items()
        if pk not in kept_results
    ]

    summary.questions = len(questions)
    summary.options = option_count
    summary.results = sum(counters.values())
    summary.new, summary.updated, summary.unchanged = (
        counters[NEW],
        counters[UPDATED],
        counters[UNCHANGED],
    )
    summary.removed = len(removed_results)
    summary.rows = sorted(outcomes, key=lambda outcome: outcome.row)
    option_question = {
        option.pk: option.question_id for option in existing_options.values()
    }
    if dry_run:
        return

    _delete_in_batches(AnswerOption.objects, removed_options)
    _delete_in_batches(
        Result.objects,
        [pk for option_id, pk in removed_results if option_id in kept_options],
    )
    Question.objects.bulk_create(new_questions, batch_size=BATCH_SIZE)
    Question.objects.bulk_update(
        changed_questions, ["text", "type"], batch_size=BATCH_SIZE
    )
    for option in new_options:
        option.question_id = option.question.pk
    AnswerOption.objects.bulk_create(new_options, batch_size=BATCH_SIZE)
    AnswerOption.objects.bulk_update(changed_options, ["order"], batch_size=BATCH_SIZE)
    for start in range(0, len(new_results), BATCH_SIZE):
        Result.objects.bulk_create(
            [
                Result(
                    option_id=option.pk,
                    segment_id=segment.pk,
                    percentage=row.percentage,
                    count=row.count,
                )
                for row, option, segment in new_results[start : start + BATCH_SIZE]
            ]
        )
    _update_results(changed_results)
    summary.changed_question_ids = {q.pk for q in changed_questions_all} | {
        option_question[option_id] for option_id, _pk in removed_results
    }


def _update_results(changes: list[tuple[int, _Row]]) -> None:
    """Store new percentages and counts: ``UPDATE … FROM (VALUES …)``, a batch at a time.

    ``bulk_update`` writes a ``CASE WHEN id = … THEN …`` branch per row, which the
    database tests for every row of the batch: storing a corrected file of 100 000
    rows took 33 s that way (SQLite and PostgreSQL alike), 2 to 3 s this way.
    PostgreSQL and SQLite (3.33 and later) join a list of values instead; other
    databases keep ``bulk_update``.
    """
    if not _joins_values():
        for start in range(0, len(changes), BATCH_SIZE):
            Result.objects.bulk_update(
                [
                    Result(pk=pk, percentage=row.percentage, count=row.count)
                    for pk, row in changes[start : start + BATCH_SIZE]
                ],
                ["percentage", "count"],
            )
        return
    quote = connection.ops.quote_name
    table = quote(Result._meta.db_table)
    # VALUES columns are called column1, column2, ... in both databases.
    statement = (
        f"UPDATE {table} SET {quote('percentage')} = v.column2, "
        f"{quote('count')} = v.column3 FROM (VALUES {{values}}) AS v "
        f"WHERE {table}.{quote('id')} = v.column1"
    )
    row_sql = "(CAST(%s AS bigint), CAST(%s AS numeric(5, 2)), CAST(%s AS integer))"
    batch = 300  # 900 parameters: under SQLite's oldest limit of 999
    with connection.cursor() as cursor:
        for start in range(0, len(changes), batch):
            part = changes[start : start + batch]
            params = []
            for pk, row in part:
                params += [pk, row.percentage, row.count]
            cursor.execute(
                statement.format(values=", ".join([row_sql] * len(part))), params
            )


def _joins_values() -> bool:
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version_info >= (3, 33)
    return connection.vendor == "postgresql"


def _option_orders(rows: list[_Row]) -> dict[str, int]:
    """Each option's order: its ``volgorde`` if any row gives one, else its first appearance."""
    orders: dict[str, int | None] = {}
    for row in rows:
        if orders.get(row.label) is None:
            orders[row.label] = row.order
    return {
        label: position if order is None else order
        for position, (label, order) in enumerate(orders.items(), start=1)
    }


def _segments_for(
    questions: list[_QuestionPlan], *, dry_run: bool
) -> dict[str, Segment]:
    """The file's segments by case-folded name; new ones are created (unless a dry run)."""
    segments = {segment.name.casefold(): segment for segment in Segment.objects.all()}
    top = max((segment.order for segment in segments.values()), default=0)
    new = []
    for plan in questions:
        for row in plan.rows:
            key = row.segment.casefold()
            if key not in segments:
                top += 1
                order = 0 if key == TOTAL_SEGMENT.casefold() else top
                name = TOTAL_SEGMENT if key == TOTAL_SEGMENT.casefold() else row.segment
                segments[key] = Segment(name=name, order=order)
                new.append(segments[key])
    if new and not dry_run:
        # Another import may create the same segment at the same moment.
        Segment.objects.bulk_create(new, ignore_conflicts=True)
        for segment in Segment.objects.filter(name__in=[s.name for s in new]):
            segments[segment.name.casefold()] = segment
    return segments


def _delete_in_batches(manager, pks: list[int]) -> None:
    for start in range(0, len(pks), BATCH_SIZE):
        manager.filter(pk__in=pks[start : start + BATCH_SIZE]).delete()


# --- Export ------------------------------------------------------------------------


def export_results(
    results: QuerySet[Result] | None = None, *, with_statistics: bool = False
) -> tablib.Dataset:
    """The results as a Dataset in the import format: export → edit → import round-trips.

    Rows are ordered by round, question, segment and option, as people write them.
    Percentages are numbers (25.5, never 0.255), counts empty when unknown. A
    suppressed figure (too few respondents) is exported as the words "te weinig
    respondenten", never as a number. ``with_statistics`` (a computed round) adds the
    columns ``STATISTICS_COLUMNS``: n, the margin's bounds and a significant difference.
    """
    if results is None:
        results = Result.objects.all()
    rows = results.order_by(
        "option__question__survey__slug",
        "option__question__order",
        "option__question__id",
        "segment__order",
        "segment__name",
        "option__order",
        "option__id",
    ).values_list(
        "option__question__survey__slug",
        "option__question__code",
        "option__question__text",
        "option__question__type",
        "option__label",
        "percentage",
        "count",
        "segment__name",
        "option__order",
        "is_suppressed",
        "n",
        "interval_low",
        "interval_high",
        "difference",
    )
    headers = list(COLUMNS) + (list(STATISTICS_COLUMNS) if with_statistics else [])
    dataset = tablib.Dataset(headers=headers)
    suppressed_text = _("te weinig respondenten")
    for (
        slug,
        code,
        text,
        kind,
        label,
        percentage,
        count,
        segment,
        order,
        is_suppressed,
        n,
        low,
        high,
        difference,
    ) in rows:
        row = [
            slug,
            code,
            text,
            kind,
            label,
            suppressed_text if is_suppressed else _plain_decimal(percentage),
            "" if count is None or is_suppressed else count,
            segment,
            order,
        ]
        if with_statistics:
            row += [
                "" if n is None or is_suppressed else n,
                "" if low is None or is_suppressed else _plain_decimal(low),
                "" if high is None or is_suppressed else _plain_decimal(high),
                "" if is_suppressed else difference,
            ]
        dataset.append(row)
    return dataset


def _plain_decimal(value: Decimal | None) -> Decimal | int | str:
    """25.00 → 25, 25.50 → 25.5: what a person would type (None: an empty cell)."""
    if value is None:
        return ""
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else value
