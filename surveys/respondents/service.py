"""``import_respondents``: the one service behind the admin and ``manage.py import_respondents``.

read → check → compute → plan (no writes; a dry run stops here) → one short atomic
apply that replaces the round's questions, answers, computed results and respondents
whole: a reader in another connection sees the old round or the new one, never a mix.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, IntegrityError, transaction
from django.utils.translation import gettext as _

from ambtenarenpanel.caching import invalidate
from surveys.checks import min_group_size
from surveys.models import AnswerOption, Question, Result, Segment, Survey
from surveys.signals import survey_data_changed
from surveys.statistics import effective_n

from .answers import Answers, read_answers
from .codebook import PROFIEL, Codebook, read_codebook
from .codebook_check import finish
from .compute import QuestionFigures, compute, segment_keys
from .sav import read_sav
from .sheets import CODEBOOK_MERGE_HARMLESS, SpreadsheetError, is_sav, read_table
from .store import apply_plan
from .summary import (
    ANSWERS,
    CODEBOOK,
    AnswerTotal,
    ImportIssue,
    Issues,
    QuestionTotal,
    RespondentImportSummary,
)

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
READING, CHECKING, COMPUTING = "lezen", "controleren", "berekenen"


def import_respondents(
    *,
    survey: Survey,
    answers,
    codebook=None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> RespondentImportSummary:
    """Import a round's respondents from ``answers`` (csv, xlsx, ods or .sav) and ``codebook``.

    ``answers`` and ``codebook`` are bytes, a path or an open (uploaded) file; the
    codebook is optional only beside a .sav without multi or profiel questions.
    Anything wrong is in ``summary.errors`` with file, row, column and reason, and
    nothing is stored; so too with ``dry_run``, which returns what would be stored
    (the preview). ``progress(phase, done, total)`` is called with the phases lezen,
    controleren, berekenen and opslaan (the last inside the transaction).
    """
    report = progress or (lambda phase, done, total: None)
    summary = RespondentImportSummary(dry_run=dry_run, survey=survey)
    issues = Issues()
    book, data = _read(answers, codebook, issues, report)
    if issues:
        return _refused(summary, issues)
    report(COMPUTING, 0, len(book.questions))
    figures = compute(
        book,
        data,
        min_group=min_group_size(),
        progress=lambda done, total: report(COMPUTING, done, total),
    )
    plan = _plan(survey, book, data, figures)
    _describe(summary, plan)
    if dry_run:
        return summary
    try:
        with transaction.atomic():
            apply_plan(plan, summary, report)
            invalidate()
            _announce_on_commit(survey, summary.changed_question_ids)
    except (IntegrityError, DatabaseError):
        logger.exception("Import of respondents failed in the database")
        issues = Issues()
        issues.add(
            _(
                "het opslaan is mislukt door een fout in de database of een gelijktijdige "
                "wijziging; er is niets opgeslagen en de vorige gegevens zijn ongewijzigd. "
                "Probeer het opnieuw"
            ),
            file=ANSWERS,
        )
        return _refused(RespondentImportSummary(dry_run=dry_run, survey=survey), issues)
    return summary


# --- reading -------------------------------------------------------------------------


def _bytes(source) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    if hasattr(source, "seek"):
        source.seek(0)
    data = source.read()
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _read(answers, codebook, issues: Issues, report) -> tuple[Codebook, Answers]:
    report(READING, 0, 1)
    empty = Codebook(questions=[]), Answers([], [], [], None)
    try:
        code_table = (
            read_table(_bytes(codebook), merge_harmless=CODEBOOK_MERGE_HARMLESS)
            if codebook is not None
            else None
        )
    except SpreadsheetError as error:
        issues.fail(str(error).rstrip("."), file=CODEBOOK)
        return empty
    data = _bytes(answers)
    try:
        if is_sav(data):
            book, table = read_sav(data, code_table, issues)
        else:
            if code_table is None:
                issues.add(
                    _(
                        "er is geen codeboek; alleen bij een SPSS-bestand mag dat ontbreken"
                    ),
                    file=CODEBOOK,
                )
                return empty
            book = finish(read_codebook(code_table, issues), issues)
            if issues:
                return empty
            table = read_table(data)
    except SpreadsheetError as error:
        issues.fail(str(error).rstrip("."), file=ANSWERS)
        return empty
    if issues:
        return empty
    report(READING, 1, 1)
    try:
        parsed = read_answers(
            table,
            book,
            issues,
            progress=lambda done, total: report(CHECKING, done, total),
        )
    except SpreadsheetError as error:
        issues.fail(str(error).rstrip("."), file=ANSWERS)
        return empty
    return book, parsed


def _refused(
    summary: RespondentImportSummary, issues: Issues
) -> RespondentImportSummary:
    summary.errors = list(issues.kept)
    summary.error_count = issues.count
    return summary


# --- planning ------------------------------------------------------------------------


@dataclass
class _Plan:
    survey: Survey
    codebook: Codebook
    answers: Answers
    figures: list[QuestionFigures]
    existing: dict[str, Question]
    removed: list[Question]
    old_figures: dict[int, set]  # question id → its results as comparable tuples
    segments: dict[str, Segment]  # every segment the round uses, by name
    is_weighted: bool
    effective_respondents: float
    changed_codes: set[str] = field(default_factory=set)


def _plan(survey, book: Codebook, data: Answers, figures) -> _Plan:
    existing = {q.code: q for q in Question.objects.filter(survey=survey)}
    codes = {question.code for question in book.questions}
    old_figures: dict[int, set] = {}
    for row in Result.objects.filter(option__question__survey=survey).values_list(
        "option__question_id",
        "option__label",
        "option__value",
        "segment__name",
        "percentage",
        "count",
        "is_suppressed",
        "n",
        "interval_low",
        "interval_high",
        "difference",
    ):
        old_figures.setdefault(row[0], set()).add(row[1:])
    options_by_question: dict[int, set] = {}
    for question_id, label, value, order in AnswerOption.objects.filter(
        question__survey=survey
    ).values_list("question_id", "label", "value", "order"):
        options_by_question.setdefault(question_id, set()).add((label, value, order))
    keys = segment_keys(book)
    segments = {
        s.name: s for s in Segment.objects.filter(name__in=[k.name for k in keys])
    }
    weights = data.weights
    plan = _Plan(
        survey=survey,
        codebook=book,
        answers=data,
        figures=figures,
        existing=existing,
        removed=[q for code, q in existing.items() if code not in codes],
        old_figures=old_figures,
        segments=segments,
        is_weighted=weights is not None,
        effective_respondents=(
            effective_n(weights) if weights is not None else float(data.count)
        ),
    )
    for question, question_figures in zip(book.questions, figures, strict=True):
        old = existing.get(question.code)
        new_options = {(o.label, o.value, o.order) for o in question.options}
        if (
            old is None
            or (old.text, old.type) != (question.text, question.type)
            or options_by_question.get(old.pk, set()) != new_options
            or old_figures.get(old.pk, set()) != _comparable(question, question_figures)
        ):
            plan.changed_codes.add(question.code)
    return plan


def _comparable(question, figures: QuestionFigures) -> set:
    """The question's new results in the form of ``_plan``'s ``old_figures``."""
    rows = set()
    for segment in figures.segments:
        for option, figure in zip(question.options, segment.figures, strict=True):
            rows.add(
                (
                    option.label,
                    option.value,
                    segment.segment.name,
                    figure.percentage,
                    figure.count,
                    segment.is_suppressed,
                    segment.n,
                    figure.low,
                    figure.high,
                    figure.difference,
                )
            )
    return rows


def _describe(summary: RespondentImportSummary, plan: _Plan) -> None:
    book = plan.codebook
    summary.respondents = plan.answers.count
    summary.questions = len(book.questions)
    summary.profile_questions = len(book.profiles)
    summary.options = sum(len(q.options) for q in book.questions)
    summary.segments = len(segment_keys(book))
    summary.is_weighted = plan.is_weighted
    summary.effective_respondents = plan.effective_respondents
    summary.new_questions = [
        q.code for q in book.questions if q.code not in plan.existing
    ]
    summary.removed_questions = [q.code for q in plan.removed]
    summary.changed_codes = [
        q.code for q in book.questions if q.code in plan.changed_codes
    ]
    summary.changed_codes += summary.removed_questions
    for question, figures in zip(book.questions, plan.figures, strict=True):
        for segment in figures.segments:
            summary.results += len(segment.figures)
            if segment.is_suppressed:
                summary.suppressed += len(segment.figures)
        total = figures.segments[0]
        summary.totals.append(
            QuestionTotal(
                code=question.code,
                text=question.text,
                type=question.type,
                n=total.n or 0,
                is_suppressed=total.is_suppressed,
                answers=tuple(
                    AnswerTotal(option.label, figure.percentage, figure.count)
                    for option, figure in zip(
                        question.options, total.figures, strict=True
                    )
                ),
            )
        )


def _announce_on_commit(survey: Survey, question_ids: set[int]) -> None:
    if not question_ids:
        return
    survey_ids, question_ids = {survey.pk}, set(question_ids)
    transaction.on_commit(
        lambda: survey_data_changed.send(
            sender=Survey, survey_ids=survey_ids, question_ids=question_ids
        )
    )


__all__ = ["ImportIssue", "PROFIEL", "import_respondents"]
