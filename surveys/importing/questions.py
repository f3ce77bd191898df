"""Checks across rows: each question's rows together.

One text and one type per question, each answer once per segment with one order, the
percentages of a ``single`` question adding up to 100 per segment, and no question
whose percentages are all fractions (0.8 written for 80 %).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from surveys.models import Question

from .format import QUESTION_TYPES, SINGLE_TOTAL_TOLERANCE
from .summary import ImportIssue


def check_questions(rows, errors: list[ImportIssue]) -> list:
    """The rows grouped by question (``QuestionRows``), with every cross-row error."""
    from .check import QuestionRows

    questions: dict[tuple[int, str], QuestionRows] = {}
    for row in rows:
        if row.survey is None or not row.code:
            continue
        key = (row.survey.pk, row.code)
        if key not in questions:
            questions[key] = QuestionRows(survey=row.survey, code=row.code)
        questions[key].rows.append(row)

    several_rounds = len({survey_id for survey_id, _code in questions}) > 1
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
        fractions = _check_fractions(plan, name, errors)
        if plan.type == Question.Type.SINGLE and not fractions:
            _check_single_totals(plan, name, errors)
    return list(questions.values())


def _question_name(plan, several_rounds: bool) -> str:
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


def _check_duplicates_and_order(plan, name: str, errors) -> None:
    seen: dict[tuple[str, str], int] = {}
    orders: dict[str, tuple[int, int]] = {}
    spellings: dict[str, tuple[str, int]] = {}
    for row in plan.rows:
        _check_spelling(row, spellings, name, errors)
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


def _check_spelling(row, spellings: dict, name: str, errors) -> None:
    """``Ja`` and ``ja`` (or ``Ja,  zeker`` and ``Ja, zeker``) in one question are one
    answer to a reader, but would be stored as two options, each missing in the other
    segments."""
    key = " ".join(row.label.split()).casefold()
    first = spellings.setdefault(key, (row.label, row.number))
    if first[0] != row.label and row.label:
        errors.append(
            ImportIssue(
                _(
                    "Rij %(row)d: %(question)s, antwoord ‘%(label)s’ is anders "
                    "geschreven dan ‘%(other)s’ in rij %(other_row)d (hoofdletters of "
                    "spaties); een antwoord wordt in elke rij op dezelfde manier "
                    "geschreven."
                )
                % {
                    "row": row.number,
                    "question": name,
                    "label": row.label,
                    "other": first[0],
                    "other_row": first[1],
                },
                row=row.number,
            )
        )


def _check_fractions(plan, name: str, errors) -> bool:
    """Whether every percentage of the question is 1 or less, none marked as percent:
    0.8 written for 80 %, which would be stored as 0.8 %. So too for one segment whose
    every percentage is 1 or less where the question's other segments have larger
    ones (a segment pasted as fractions); a single question's totals catch that too,
    a multi question's do not."""
    values = [row.percentage for row in plan.rows if row.percentage is not None]
    if values and any(value > 1 for value in values):
        if plan.type == Question.Type.MULTI:
            _check_segment_fractions(plan, name, errors)
        return False
    if not values or not any(values):
        return False
    if all(row.marked_percent for row in plan.rows if row.percentage is not None):
        return False  # percent cells of 0.5 % and less: what the file says
    shown = ", ".join(
        number_format(value.normalize(), use_l10n=True) for value in values[:4]
    )
    errors.append(
        ImportIssue(
            _(
                "%(question)s (rijen %(rows)s): alle percentages zijn 1 of kleiner "
                "(%(values)s%(more)s); staan hier fracties in plaats van percentages? "
                "Schrijf 80 voor 80 %% (of maak de cellen op als percentage); nu zou "
                "0,8 als 0,8 %% worden opgeslagen."
            )
            % {
                "question": name,
                "rows": _row_list([row.number for row in plan.rows]),
                "values": shown,
                "more": " …" if len(values) > 4 else "",
            },
            row=plan.rows[0].number,
        )
    )
    return True


def _check_segment_fractions(plan, name: str, errors) -> None:
    by_segment: dict[str, list] = defaultdict(list)
    for row in plan.rows:
        if row.percentage is not None:
            by_segment[row.segment.casefold()].append(row)
    for segment_rows in by_segment.values():
        values = [row.percentage for row in segment_rows]
        if any(value > 1 for value in values) or not any(values):
            continue
        if all(row.marked_percent for row in segment_rows):
            continue
        errors.append(
            ImportIssue(
                _(
                    "%(question)s, segment ‘%(segment)s’ (rijen %(rows)s): alle "
                    "percentages zijn 1 of kleiner (%(values)s), in de andere segmenten "
                    "niet; staan hier fracties in plaats van percentages? Schrijf 80 "
                    "voor 80 %% (of maak de cellen op als percentage)."
                )
                % {
                    "question": name,
                    "segment": segment_rows[0].segment,
                    "rows": _row_list([row.number for row in segment_rows]),
                    "values": ", ".join(
                        number_format(value.normalize(), use_l10n=True)
                        for value in values[:4]
                    )
                    + (" …" if len(values) > 4 else ""),
                },
                row=segment_rows[0].number,
            )
        )


def _check_single_totals(plan, name: str, errors) -> None:
    by_segment: dict[str, list] = defaultdict(list)
    for row in plan.rows:
        by_segment[row.segment.casefold()].append(row)
    tolerance = int(SINGLE_TOTAL_TOLERANCE)
    for segment_rows in by_segment.values():
        if any(row.percentage is None for row in segment_rows):
            continue  # the row error already says what is wrong
        total = sum(row.percentage for row in segment_rows)
        if abs(total - 100) <= SINGLE_TOTAL_TOLERANCE:
            continue
        numbers = [row.number for row in segment_rows]
        errors.append(
            ImportIssue(
                ngettext(
                    "%(question)s, segment ‘%(segment)s’ (rijen %(rows)s): de "
                    "percentages tellen op tot %(total)s. Bij vraagtype single moet dat "
                    "100 zijn (%(tolerance)d procentpunt afwijking mag, voor afronding).",
                    "%(question)s, segment ‘%(segment)s’ (rijen %(rows)s): de "
                    "percentages tellen op tot %(total)s. Bij vraagtype single moet dat "
                    "100 zijn (%(tolerance)d procentpunten afwijking mag, voor afronding).",
                    tolerance,
                )
                % {
                    "question": name,
                    "segment": segment_rows[0].segment,
                    "rows": _row_list(numbers),
                    "total": number_format(Decimal(total).normalize(), use_l10n=True),
                    "tolerance": tolerance,
                },
                row=numbers[0],
            )
        )


def _row_list(numbers: list[int], shown: int = 10) -> str:
    text = ", ".join(str(number) for number in numbers[:shown])
    return text + (" …" if len(numbers) > shown else "")
