"""Storing a planned import: one transaction that replaces the round whole (see service.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from surveys.models import AnswerOption, Question, Respondent, Result, Segment, Survey

from .answers import MISSING, Answers
from .codebook import Codebook
from .compute import TOTAL, segment_keys

if TYPE_CHECKING:
    from .service import _Plan
    from .summary import RespondentImportSummary

STORING = "opslaan"
BATCH_SIZE = 1000


def apply_plan(plan: _Plan, summary: RespondentImportSummary, report) -> None:
    survey = Survey.objects.select_for_update().get(pk=plan.survey.pk)
    book = plan.codebook
    total = summary.results + plan.answers.count
    report(STORING, 0, total)
    removed_ids = {q.pk for q in plan.removed}
    if removed_ids:
        Result.objects.filter(option__question_id__in=removed_ids).delete()
        Question.objects.filter(pk__in=removed_ids).delete()
    questions = _store_questions(survey, book, plan.existing)
    options = _store_options(book, questions)
    segments = _store_segments(book, plan.segments)

    Result.objects.filter(option__question__survey=survey).delete()
    stored = 0
    batch: list[Result] = []
    for question, figures in zip(book.questions, plan.figures, strict=True):
        for segment in figures.segments:
            segment_id = segments[segment.segment.name].pk
            for option, figure in zip(
                options[question.code], segment.figures, strict=True
            ):
                batch.append(
                    Result(
                        option_id=option.pk,
                        segment_id=segment_id,
                        percentage=figure.percentage,
                        count=figure.count,
                        is_suppressed=segment.is_suppressed,
                        n=segment.n,
                        n_effective=segment.n_effective,
                        interval_low=figure.low,
                        interval_high=figure.high,
                        difference=figure.difference,
                    )
                )
        if len(batch) >= BATCH_SIZE:
            Result.objects.bulk_create(batch)
            stored += len(batch)
            batch = []
            report(STORING, stored, total)
    Result.objects.bulk_create(batch)
    stored += len(batch)
    report(STORING, stored, total)

    Respondent.objects.filter(survey=survey).delete()
    for start, rows in _respondent_batches(survey, book, plan.answers):
        Respondent.objects.bulk_create(rows)
        report(STORING, stored + start + len(rows), total)

    survey.respondents = plan.answers.count
    survey.computed_at = timezone.now()
    survey.is_weighted = plan.is_weighted
    survey.effective_respondents = round(plan.effective_respondents, 2)
    survey.save(
        update_fields=[
            "respondents",
            "computed_at",
            "is_weighted",
            "effective_respondents",
        ]
    )
    summary.changed_question_ids = {
        questions[code].pk for code in plan.changed_codes
    } | removed_ids


def _store_questions(survey, book: Codebook, existing) -> dict[str, Question]:
    questions, new, changed = {}, [], []
    for order, item in enumerate(book.questions, start=1):
        question = existing.get(item.code)
        if question is None:
            question = Question(
                survey=survey,
                code=item.code,
                text=item.text,
                type=item.type,
                order=order,
            )
            new.append(question)
        elif (question.text, question.type, question.order) != (
            item.text,
            item.type,
            order,
        ):
            question.text, question.type, question.order = item.text, item.type, order
            changed.append(question)
        questions[item.code] = question
    Question.objects.bulk_create(new)
    Question.objects.bulk_update(changed, ["text", "type", "order"])
    return questions


def _store_options(book: Codebook, questions) -> dict[str, list[AnswerOption]]:
    ids = [questions[item.code].pk for item in book.questions]
    existing: dict[tuple[int, str], AnswerOption] = {
        (o.question_id, o.label): o
        for o in AnswerOption.objects.filter(question_id__in=ids)
    }
    kept, new, changed = set(), [], []
    options: dict[str, list[AnswerOption]] = {}
    for item in book.questions:
        question = questions[item.code]
        options[item.code] = []
        for codebook_option in item.options:
            option = existing.get((question.pk, codebook_option.label))
            if option is None:
                option = AnswerOption(
                    question=question,
                    label=codebook_option.label,
                    value=codebook_option.value,
                    order=codebook_option.order,
                )
                new.append(option)
            else:
                kept.add(option.pk)
                if (option.value, option.order) != (
                    codebook_option.value,
                    codebook_option.order,
                ):
                    option.value, option.order = (
                        codebook_option.value,
                        codebook_option.order,
                    )
                    changed.append(option)
            options[item.code].append(option)
    gone = [o.pk for o in existing.values() if o.pk not in kept]
    if gone:
        Result.objects.filter(option_id__in=gone).delete()
        AnswerOption.objects.filter(pk__in=gone).delete()
    AnswerOption.objects.bulk_create(new)
    AnswerOption.objects.bulk_update(changed, ["value", "order"])
    return options


def _store_segments(book: Codebook, found: dict[str, Segment]) -> dict[str, Segment]:
    """Totaal and "<groep>: <label>" for every profile value; new ones in codebook order."""
    keys = segment_keys(book)
    top = max(Segment.objects.values_list("order", flat=True), default=0)
    new, regrouped = [], []
    for key in keys:
        segment = found.get(key.name)
        if segment is None:
            order = 0 if key.name == TOTAL else top + key.order
            new.append(Segment(name=key.name, group=key.group, order=order))
        elif segment.group != key.group and key.group:
            segment.group = key.group
            regrouped.append(segment)
    # Another import may create the same segment at the same moment.
    Segment.objects.bulk_create(new, ignore_conflicts=True)
    Segment.objects.bulk_update(regrouped, ["group"])
    return {s.name: s for s in Segment.objects.filter(name__in=[k.name for k in keys])}


def _respondent_batches(survey, book: Codebook, data: Answers):
    columns = []
    for index, question in enumerate(book.questions):
        values = [option.value for option in question.options]
        codes = data.codes[index]
        columns.append((question.code, values, codes.tolist(), codes.ndim == 2))
    weights = data.weights.tolist() if data.weights is not None else None
    batch = []
    start = 0
    for row, identifier in enumerate(data.identifiers):
        answers = {}
        for code, values, codes, is_multi in columns:
            value = codes[row]
            if is_multi:
                if any(value):
                    answers[code] = [
                        v for v, chosen in zip(values, value, strict=True) if chosen
                    ]
            elif value != MISSING:
                answers[code] = values[value]
        batch.append(
            Respondent(
                survey_id=survey.pk,
                identifier=identifier,
                weight=weights[row] if weights is not None else None,
                answers=answers,
            )
        )
        if len(batch) == BATCH_SIZE:
            yield start, batch
            start += len(batch)
            batch = []
    if batch:
        yield start, batch
