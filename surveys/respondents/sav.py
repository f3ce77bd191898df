"""SPSS ``.sav`` files (pyreadstat): the answers and most of the codebook in one file.

A variable's label is the question, its value labels are the answers, and its
user-missing values (SPSS "missing values", e.g. 99 = geen antwoord) mean no answer.
SPSS files do not carry multiple-response sets reliably, so ``multi`` groups (their
``<vraagcode>_<waarde>`` variables) and ``profiel`` questions are declared in a small
codebook beside it, with the usual headers; there ``label`` (and for a profile,
``waarde``) may be empty and then come from the file's labels. Every other variable
except ``respondent`` and ``gewicht`` is a ``single`` question.

``read_sav()`` returns the codebook and the answers as a ``Table`` for
``surveys.respondents.answers``, so the same checks run; rows are case numbers.
"""

from __future__ import annotations

import math
import os
import tempfile

from django.utils.translation import gettext as _

from .codebook import (
    MULTI,
    SINGLE,
    Codebook,
    DraftOption,
    DraftQuestion,
    read_codebook,
)
from .codebook_check import finish
from .sheets import SpreadsheetError, Table, cell_text
from .summary import ANSWERS, Issues

FIXED = ("respondent", "gewicht")


def read_sav(
    data: bytes, codebook: Table | None, issues: Issues
) -> tuple[Codebook, Table]:
    frame, meta = _load(data)
    drafts = read_codebook(codebook, issues) if codebook is not None else []
    by_code = {draft.code.casefold(): draft for draft in drafts}
    multi_columns = {
        f"{draft.code}_{option.value}".casefold(): (draft, option)
        for draft in drafts
        if set(draft.types) == {MULTI}
        for option in draft.options
    }
    labels = meta.column_names_to_labels or {}
    value_labels = meta.variable_value_labels or {}
    missing = {
        name: ranges for name, ranges in (meta.missing_ranges or {}).items() if ranges
    }
    ordered: list[DraftQuestion] = []

    def add(draft: DraftQuestion) -> None:
        if all(draft is not other for other in ordered):
            ordered.append(draft)

    for name in meta.column_names:
        key = name.casefold()
        if key in FIXED:
            continue
        label = (labels.get(name) or "").strip()
        if key in multi_columns:
            draft, option = multi_columns[key]
            if not option.label:
                option.label = label
            add(draft)
            continue
        draft = by_code.get(key)
        if draft is None:
            draft = DraftQuestion(code=name, row=None, file=ANSWERS)
            draft.types = {SINGLE: None}
        if not draft.texts and label:
            draft.texts = {label: draft.row}
        answers = {
            _text(value): text
            for value, text in sorted(value_labels.get(name, {}).items())
            if not _is_missing(value, missing.get(name, []))
        }
        if not draft.options:
            draft.options = [
                DraftOption(value, text, None, draft.row)
                for value, text in answers.items()
            ]
        else:
            for option in draft.options:
                if not option.label:
                    option.label = answers.get(option.value, "")
        add(draft)
    for draft in drafts:
        add(draft)  # named in the codebook but absent from the file: reported later
    return finish(ordered, issues), _table(frame, meta.column_names, missing)


def _load(data: bytes):
    import pyreadstat

    descriptor, path = tempfile.mkstemp(suffix=".sav")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        return pyreadstat.read_sav(path, user_missing=True)
    except Exception as error:  # pyreadstat raises its own and OS errors for damage
        raise SpreadsheetError(
            _(
                "Dit SPSS-bestand (.sav) kan niet worden gelezen; het is beschadigd of onvolledig."
            )
        ) from error
    finally:
        os.unlink(path)


def _is_missing(value, ranges) -> bool:
    if not isinstance(value, int | float):
        return False
    return any(r["lo"] <= value <= r["hi"] for r in ranges)


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return cell_text(value)


def _table(frame, names: list[str], missing: dict) -> Table:
    ranges = [missing.get(name, []) for name in names]

    def rows():
        for number, values in enumerate(frame.itertuples(index=False, name=None), 1):
            cells = []
            for value, column_ranges in zip(values, ranges, strict=True):
                if (
                    value is None
                    or (isinstance(value, float) and math.isnan(value))
                    or column_ranges
                    and _is_missing(value, column_ranges)
                ):
                    cells.append(None)
                else:
                    cells.append(_text(value))
            if any(cell not in (None, "") for cell in cells):
                yield number, cells

    return Table(headers=list(names), rows=rows(), row_count=len(frame))
