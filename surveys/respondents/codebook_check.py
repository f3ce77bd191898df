"""Checking a codebook's questions: ``finish()`` turns the ``DraftQuestion``s that
``codebook.read_codebook()`` (or ``sav.read_sav()``) gathered into the ``Codebook``, with
every problem in ``issues`` with its row and column.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .codebook import (
    CODE_PATTERN,
    FORMULA_PREFIXES,
    MAX_CODE,
    MAX_LABEL,
    MAX_SEGMENT,
    MAX_VALUE,
    MULTI,
    PROFIEL,
    RESERVED,
    TYPES,
    Codebook,
    CodebookQuestion,
    DraftQuestion,
    Option,
    codebook_empty,
)
from .summary import CODEBOOK, Issues


def finish(drafts: list[DraftQuestion], issues: Issues) -> Codebook:
    """Check every question and return the codebook (only meaningful without issues)."""
    questions = []
    for draft in drafts:
        question = _finish_question(draft, issues)
        if question is not None:
            questions.append(question)
    if not drafts and not issues:
        issues.add(codebook_empty(), file=CODEBOOK)
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
    if not draft.options and draft.file != CODEBOOK:
        # A variable of a .sav file without value labels: an open answer, or a number
        # such as an age in years.
        problem(
            _(
                "de variabele ‘%(code)s’ heeft geen waardelabels, dus geen antwoorden "
                "om te tellen (een open antwoord of een getal zoals een leeftijd in "
                "jaren wordt niet geïmporteerd); verwijder de variabele uit het "
                ".sav-bestand, of geef haar waardelabels in SPSS (is het de weging, "
                "noem de variabele dan gewicht)"
            )
            % {"code": code},
            column=code,
        )
        return None
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
