"""What a respondent import reports: every reason to refuse, and what it computed.

``ImportIssue`` names the file, row and column of one problem; ``Issues`` collects them
(keeping the first ``KEPT_ERRORS`` and counting the rest: a file of a million wrong
cells must not make a million messages). ``RespondentImportSummary`` is what the
command prints, and what the admin preview and the background runner show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

#: Issues kept with their message; more are counted only.
KEPT_ERRORS = 500

CODEBOOK = "codeboek"
ANSWERS = "antwoorden"


@dataclass(frozen=True)
class ImportIssue:
    """One reason to refuse: ``file`` is ``codeboek`` or ``antwoorden``; row 1 is the header."""

    reason: str
    file: str = ANSWERS
    row: int | None = None
    column: str = ""

    @property
    def message(self) -> str:
        where = [_("Codeboek") if self.file == CODEBOOK else _("Antwoorden")]
        if self.row is not None:
            where.append(_("rij %(row)d") % {"row": self.row})
        if self.column:
            where.append(_("kolom ‘%(column)s’") % {"column": self.column})
        return f"{', '.join(where)}: {self.reason}."

    def __str__(self) -> str:
        return self.message


class Issues:
    """The issues of one import, in the order found."""

    def __init__(self) -> None:
        self.kept: list[ImportIssue] = []
        self.count = 0

    def add(
        self,
        reason: str,
        *,
        file: str = ANSWERS,
        row: int | None = None,
        column: str = "",
    ):
        self.count += 1
        if len(self.kept) < KEPT_ERRORS:
            self.kept.append(ImportIssue(reason, file=file, row=row, column=column))

    def fail(self, reason: str, *, file: str = ANSWERS) -> None:
        """The reason reading stopped: kept first, even when the list is full."""
        self.count += 1
        self.kept.insert(0, ImportIssue(reason, file=file))

    def __bool__(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class AnswerTotal:
    """One answer of a question in segment Totaal, as the preview shows it."""

    label: str
    percentage: Decimal | None
    count: int | None


@dataclass(frozen=True)
class QuestionTotal:
    """A question with its n and its Totaal figures (None: suppressed)."""

    code: str
    text: str
    type: str
    n: int
    is_suppressed: bool
    answers: tuple[AnswerTotal, ...]


@dataclass
class RespondentImportSummary:
    """What an import found and did; nothing is stored when ``errors`` is not empty.

    ``errors`` holds the first ``KEPT_ERRORS`` issues, ``error_count`` all of them.
    """

    dry_run: bool
    survey: object = None
    errors: list[ImportIssue] = field(default_factory=list)
    error_count: int = 0
    respondents: int = 0
    questions: int = 0
    profile_questions: int = 0
    options: int = 0
    segments: int = 0
    results: int = 0
    suppressed: int = 0
    is_weighted: bool = False
    effective_respondents: float | None = None
    totals: list[QuestionTotal] = field(default_factory=list)
    new_questions: list[str] = field(default_factory=list)
    removed_questions: list[str] = field(default_factory=list)
    #: Codes of the questions whose text, answers or figures the import changes (also
    #: in a dry run); empty when the files give exactly what is stored.
    changed_codes: list[str] = field(default_factory=list)
    #: The questions whose text, answers or figures changed (after storing).
    changed_question_ids: set[int] = field(default_factory=set)

    @property
    def is_valid(self) -> bool:
        return not self.error_count

    @property
    def more_errors(self) -> int:
        return max(0, self.error_count - len(self.errors))

    def __str__(self) -> str:
        """One line, e.g. "1200 respondenten, 12 vragen (3 profielvragen), 980 resultaten, gewogen"."""
        if self.error_count:
            return ngettext(
                "%(count)d fout gevonden; er is niets opgeslagen.",
                "%(count)d fouten gevonden; er is niets opgeslagen.",
                self.error_count,
            ) % {"count": self.error_count}
        parts = [
            ngettext("%(count)d respondent", "%(count)d respondenten", self.respondents)
            % {"count": self.respondents},
            ngettext("%(count)d vraag", "%(count)d vragen", self.questions)
            % {"count": self.questions}
            + " ("
            + ngettext(
                "%(count)d profielvraag",
                "%(count)d profielvragen",
                self.profile_questions,
            )
            % {"count": self.profile_questions}
            + ")",
            ngettext("%(count)d resultaat", "%(count)d resultaten", self.results)
            % {"count": self.results},
            ngettext(
                "%(count)d onderdrukt (te weinig respondenten)",
                "%(count)d onderdrukt (te weinig respondenten)",
                self.suppressed,
            )
            % {"count": self.suppressed},
        ]
        if self.is_weighted:
            parts.append(
                _("gewogen (effectieve n %(n)s)")
                % {"n": number_format(round(self.effective_respondents or 0, 1))}
            )
        else:
            parts.append(_("ongewogen"))
        return ", ".join(parts)
