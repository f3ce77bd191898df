"""The answers file: one row per respondent, checked cell by cell against the codebook.

Columns (headers matched case-insensitively): ``respondent`` (a unique id), one column
per ``single``/``profiel`` question holding a ``waarde`` of the codebook or nothing (no
answer), ``<vraagcode>_<waarde>`` per ``multi`` option holding 1 (chosen), 0 or
nothing, and optionally ``gewicht`` (a positive weight for every respondent).

``read_answers()`` returns ``Answers``: the codes as numpy arrays, ready for
``surveys.respondents.compute``. Every problem goes to ``issues`` with its row and
column: an unknown column or value, a missing column, a duplicate respondent, a
multi cell other than 0/1/empty, a weight that is empty, not a number, 0 or negative.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from .codebook import Codebook, CodebookQuestion
from .sheets import Table, cell_text, normalize_header
from .summary import Issues

ID_COLUMN = "respondent"
WEIGHT_COLUMN = "gewicht"
MAX_ID = 100
MISSING = -1
PROGRESS_EVERY = 1000


@dataclass
class Answers:
    """The respondents' answers; question ``i`` of the codebook is ``codes[i]``.

    ``codes[i]`` is, for single and profiel questions, an int array (respondents,) of
    option indexes (``MISSING`` for no answer); for multi questions a bool array
    (respondents, options), True where chosen.
    """

    identifiers: list[str]
    rows: list[int]
    codes: list[np.ndarray]
    weights: np.ndarray | None

    @property
    def count(self) -> int:
        return len(self.identifiers)

    def answered(self, index: int) -> np.ndarray:
        codes = self.codes[index]
        if codes.ndim == 2:
            return codes.any(axis=1)
        return codes != MISSING


@dataclass
class _Column:
    question: int
    option: int  # multi: the option's index; single: -1
    lookup: dict[str, int] | None  # single: waarde → option index


def read_answers(
    table: Table,
    codebook: Codebook,
    issues: Issues,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Answers:
    columns, id_column, weight_column = _map_columns(table.headers, codebook, issues)
    questions = codebook.questions
    count = len(questions)
    identifiers: list[str] = []
    row_numbers: list[int] = []
    single_codes: list[list[int]] = [[] for _ in range(count)]
    multi_codes: dict[int, list[list[bool]]] = {
        index: [] for index, question in enumerate(questions) if question.is_multi
    }
    weights: list[float] = []
    zero_weights: list[int] = []
    first_row: dict[str, int] = {}
    if issues:
        return Answers([], [], [], None)

    single_columns = [(i, c) for i, c in columns.items() if c.lookup is not None]
    multi_columns = [(i, c) for i, c in columns.items() if c.lookup is None]
    option_counts = {index: len(questions[index].options) for index in multi_codes}
    headers = table.headers
    unnamed = [i for i, header in enumerate(headers) if cell_text(header) == ""]
    total = table.row_count or 0
    done = 0
    for number, cells in table.rows:
        width = len(cells)
        identifier = cell_text(cells[id_column]) if id_column < width else ""
        if identifier == "":
            issues.add(_("het respondentnummer is leeg"), row=number, column=ID_COLUMN)
        elif len(identifier) > MAX_ID:
            issues.add(
                _("het respondentnummer is langer dan 100 tekens"),
                row=number,
                column=ID_COLUMN,
            )
        elif identifier in first_row:
            issues.add(
                _("respondent ‘%(id)s’ staat ook al in rij %(row)d")
                % {"id": identifier, "row": first_row[identifier]},
                row=number,
                column=ID_COLUMN,
            )
        else:
            first_row[identifier] = number
        identifiers.append(identifier)
        row_numbers.append(number)
        for index, column in single_columns:
            value = cell_text(cells[index]) if index < width else ""
            if value == "":
                single_codes[column.question].append(MISSING)
                continue
            code = column.lookup.get(value)
            if code is None:
                code = column.lookup.get(_whole(value), MISSING)
            if code == MISSING:
                issues.add(
                    _("de waarde ‘%(value)s’ staat niet in het codeboek bij deze vraag")
                    % {"value": value[:50]},
                    row=number,
                    column=str(headers[index]),
                )
            single_codes[column.question].append(code)
        chosen = {index: [False] * n for index, n in option_counts.items()}
        for index, column in multi_columns:
            value = cell_text(cells[index]) if index < width else ""
            if value == "1" or (value != "0" and _whole(value) == "1"):
                chosen[column.question][column.option] = True
            elif value not in ("", "0") and _whole(value) != "0":
                issues.add(
                    _(
                        "‘%(value)s’ in een kolom van een multi-vraag; gebruik 1 (gekozen), 0 of leeg"
                    )
                    % {"value": value[:50]},
                    row=number,
                    column=str(headers[index]),
                )
        for index, row in chosen.items():
            multi_codes[index].append(row)
        if weight_column is not None:
            weights.append(
                _weight(
                    cells[weight_column] if weight_column < width else "",
                    number,
                    issues,
                    zero_weights,
                )
            )
        for index in (*unnamed, *range(len(headers), width)):
            if index < width and cell_text(cells[index]) != "":
                issues.add(
                    _("een waarde in een kolom zonder kop"),
                    row=number,
                    column=_("kolom %(number)d") % {"number": index + 1},
                )
        done += 1
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, max(total, done))
    if progress:
        progress(done, done)
    if zero_weights and len(zero_weights) == len(identifiers):
        issues.add(
            _(
                "elke respondent heeft gewicht 0; zo is geen cijfer te berekenen (laat de "
                "kolom gewicht weg voor ongewogen cijfers)"
            ),
            column=WEIGHT_COLUMN,
        )
    else:
        for number in zero_weights:
            issues.add(
                _("het gewicht 0 is niet positief; een gewicht is groter dan 0"),
                row=number,
                column=WEIGHT_COLUMN,
            )
    if not identifiers:
        issues.add(
            _(
                "het antwoordenbestand heeft geen respondenten (alleen kolomkoppen of leeg)"
            )
        )
    codes = []
    for index, question in enumerate(questions):
        if question.is_multi:
            codes.append(
                np.array(multi_codes[index], dtype=bool).reshape(
                    len(identifiers), len(question.options)
                )
            )
        else:
            codes.append(np.array(single_codes[index], dtype=np.int16))
    return Answers(
        identifiers=identifiers,
        rows=row_numbers,
        codes=codes,
        weights=np.array(weights, dtype=float) if weight_column is not None else None,
    )


_WHOLE_WITH_ZEROS = re.compile(r"(-?[0-9]+)[.,]0+")


def _whole(value: str) -> str:
    """``"1.0"`` → ``"1"``: a code as a program wrote it that keeps numbers as decimals
    (pandas and R write a column with empty cells as 1.0, 2.0); other texts unchanged."""
    match = _WHOLE_WITH_ZEROS.fullmatch(value)
    return match.group(1) if match else value


def _weight(value, number: int, issues: Issues, zeros: list[int]) -> float:
    """The weight in a cell; a 0 is noted in ``zeros`` (all zeros get one message)."""
    text = cell_text(value)
    if text == "":
        issues.add(
            _(
                "het gewicht is leeg; elke respondent heeft een gewicht als de kolom gewicht bestaat"
            ),
            row=number,
            column=WEIGHT_COLUMN,
        )
        return 0.0
    try:
        weight = (
            float(value)
            if isinstance(value, int | float)
            else float(text.replace(",", "."))
        )
    except (TypeError, ValueError):
        weight = math.nan
    if not math.isfinite(weight):
        issues.add(
            _("het gewicht ‘%(value)s’ is geen getal") % {"value": text[:50]},
            row=number,
            column=WEIGHT_COLUMN,
        )
        return 0.0
    if weight == 0:
        zeros.append(number)
        return 0.0
    if weight < 0:
        issues.add(
            _("het gewicht %(value)s is niet positief; een gewicht is groter dan 0")
            % {"value": text},
            row=number,
            column=WEIGHT_COLUMN,
        )
        return 0.0
    return weight


def _map_columns(headers: list, codebook: Codebook, issues: Issues):
    """Header index → what it holds; every problem with the header row is an issue."""
    expected: dict[str, tuple[int, int, CodebookQuestion]] = {}
    names: dict[str, str] = {}
    for index, question in enumerate(codebook.questions):
        if question.is_multi:
            for position, option in enumerate(question.options):
                column = question.column(option)
                expected[column.casefold()] = (index, position, question)
                names[column.casefold()] = column
        else:
            expected[question.code.casefold()] = (index, -1, question)
            names[question.code.casefold()] = question.code
    columns: dict[int, _Column] = {}
    id_column = weight_column = None
    seen: dict[str, int] = {}
    if not headers or all(cell_text(header) == "" for header in headers):
        issues.add(
            _(
                "het antwoordenbestand is leeg: zet de kolomkoppen (respondent en de "
                "vraagcodes) in de eerste rij en daaronder één rij per respondent"
            )
        )
        return columns, 0, None
    for index, header in enumerate(headers):
        text = cell_text(header)
        if text == "":
            continue
        key = text.casefold()
        if key in seen:
            issues.add(_("de kolom staat twee keer in het bestand"), row=1, column=text)
            continue
        seen[key] = index
        name = normalize_header(header)
        if name == ID_COLUMN:
            id_column = index
        elif name == WEIGHT_COLUMN:
            weight_column = index
        elif key in expected:
            question_index, position, question = expected[key]
            lookup = (
                None
                if question.is_multi
                else {option.value: i for i, option in enumerate(question.options)}
            )
            columns[index] = _Column(question_index, position, lookup)
        else:
            issues.add(_("deze kolom staat niet in het codeboek"), row=1, column=text)
    if id_column is None:
        issues.add(
            _("de kolom respondent ontbreekt (een uniek nummer per respondent)"), row=1
        )
    for key in expected:
        if key not in seen:
            issues.add(
                _("de kolom ontbreekt; het codeboek noemt deze vraag"),
                row=1,
                column=names[key],
            )
    return columns, id_column or 0, weight_column
