"""The kinds of background import, and the one place each calls its import service.

``KINDS`` maps ``ImportJob.kind`` to a ``JobKind``; its ``run(job, *, dry_run, progress)``
reads the job's files, calls the service and returns the summary as **plain data**
(JSON-safe, stored in ``ImportJob.summary``) with at least:

- ``"line"``: one sentence saying what the import does or did (or why not), in Dutch;
- ``"errors"``: every reason to refuse the files, each ``{"message", "row", "column"}``
  (``row``/``column`` may be None); nothing is stored when there is any;
- ``"error_count"`` (optional): how many errors there are, when ``errors`` holds only
  the first of them.

The rest is the kind's own, shown by its ``preview_template``. ``progress(phase, done,
total)`` is ``surveys.jobs.progress.Reporter``: the service calls it with the phases "lezen", "controleren", "berekenen", "opslaan";
it raises ``JobCancelled`` to stop the import, which must let it propagate. ``run`` is
called outside any transaction for the check (``dry_run=True``) and inside the apply's
transaction otherwise, so the service's own ``atomic`` is a savepoint of it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from surveys.importing import ImportSummary, import_results, read_results_sheet
from surveys.spreadsheets import SpreadsheetError

from . import files
from .models import ImportJob

Progress = Callable[[str, int, int], None]

#: The job keeps this many errors to show; it counts the rest.
ERRORS_KEPT = 200


class KindUnavailable(Exception):
    """This kind of import cannot run on this site (yet); the message says so, in Dutch."""


@dataclass(frozen=True)
class JobKind:
    label: str
    #: ``run(job, *, dry_run, progress) -> dict``: see the module docstring.
    run: Callable[..., dict]
    #: The roles of the files it reads, as keys of ``ImportJob.files``.
    file_roles: tuple[str, ...]
    preview_template: str


def error(message: str, *, row: int | None = None, column: str | None = None) -> dict:
    return {"message": str(message), "row": row, "column": column}


def refused(message: str) -> dict:
    """The summary of files that cannot be read at all."""
    return {"line": str(message), "errors": [error(message)]}


# --- Aggregated results (surveys.importing.import_results) ---------------------------


def run_results_import(job: ImportJob, *, dry_run: bool, progress: Progress) -> dict:
    progress("lezen", 0, 0)
    try:
        sheet = read_results_sheet(files.read_bytes(job, "file"))
    except SpreadsheetError as problem:
        return refused(str(problem))
    summary = import_results(
        file=sheet, survey=job.survey, dry_run=dry_run, progress=progress
    )
    return results_summary(summary)


def results_summary(summary: ImportSummary) -> dict:
    """The synchronous preview's content (``ImportSummary.preview``), plus the errors."""
    return {
        **summary.preview(),
        "surveys": [
            {"id": survey.pk, "slug": survey.slug, "title": survey.title}
            for survey in summary.surveys
        ],
        "errors": [error(issue.message, row=issue.row) for issue in summary.errors],
    }


# --- Answers per respondent (surveys.respondents, PRODUCT.md "Respondent-level data") --


def run_respondents_import(
    job: ImportJob, *, dry_run: bool, progress: Progress
) -> dict:
    try:
        from surveys.respondents.service import import_respondents
    except ImportError:
        raise KindUnavailable(
            _(
                "Het importeren van antwoorden per respondent is op deze site nog niet "
                "beschikbaar. Er is niets opgeslagen."
            )
        ) from None
    progress("lezen", 0, 0)
    with ExitStack() as stack:
        # Open files named as uploaded: the service tells a .sav by its name.
        answers = stack.enter_context(files.opened(job, "answers"))
        codebook = (
            stack.enter_context(files.opened(job, "codebook"))
            if "codebook" in job.files
            else None
        )
        summary = import_respondents(
            survey=job.survey,
            answers=answers,
            codebook=codebook,
            dry_run=dry_run,
            progress=progress,
        )
    return respondents_summary(summary)


def respondents_summary(summary) -> dict:
    """The service's summary as plain data, for ``_preview_respondents.html``.

    Read from it: ``respondents``, ``questions`` (a count, or the list itself),
    ``totals`` (per question ``code``, ``text``, ``type``, ``n``, ``is_suppressed`` and
    ``answers``: ``label``, ``percentage``), ``errors`` (each with ``message``, ``row``,
    ``column``) and ``error_count`` (all errors, when only the first are kept);
    anything else is kept as it is.
    """
    if hasattr(summary, "as_data"):
        data = summary.as_data()
    elif dataclasses.is_dataclass(summary):
        data = dataclasses.asdict(summary)
    else:
        data = dict(summary)
    data = json.loads(json.dumps(data, cls=_PlainEncoder))
    issues = getattr(summary, "errors", None) or data.get("errors") or []
    data["errors"] = [_plain_error(issue) for issue in issues]
    data["error_count"] = max(data.get("error_count") or 0, len(data["errors"]))
    data["line"] = str(summary)
    questions, totals = data.get("questions"), data.get("totals")
    listed = totals if isinstance(totals, list) else questions
    data["question_list"] = listed if isinstance(listed, list) else []
    for question in data["question_list"]:
        question.setdefault("answers", question.get("totals") or [])
    data["question_count"] = (
        len(questions) if isinstance(questions, list) else questions
    )
    return data


def _plain_error(issue) -> dict:
    if isinstance(issue, dict):
        return error(
            issue.get("message", ""), row=issue.get("row"), column=issue.get("column")
        )
    return error(
        getattr(issue, "message", issue),
        row=getattr(issue, "row", None),
        column=getattr(issue, "column", None) or None,
    )


class _PlainEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, set | frozenset):
            return sorted(o, key=str)
        try:
            return super().default(o)
        except TypeError:
            return str(o)


KINDS: dict[str, JobKind] = {
    ImportJob.Kind.RESULTS: JobKind(
        label=gettext_lazy("Resultaten (percentages per segment)"),
        run=run_results_import,
        file_roles=("file",),
        preview_template="admin/jobs/importjob/_preview_results.html",
    ),
    ImportJob.Kind.RESPONDENTS: JobKind(
        label=gettext_lazy("Antwoorden per respondent"),
        run=run_respondents_import,
        file_roles=("answers", "codebook"),
        preview_template="admin/jobs/importjob/_preview_respondents.html",
    ),
}
