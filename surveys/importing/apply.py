"""Applying a plan: every write of an import, in one transaction, in bulk.

Bulk writes send no model signals, so the apply invalidates the survey pages and, once
the transaction is committed, sends ``survey_data_changed`` with the questions changed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection, transaction

from ambtenarenpanel.caching import invalidate
from surveys.models import AnswerOption, Question, Result, Segment, Survey
from surveys.signals import survey_data_changed

from .plan import ImportPlan

BATCH_SIZE = 1000


@transaction.atomic
def apply_plan(plan: ImportPlan, progress: Callable) -> set[int]:
    """Store ``plan``; returns the primary keys of the questions it changed."""
    total = plan.writes
    done = 0
    progress("opslaan", done, total)
    _create_segments(plan.new_segments)
    _delete_in_batches(AnswerOption.objects, plan.removed_option_ids)
    _delete_in_batches(Result.objects, plan.removed_result_ids)
    done += len(plan.removed_option_ids) + len(plan.removed_result_ids)
    Question.objects.bulk_create(plan.new_questions, batch_size=BATCH_SIZE)
    Question.objects.bulk_update(
        plan.changed_questions, ["text", "type"], batch_size=BATCH_SIZE
    )
    for option in plan.new_options:
        option.question_id = option.question.pk
    AnswerOption.objects.bulk_create(plan.new_options, batch_size=BATCH_SIZE)
    AnswerOption.objects.bulk_update(
        plan.changed_options, ["order"], batch_size=BATCH_SIZE
    )
    for start in range(0, len(plan.new_results), BATCH_SIZE):
        batch = plan.new_results[start : start + BATCH_SIZE]
        Result.objects.bulk_create(
            [
                Result(
                    option_id=option.pk,
                    segment_id=segment.pk,
                    percentage=row.percentage,
                    count=row.count,
                )
                for row, option, segment in batch
            ]
        )
        done += len(batch)
        progress("opslaan", done, total)
    for start in range(0, len(plan.changed_results), BATCH_SIZE):
        batch = plan.changed_results[start : start + BATCH_SIZE]
        _update_results(batch)
        done += len(batch)
        progress("opslaan", done, total)

    changed = {q.pk for q in plan.changed_question_objects} | plan.shrunk_question_ids
    invalidate()
    _announce_on_commit({s.pk for s in plan.summary.surveys}, changed)
    return changed


def _create_segments(segments: list[Segment]) -> None:
    """Create the plan's new segments and give the plan's objects their keys.

    Another import may create the same segment at the same moment: the name is unique,
    so the conflict is ignored and the stored segment's key is used.
    """
    if not segments:
        return
    Segment.objects.bulk_create(segments, ignore_conflicts=True)
    keys = dict(
        Segment.objects.filter(name__in=[s.name for s in segments]).values_list(
            "name", "pk"
        )
    )
    for segment in segments:
        segment.pk = keys[segment.name]


def _announce_on_commit(survey_ids: set[int], question_ids: set[int]) -> None:
    if not question_ids:
        return
    transaction.on_commit(
        lambda: survey_data_changed.send(
            sender=Survey, survey_ids=survey_ids, question_ids=question_ids
        )
    )


def _delete_in_batches(manager, pks: list[int]) -> None:
    for start in range(0, len(pks), BATCH_SIZE):
        manager.filter(pk__in=pks[start : start + BATCH_SIZE]).delete()


def _update_results(changes: list[tuple]) -> None:
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
                    Result(pk=pk, percentage=percentage, count=count)
                    for pk, percentage, count in changes[start : start + BATCH_SIZE]
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
            for change in part:
                params += change
            cursor.execute(
                statement.format(values=", ".join([row_sql] * len(part))), params
            )


def _joins_values() -> bool:
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version_info >= (3, 33)
    return connection.vendor == "postgresql"
