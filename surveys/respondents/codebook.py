"""The codebook: which questions a round has, of which type, and what each answer code means.

Headers (case- and accent-insensitive): ``vraagcode, vraag, vraagtype, waarde, label``
and optionally ``volgorde`` (the answer's order) and ``groep`` (the short name of a
``profiel`` question in segment names, e.g. ``Organisatie`` in "Organisatie: Gemeente";
by default the code, capitalised). One row per answer value; the question's text and
type may be given on its first row only. Questions keep the order of the file.

``read_codebook()`` groups the rows into ``DraftQuestion``s (``surveys.respondents.sav``
completes those from an SPSS file's labels); ``finish()`` checks them and returns the
``Codebook``, every problem in ``issues`` with its row and column.
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
        issues.add(_codebook_empty(), file=CODEBOOK)
    return list(drafts.values())


def _codebook_empty() -> str:
    return _(
        "het codeboek is leeg: zet de kolomkoppen in de eerste rij en daaronder één "
        "rij per antwoordwaarde per vraag"
    )


def _map_columns(headers: list, issues: Issues) -> dict[str, int]:
    columns: dict[str, int] = {}
    if not headers or all(cell_text(header) == "" for header in headers):
        issues.add(_codebook_empty(), file=CODEBOOK)
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


def finish(drafts: list[DraftQuestion], issues: Issues) -> Codebook:
    """Check every question and return the codebook (only meaningful without issues)."""
    questions = []
    for draft in drafts:
        question = _finish_question(draft, issues)
        if question is not None:
            questions.append(question)
    if not drafts and not issues:
        issues.add(_codebook_empty(), file=CODEBOOK)
    _check_columns_unique(questions, drafts, issues)
    return Codebook(questions=questions)


def _finish_question(draft: DraftQuestion, issues: Issues) -> CodebookQuestion | None:
    def problem(reason: str, row=draft.row, column: str = "") -> None:
        issues.add(reason, file=draft.file, row=row, column=column)

    code, name = draft.code, _("vraag ‘%(code)s’") % {"code": draft.code}
    code_column = "vraagcode" if draft.file == CODEBOOK else code
    if len(code) > MAX_CODE or not CODE_PATTERN.match(code):
        problem(
            _(
                "de vraagcode ‘%(code)s’ mag alleen letters, cijfers, - en _ bevatten "
                "(hoogstens 50 tekens)"
            )
            % {"code": code},
            column=code_column,
        )
    if code.casefold() in RESERVED:
        problem(
            _("‘%(code)s’ is een vaste kolom van het antwoordenbestand, geen vraagcode")
            % {"code": code},
            column=code_column,
        )
    kind = _one(draft.types, name, _("vraagtypes"), "vraagtype", problem)
    text = _one(draft.texts, name, _("vraagteksten"), "vraag", problem)
    if kind and kind not in TYPES:
        problem(
            _("het vraagtype ‘%(type)s’ is onbekend; gebruik single, multi of profiel")
            % {"type": kind},
            row=draft.types[kind],
            column="vraagtype",
        )
        return None
    if not kind:
        problem(
            _("%(question)s heeft geen vraagtype; gebruik single, multi of profiel")
            % {"question": name},
            column="vraagtype",
        )
        return None
    if not text:
        problem(
            _("%(question)s heeft geen vraagtekst") % {"question": name}, column="vraag"
        )
    elif text.startswith(FORMULA_PREFIXES):
        problem(_formula_message(), row=draft.texts[text], column="vraag")
    if not draft.options:
        problem(
            _("%(question)s (%(type)s) heeft geen antwoordwaarden")
            % {"question": name, "type": kind},
            column="waarde",
        )
        return None
    options = _finish_options(draft, kind, name, problem)
    group = draft.group or code.replace("_", " ").replace("-", " ").capitalize()
    question = CodebookQuestion(
        code, text, kind, options, group if kind == PROFIEL else ""
    )
    if kind == PROFIEL:
        for option in options:
            if len(question.segment_name(option)) > MAX_SEGMENT:
                problem(
                    _(
                        "de segmentnaam ‘%(name)s’ is langer dan 100 tekens; kies een "
                        "kortere groep of een korter label"
                    )
                    % {"name": question.segment_name(option)},
                    column="label",
                )
    return question


def _finish_options(draft, kind: str, name: str, problem) -> list[Option]:
    values: dict[str, int | None] = {}
    labels: dict[str, int | None] = {}
    options = []
    for position, option in enumerate(draft.options, start=1):
        if option.value == "":
            problem(
                _("%(question)s: een antwoord zonder waarde") % {"question": name},
                row=option.row,
                column="waarde",
            )
            continue
        if option.value in values:
            problem(
                _("%(question)s: de waarde ‘%(value)s’ staat twee keer in het codeboek")
                % {"question": name, "value": option.value},
                row=option.row,
                column="waarde",
            )
            continue
        values[option.value] = option.row
        if len(option.value) > MAX_VALUE:
            problem(
                _("de waarde is langer dan 50 tekens"), row=option.row, column="waarde"
            )
        if option.label == "":
            problem(
                _(
                    "%(question)s: de waarde ‘%(value)s’ heeft geen label (nodig om het "
                    "antwoord te tonen)"
                )
                % {"question": name, "value": option.value},
                row=option.row,
                column="label",
            )
            continue
        if option.label.casefold() in labels:
            problem(
                _("%(question)s: het label ‘%(label)s’ staat twee keer in het codeboek")
                % {"question": name, "label": option.label},
                row=option.row,
                column="label",
            )
            continue
        labels[option.label.casefold()] = option.row
        if len(option.label) > MAX_LABEL:
            problem(
                _("het label is langer dan 300 tekens"), row=option.row, column="label"
            )
        if option.label.startswith(FORMULA_PREFIXES):
            problem(_formula_message(), row=option.row, column="label")
        order = option.order if option.order is not None else position
        options.append(Option(option.value, option.label, order))
    if kind == MULTI:
        for option in options:
            if not CODE_PATTERN.match(option.value):
                problem(
                    _(
                        "%(question)s: de waarde ‘%(value)s’ van een multi-vraag wordt "
                        "een kolomnaam en mag alleen letters, cijfers, - en _ bevatten"
                    )
                    % {"question": name, "value": option.value},
                    row=values.get(option.value),
                    column="waarde",
                )
    options.sort(key=lambda option: option.order)
    return options


def _one(
    found: dict[str, int | None], name: str, what: str, column: str, problem
) -> str:
    if len(found) > 1:
        (first, first_row), (second, second_row) = list(found.items())[:2]
        problem(
            _(
                "%(question)s heeft twee verschillende %(what)s: ‘%(a)s’ en ‘%(b)s’ "
                "(rij %(row)s)"
            )
            % {
                "question": name,
                "what": what,
                "a": first[:80],
                "b": second[:80],
                "row": first_row,
            },
            row=second_row,
            column=column,
        )
    return next(iter(found), "")


def _formula_message() -> str:
    return _(
        "de tekst begint met =, +, - of @; dat ziet eruit als een formule, zet de "
        "tekst zelf in de cel"
    )


def _check_columns_unique(questions, drafts, issues: Issues) -> None:
    """Each question's column(s) in the answers file must be unambiguous."""
    rows = {draft.code: (draft.row, draft.file) for draft in drafts}
    owner: dict[str, str] = {}
    groups: dict[str, str] = {}
    for question in questions:
        names = (
            [question.column(option) for option in question.options]
            if question.is_multi
            else [question.code]
        )
        row, file = rows[question.code]
        for column in names:
            key = column.casefold()
            if key in owner and owner[key] != question.code:
                issues.add(
                    _(
                        "de kolom ‘%(column)s’ hoort bij vraag ‘%(a)s’ en bij vraag "
                        "‘%(b)s’; geef een van beide een andere code"
                    )
                    % {"column": column, "a": owner[key], "b": question.code},
                    file=file,
                    row=row,
                    column="vraagcode",
                )
            owner.setdefault(key, question.code)
        if question.type == PROFIEL:
            key = question.group.casefold()
            if key in groups:
                issues.add(
                    _(
                        "de profielvragen ‘%(a)s’ en ‘%(b)s’ hebben dezelfde groepsnaam "
                        "‘%(group)s’; geef er een een andere in de kolom groep"
                    )
                    % {"a": groups[key], "b": question.code, "group": question.group},
                    file=file,
                    row=row,
                    column="groep",
                )
            groups.setdefault(key, question.code)
