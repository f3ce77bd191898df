"""What an import found and would do (or did): the result the admin and the command report."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from surveys.models import Survey

from .format import PREVIEW_ERROR_LIMIT, PREVIEW_ROW_LIMIT

NEW = "new"
UPDATED = "updated"
UNCHANGED = "unchanged"
REMOVED = "removed"
#: The preview lists what changes first.
STATUS_ORDER = {UPDATED: 0, NEW: 1, UNCHANGED: 2, REMOVED: 3}


@dataclass(frozen=True)
class ImportIssue:
    """One reason to refuse the file: ``row`` is the spreadsheet row (header = 1), if any."""

    message: str
    row: int | None = None

    def __str__(self) -> str:
        return self.message


def show_number(value: Decimal | int | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, Decimal):
        value = value.normalize()
    return number_format(value, use_l10n=True)


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What importing one row of the file does (or did); a ``REMOVED`` row is one stored
    result that is not in the file any more (``row`` None).

    ``old``: the stored percentage and count before, for an updated or removed row;
    ``changes``: what else changes, e.g. "vraagtekst gewijzigd".
    """

    row: int | None
    status: str
    survey: str
    code: str
    label: str
    segment: str
    percentage: Decimal
    count: int | None
    old: tuple[Decimal, int | None] | None = None
    changes: tuple[str, ...] = ()

    @property
    def percentage_display(self) -> str:
        return self._display(0, self.percentage)

    @property
    def count_display(self) -> str:
        return self._display(1, self.count)

    def _display(self, index: int, new) -> str:
        if self.status == REMOVED or self.old is None or self.old[index] == new:
            value = self.old[index] if self.status == REMOVED else new
            return "" if value is None else show_number(value)
        return f"{show_number(self.old[index])} → {show_number(new)}"


@dataclass
class ImportSummary:
    """What an import found and did. Nothing is stored when ``errors`` is not empty."""

    dry_run: bool
    errors: list[ImportIssue] = field(default_factory=list)
    #: Which sheet was read, e.g. "werkblad ‘Resultaten’".
    source: str = ""
    questions: int = 0
    options: int = 0
    results: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    surveys: list[Survey] = field(default_factory=list)
    #: The rows for the preview, what changes first: every row of a file of at most
    #: ``PREVIEW_ROW_LIMIT`` rows, else the first ``PREVIEW_ROW_LIMIT`` updated ones.
    rows: list[RowOutcome] = field(default_factory=list)
    #: Stored results the import deletes (at most ``PREVIEW_ROW_LIMIT``).
    removed_rows: list[RowOutcome] = field(default_factory=list)
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

    @property
    def more_removed(self) -> int:
        return max(0, self.removed - len(self.removed_rows))

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

    def report(self) -> str:
        """The command's line: which sheet was read, then ``str(self)``."""
        if not self.source:
            return str(self)
        return _("Gelezen: %(source)s. %(summary)s") % {
            "source": self.source,
            "summary": self,
        }

    def preview(self) -> dict:
        """What the preview shows, as plain data (a background job keeps it as JSON):
        templates/admin/surveys/result/_import_summary.html."""
        return {
            "line": str(self),
            "source": self.source,
            "questions": self.questions,
            "options": self.options,
            "results": self.results,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "shows_rows": self.shows_rows,
            "row_limit": PREVIEW_ROW_LIMIT,
            "rows": [_row_data(row) for row in self.rows],
            "removed_rows": [_row_data(row) for row in self.removed_rows],
            "more_removed": self.more_removed,
        }


def _row_data(row: RowOutcome) -> dict:
    return {
        "row": row.row,
        "status": row.status,
        "survey": row.survey,
        "code": row.code,
        "label": row.label,
        "segment": row.segment,
        "percentage_display": row.percentage_display,
        "count_display": row.count_display,
        "changes": list(row.changes),
    }
