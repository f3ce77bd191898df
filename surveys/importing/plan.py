"""Planning an import: what it creates, changes and deletes, from the checked rows and
what is stored. Reads the database, writes nothing: a dry run is this plan alone.

What a plan does, per question in the file:

- the question is created, or its text and type updated; a new question's order
  follows its first appearance in the file, an existing question keeps its order
  (change it in the admin), so that re-importing an export changes nothing;
- the file is the complete set of answers of that question: options are created or
  their order updated (``volgorde``, else their first appearance), options no longer
  in the file are deleted with their results, and results of segments no longer in the
  file are deleted (counted as ``removed``);
- questions of the round that are not in the file are left alone, so that one question
  can be corrected with a file of its own.

Segments are matched by name, case-insensitively; new ones are planned, and created
when the plan is applied. The queries are a constant number, whatever the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max
from django.utils.translation import gettext as _

from surveys.models import TOTAL_SEGMENT, AnswerOption, Question, Result, Segment

from .check import QuestionRows, Row
from .format import PREVIEW_ROW_LIMIT
from .summary import (
    NEW,
    REMOVED,
    STATUS_ORDER,
    UNCHANGED,
    UPDATED,
    ImportSummary,
    RowOutcome,
)


@dataclass
class ImportPlan:
    """Every write of an import, as unsaved objects and primary keys."""

    summary: ImportSummary
    new_segments: list[Segment] = field(default_factory=list)
    new_questions: list[Question] = field(default_factory=list)
    changed_questions: list[Question] = field(default_factory=list)
    new_options: list[AnswerOption] = field(default_factory=list)
    changed_options: list[AnswerOption] = field(default_factory=list)
    #: (row, option, segment): the option and segment may still wait for their keys.
    new_results: list[tuple[Row, AnswerOption, Segment]] = field(default_factory=list)
    #: (result pk, percentage, count)
    changed_results: list[tuple[int, Decimal, int | None]] = field(default_factory=list)
    removed_option_ids: list[int] = field(default_factory=list)
    #: Results of kept options in segments no longer in the file.
    removed_result_ids: list[int] = field(default_factory=list)
    #: Questions whose text, answers or figures change (new ones get their key on apply).
    changed_question_objects: list[Question] = field(default_factory=list)
    #: Existing questions that lose answers or results.
    shrunk_question_ids: set[int] = field(default_factory=set)

    @property
    def writes(self) -> int:
        return (
            len(self.new_results)
            + len(self.changed_results)
            + len(self.removed_option_ids)
            + len(self.removed_result_ids)
        )


class _Stored:
    """What is stored for the rounds of the file, in a handful of queries."""

    def __init__(self, questions: list[QuestionRows]):
        surveys = {plan.survey.pk for plan in questions}
        self.questions = {
            (q.survey_id, q.code): q
            for q in Question.objects.filter(survey_id__in=surveys)
        }
        self.max_order = dict(
            Question.objects.filter(survey_id__in=surveys)
            .values("survey")
            .annotate(top=Max("order"))
            .values_list("survey", "top")
        )
        imported = {
            self.questions[key].pk
            for key in ((p.survey.pk, p.code) for p in questions)
            if key in self.questions
        }
        self.options: dict[tuple[int, str], AnswerOption] = {}
        for option in AnswerOption.objects.filter(question_id__in=imported).only(
            "id", "question_id", "label", "order"
        ):
            self.options[(option.question_id, option.label)] = option
        option_ids = {option.pk for option in self.options.values()}
        self.results: dict[tuple[int, int], tuple[int, Decimal, int | None]] = {}
        for pk, option_id, segment_id, percentage, count in Result.objects.filter(
            option__question__survey_id__in=surveys
        ).values_list("id", "option_id", "segment_id", "percentage", "count"):
            if option_id in option_ids:
                self.results[(option_id, segment_id)] = (pk, percentage, count)
        self.segments = {s.name.casefold(): s for s in Segment.objects.all()}


def make_plan(
    questions: list[QuestionRows], *, source: str, dry_run: bool
) -> ImportPlan:
    summary = ImportSummary(dry_run=dry_run, source=source)
    plan = ImportPlan(summary=summary)
    surveys = {q.survey.pk: q.survey for q in questions}
    summary.surveys = sorted(surveys.values(), key=lambda s: s.slug)
    stored = _Stored(questions)
    segments = _plan_segments(questions, stored.segments, plan)
    segment_names = {s.pk: s.name for s in stored.segments.values()}
    segment_keys = {s.name: s.pk for s in segments.values()}

    total_rows = sum(len(q.rows) for q in questions)
    keep_all = total_rows <= PREVIEW_ROW_LIMIT
    outcomes: list[RowOutcome] = []
    counters = {NEW: 0, UPDATED: 0, UNCHANGED: 0}
    kept_options: set[int] = set()
    kept_results: set[int] = set()
    next_order = {pk: (top or 0) for pk, top in stored.max_order.items()}

    for entry in questions:
        question = stored.questions.get((entry.survey.pk, entry.code))
        question_changes: tuple[str, ...] = ()
        if question is None:
            next_order[entry.survey.pk] = next_order.get(entry.survey.pk, 0) + 1
            question = Question(
                survey=entry.survey,
                code=entry.code,
                text=entry.text,
                type=entry.type,
                order=next_order[entry.survey.pk],
            )
            plan.new_questions.append(question)
        elif (question.text, question.type) != (entry.text, entry.type):
            question_changes = _question_changes(question, entry)
            question.text, question.type = entry.text, entry.type
            plan.changed_questions.append(question)

        options: dict[str, AnswerOption] = {}
        option_changes: dict[str, tuple[str, ...]] = {}
        for label, order in _option_orders(entry.rows).items():
            option = stored.options.get((question.pk, label)) if question.pk else None
            option_changes[label] = ()
            if option is None:
                option = AnswerOption(question=question, label=label, order=order)
                plan.new_options.append(option)
            else:
                kept_options.add(option.pk)
                if option.order != order:
                    option_changes[label] = (
                        _("volgorde %(old)d → %(new)d")
                        % {"old": option.order, "new": order},
                    )
                    option.order = order
                    plan.changed_options.append(option)
            options[label] = option
        summary.options += len(options)

        changes_before = counters[NEW] + counters[UPDATED]
        option_keys = {label: option.pk for label, option in options.items()}
        for row in entry.rows:
            option = options[row.label]
            segment = segments[row.segment.casefold()]
            option_pk, segment_pk = option_keys[row.label], segment_keys[segment.name]
            existing = (
                stored.results.get((option_pk, segment_pk))
                if option_pk and segment_pk
                else None
            )
            old = None
            changes = question_changes + option_changes[row.label]
            if existing is None:
                status = NEW
                plan.new_results.append((row, option, segment))
            else:
                pk, percentage, count = existing
                kept_results.add(pk)
                if (percentage, count) != (row.percentage, row.count):
                    plan.changed_results.append((pk, row.percentage, row.count))
                    status, old = UPDATED, (percentage, count)
                elif changes:
                    status, old = UPDATED, (percentage, count)
                else:
                    status = UNCHANGED
            counters[status] += 1
            if keep_all or (status == UPDATED and len(outcomes) < PREVIEW_ROW_LIMIT):
                outcomes.append(
                    RowOutcome(
                        row=row.number,
                        status=status,
                        survey=entry.survey.slug,
                        code=entry.code,
                        label=row.label,
                        segment=segment.name,
                        percentage=row.percentage,
                        count=row.count,
                        old=old,
                        changes=changes,
                    )
                )
        if counters[NEW] + counters[UPDATED] > changes_before:
            plan.changed_question_objects.append(question)

    _plan_removals(plan, stored, kept_options, kept_results, segment_names)
    summary.questions = len(questions)
    summary.results = sum(counters.values())
    summary.new, summary.updated, summary.unchanged = (
        counters[NEW],
        counters[UPDATED],
        counters[UNCHANGED],
    )
    summary.rows = sorted(outcomes, key=lambda o: (STATUS_ORDER[o.status], o.row))
    return plan


def _question_changes(question: Question, entry: QuestionRows) -> tuple[str, ...]:
    changes = []
    if question.text != entry.text:
        changes.append(_("vraagtekst gewijzigd"))
    if question.type != entry.type:
        changes.append(
            _("vraagtype %(old)s → %(new)s") % {"old": question.type, "new": entry.type}
        )
    return tuple(changes)


def _plan_removals(plan, stored: _Stored, kept_options, kept_results, segment_names):
    """Options no longer in the file (with their results), and results of segments no
    longer in the file; the first ``PREVIEW_ROW_LIMIT`` of them for the preview."""
    removed_options = {
        option.pk: option
        for option in stored.options.values()
        if option.pk not in kept_options
    }
    plan.removed_option_ids = list(removed_options)
    plan.shrunk_question_ids.update(o.question_id for o in removed_options.values())
    questions_by_pk = {q.pk: q for q in stored.questions.values()}
    slugs = {survey.pk: survey.slug for survey in plan.summary.surveys}
    options_by_pk = {option.pk: option for option in stored.options.values()}
    removed = 0
    for (option_id, segment_id), (pk, percentage, count) in stored.results.items():
        if pk in kept_results:
            continue
        removed += 1
        option = options_by_pk[option_id]
        plan.shrunk_question_ids.add(option.question_id)
        if option_id not in removed_options:
            plan.removed_result_ids.append(pk)
        if len(plan.summary.removed_rows) < PREVIEW_ROW_LIMIT:
            question = questions_by_pk[option.question_id]
            plan.summary.removed_rows.append(
                RowOutcome(
                    row=None,
                    status=REMOVED,
                    survey=slugs.get(question.survey_id, ""),
                    code=question.code,
                    label=option.label,
                    segment=segment_names.get(segment_id, ""),
                    percentage=percentage,
                    count=count,
                    old=(percentage, count),
                )
            )
    plan.summary.removed = removed


def _option_orders(rows: list[Row]) -> dict[str, int]:
    """Each option's order: its ``volgorde`` if any row gives one, else its first appearance."""
    orders: dict[str, int | None] = {}
    for row in rows:
        if orders.get(row.label) is None:
            orders[row.label] = row.order
    return {
        label: position if order is None else order
        for position, (label, order) in enumerate(orders.items(), start=1)
    }


def _plan_segments(questions, existing: dict[str, Segment], plan: ImportPlan):
    """The file's segments by case-folded name; new ones unsaved, in ``plan.new_segments``."""
    segments = dict(existing)
    top = max((segment.order for segment in segments.values()), default=0)
    for entry in questions:
        for row in entry.rows:
            key = row.segment.casefold()
            if key not in segments:
                is_total = key == TOTAL_SEGMENT.casefold()
                top += 1
                segment = Segment(
                    name=TOTAL_SEGMENT if is_total else row.segment,
                    order=0 if is_total else top,
                )
                segments[key] = segment
                plan.new_segments.append(segment)
    return segments
