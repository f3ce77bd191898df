"""The codebook: which questions a round has, of which type, and what each answer code means.

Headers (case- and accent-insensitive): ``vraagcode, vraag, vraagtype, waarde, label``
and optionally ``volgorde`` (the answer's order) and ``groep`` (the short name of a
``profiel`` question in segment names, e.g. ``Organisatie`` in "Organisatie: Gemeente";
by default the code, capitalised). One row per answer value; the question's text and
type may be given on its first row only. Questions keep the order of the file.

``read_codebook()`` groups the rows into ``DraftQuestion``s (``surveys.respondents.sav``
completes those from an SPSS file's labels); ``codebook_check.finish()`` checks them and
returns the ``Codebook``, every problem in ``issues`` with its row and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .sheets import Table, cell_text, normalize_header
from .summary import CODEBOOK, Issues

COLUMNS = ("vraagcode", "vraag", "vraagtype", "waarde", "label", "volgorde", "groep")
REQUIRED_COLUMNS = COLUMNS[:5]
SINGLE, MULTI, PROFIEL = "single", "multi", "profiel"
TYPES = (SINGLE, MULTI, PROFIEL)
#: Column names of the answers file that no question may take.
RESERVED = ("respondent", "gewicht")
CODE_PATTERN = re.compile(r"^[-a-zA-Z0-9_]+$")
MAX_CODE, MAX_VALUE, MAX_LABEL, MAX_SEGMENT = 50, 50, 300, 100
FORMULA_PREFIXES = ("=", "+", "-", "@")


@dataclass
class Option:
    value: str
    label: str
    order: int


@dataclass
class CodebookQuestion:
    code: str
    text: str
    type: str
    options: list[Option]
    group: str = ""  # profiel: the name before the colon in its segments

    @property
    def is_multi(self) -> bool:
        return self.type == MULTI

    def column(self, option: Option) -> str:
        """The answers file's column of a multi option: ``<vraagcode>_<waarde>``."""
        return f"{self.code}_{option.value}"

    def segment_name(self, option: Option) -> str:
        return f"{self.group}: {option.label}"


@dataclass
class Codebook:
    questions: list[CodebookQuestion]

    @property
    def profiles(self) -> list[CodebookQuestion]:
        return [question for question in self.questions if question.type == PROFIEL]


@dataclass
class DraftOption:
    value: str
    label: str
    order: int | None
    row: int | None


@dataclass
class DraftQuestion:
    """A question as the codebook rows give it, before it is checked."""

    code: str
    row: int | None  # its first row in the codebook, None when it comes from a .sav
    text: str = ""
    type: str = ""
    group: str = ""
    options: list[DraftOption] = field(default_factory=list)
    texts: dict[str, int | None] = field(default_factory=dict)
    types: dict[str, int | None] = field(default_factory=dict)
    #: Where messages about it point: the codebook, or the answers file (a .sav).
    file: str = CODEBOOK


def read_codebook(table: Table, issues: Issues) -> list[DraftQuestion]:
    """The codebook's rows grouped by question, in the order of the file."""
    columns = _map_columns(table.headers, issues)
    if issues:
        return []
    drafts: dict[str, DraftQuestion] = {}
    seen_rows = False
    for number, cells in table.rows:
        seen_rows = True
        values = {
            name: cell_text(cells[index]) if index < len(cells) else ""
            for name, index in columns.items()
        }
        _read_row(number, values, drafts, issues)
    if not seen_rows:
        issues.add(codebook_empty(), file=CODEBOOK)
    return list(drafts.values())


def codebook_empty() -> str:
    return _(
        "het codeboek is leeg: zet de kolomkoppen in de eerste rij en daaronder één "
        "rij per antwoordwaarde per vraag"
    )


def _map_columns(headers: list, issues: Issues) -> dict[str, int]:
    columns: dict[str, int] = {}
    if not headers or all(cell_text(header) == "" for header in headers):
        issues.add(codebook_empty(), file=CODEBOOK)
        return columns
    for index, header in enumerate(headers):
        name = normalize_header(header)
        if name in COLUMNS:
            if name in columns:
                issues.add(
                    _("de kolom staat twee keer in het codeboek"),
                    file=CODEBOOK,
                    row=1,
                    column=name,
                )
            columns[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        issues.add(
            _("verplichte kolommen ontbreken: %(missing)s (nodig: %(required)s)")
            % {"missing": ", ".join(missing), "required": ", ".join(REQUIRED_COLUMNS)},
            file=CODEBOOK,
            row=1,
        )
    return columns


def _read_row(number: int, values: dict[str, str], drafts, issues: Issues) -> None:
    code = values["vraagcode"]
    if code == "":
        issues.add(
            _("de vraagcode is leeg"), file=CODEBOOK, row=number, column="vraagcode"
        )
        return
    if code not in drafts:
        drafts[code] = DraftQuestion(code=code, row=number)
    draft = drafts[code]
    kind = values["vraagtype"].lower()
    if kind:
        draft.types.setdefault(kind, number)
    if values["vraag"]:
        draft.texts.setdefault(values["vraag"], number)
    if values.get("groep") and not draft.group:
        draft.group = values["groep"]
    order = None
    raw_order = values.get("volgorde", "")
    if raw_order:
        if raw_order.isascii() and raw_order.isdigit():
            order = int(raw_order)
        else:
            issues.add(
                _("de volgorde ‘%(value)s’ is geen geheel getal van 0 of meer")
                % {"value": raw_order},
                file=CODEBOOK,
                row=number,
                column="volgorde",
            )
    if values["waarde"] or values["label"]:
        draft.options.append(
            DraftOption(values["waarde"], values["label"], order, number)
        )
