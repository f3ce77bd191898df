"""Importing aggregated survey results (PRODUCT.md, "Import format"): read → check → plan → apply.

The admin import (through ``surveys.resources.ResultResource``) and the
``import_results`` command both call :func:`import_results`, so that the rules and the
Dutch messages are the same everywhere.

- reading: ``surveys.spreadsheets.read_sheet`` (typed cells, the visible sheet);
- ``check``: every row, then each question's rows together (``questions``);
- ``plan``: what would be created, changed and deleted; writes nothing;
- ``apply``: the plan in one transaction. A dry run (the admin preview) is the plan.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DatabaseError, IntegrityError, transaction
from django.utils.translation import gettext as _

from surveys.models import Survey
from surveys.spreadsheets import Sheet, SpreadsheetError, read_sheet

from .apply import apply_plan
from .check import check_sheet
from .format import COLUMNS, PREVIEW_ROW_LIMIT, REQUIRED_COLUMNS
from .plan import make_plan
from .summary import ImportIssue, ImportSummary, RowOutcome

__all__ = [
    "COLUMNS",
    "PREVIEW_ROW_LIMIT",
    "REQUIRED_COLUMNS",
    "ImportIssue",
    "ImportSummary",
    "RowOutcome",
    "import_results",
    "read_results_sheet",
]

logger = logging.getLogger(__name__)

#: ``progress(phase, done, total)``: phase "lezen", "controleren" or "opslaan"; ``total``
#: None when unknown (rows of a file still being read).
Progress = Callable[[str, int, "int | None"], None]


def _no_progress(phase: str, done: int, total: int | None) -> None:
    pass


def read_results_sheet(data: bytes) -> Sheet:
    """The sheet of ``data`` that holds the import columns (raises ``SpreadsheetError``)."""
    return read_sheet(data, headers=REQUIRED_COLUMNS)


def import_results(
    *,
    file: bytes | Sheet,
    survey: Survey | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import aggregated results from ``file`` (the bytes of an xlsx, ods or csv file, or
    a sheet from ``read_results_sheet``, which is read once).

    Every row is checked first; if anything is wrong, ``summary.errors`` names each row
    (or question) and the reason, and nothing is stored. Otherwise everything is stored
    in one transaction, unless ``dry_run``, which only reports what would happen.

    ``survey``: when given, every row must belong to that round (an empty ``enquete``
    cell means that round). Rounds are never created: an unknown one is an error.
    ``progress`` is called as the import goes on (see ``Progress``).
    """
    progress = progress or _no_progress
    try:
        sheet = file if isinstance(file, Sheet) else read_results_sheet(file)
    except SpreadsheetError as error:
        return ImportSummary(dry_run=dry_run, errors=[ImportIssue(str(error))])
    try:
        checked = check_sheet(sheet, survey=survey, progress=progress)
    except SpreadsheetError as error:  # the file broke off, or a row cannot be read
        return ImportSummary(
            dry_run=dry_run, errors=[ImportIssue(str(error))], source=sheet.description
        )
    if checked.errors:
        return ImportSummary(
            dry_run=dry_run, errors=checked.errors, source=checked.source
        )
    progress("controleren", 0, len(checked.questions))
    try:
        if dry_run:
            plan = make_plan(checked.questions, source=checked.source, dry_run=True)
            progress("controleren", len(checked.questions), len(checked.questions))
            return plan.summary
        with transaction.atomic():
            # Two imports of one round at the same time would race on its rows.
            ids = {entry.survey.pk for entry in checked.questions}
            list(Survey.objects.select_for_update().filter(pk__in=ids).values("pk"))
            plan = make_plan(checked.questions, source=checked.source, dry_run=False)
            progress("controleren", len(checked.questions), len(checked.questions))
            plan.summary.changed_question_ids = apply_plan(plan, progress)
        return plan.summary
    except IntegrityError:
        return _failed(
            dry_run,
            _(
                "Het opslaan is mislukt omdat dezelfde gegevens tegelijk door iemand "
                "anders zijn gewijzigd. Er is niets opgeslagen; probeer het opnieuw."
            ),
        )
    except DatabaseError:
        # The transaction is rolled back, so the message can promise that; the
        # traceback goes to the log for whoever runs the site.
        logger.exception("Import of survey results failed in the database")
        return _failed(
            dry_run,
            _(
                "Het opslaan is mislukt door een fout in de database. Er is niets "
                "opgeslagen; de vorige resultaten zijn ongewijzigd. Probeer het later "
                "opnieuw."
            ),
        )


def _failed(dry_run: bool, message: str) -> ImportSummary:
    return ImportSummary(dry_run=dry_run, errors=[ImportIssue(message)])
