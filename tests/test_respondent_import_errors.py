"""Everything that can be wrong in a codebook or answers file is refused with row, column
and reason, and nothing is stored."""

import pytest

from surveys.models import Question, Respondent, Result
from surveys.respondents.service import import_respondents
from tests.factories import SurveyFactory
from tests.respondent_files import (
    CODEBOOK_HEADERS,
    answer_headers,
    answer_rows,
    codebook_rows,
    example_people,
    write,
    write_round,
)

pytestmark = pytest.mark.django_db


def refused(
    tmp_path,
    *,
    codebook=None,
    headers=None,
    rows=None,
    kind="csv",
    book_headers=CODEBOOK_HEADERS,
):
    """Import the example round with the given changes; assert nothing was stored."""
    survey = SurveyFactory()
    people = example_people()
    book = write(
        kind, tmp_path / f"codeboek.{kind}", book_headers, codebook or codebook_rows()
    )
    answers = write(
        kind,
        tmp_path / f"antwoorden.{kind}",
        headers or answer_headers(weighted=True),
        rows if rows is not None else answer_rows(people, weighted=True),
    )
    summary = import_respondents(survey=survey, answers=answers, codebook=book)
    assert not summary.is_valid
    assert not Respondent.objects.exists() and not Result.objects.exists()
    assert not Question.objects.exists()
    return [issue.message for issue in summary.errors]


def test_an_unknown_value_names_row_column_and_value(tmp_path):
    rows = answer_rows(example_people(), weighted=True)
    rows[9][3] = "5"
    errors = refused(tmp_path, rows=rows)
    assert errors == [
        "Antwoorden, rij 11, kolom ‘bekend’: de waarde ‘5’ staat niet in het codeboek bij deze vraag."
    ]


def test_a_duplicate_respondent_names_both_rows(tmp_path):
    rows = answer_rows(example_people(), weighted=True)
    rows[5][0] = rows[2][0]
    (error,) = refused(tmp_path, rows=rows)
    assert "rij 7" in error and "respondent" in error and "rij 4" in error


def test_a_column_not_in_the_codebook_is_refused(tmp_path):
    headers = answer_headers(weighted=True) + ["opmerking"]
    rows = [row + ["x"] for row in answer_rows(example_people(), weighted=True)]
    (error,) = refused(tmp_path, headers=headers, rows=rows)
    assert (
        "rij 1" in error and "‘opmerking’" in error and "niet in het codeboek" in error
    )


def test_a_missing_question_column_is_refused(tmp_path):
    headers = answer_headers(weighted=True)
    index = headers.index("kanalen_tel")
    rows = [
        r[:index] + r[index + 1 :] for r in answer_rows(example_people(), weighted=True)
    ]
    (error,) = refused(
        tmp_path, headers=headers[:index] + headers[index + 1 :], rows=rows
    )
    assert "kanalen_tel" in error and "ontbreekt" in error


@pytest.mark.parametrize("cell", ["2", "ja", "x", "0,5"])
def test_a_multi_cell_other_than_0_1_or_empty_is_refused(tmp_path, cell):
    rows = answer_rows(example_people(), weighted=True)
    rows[0][5] = cell
    (error,) = refused(tmp_path, rows=rows)
    assert (
        "rij 2" in error
        and "kanalen_tel" in error
        and "1 (gekozen), 0 of leeg" in error
    )


@pytest.mark.parametrize(
    ("weight", "reason"),
    [
        ("", "leeg"),
        ("-1", "niet positief"),
        ("0", "niet positief"),
        ("veel", "geen getal"),
    ],
)
def test_a_bad_weight_is_refused(tmp_path, weight, reason):
    rows = answer_rows(example_people(), weighted=True)
    rows[3][-1] = weight
    (error,) = refused(tmp_path, rows=rows)
    assert "rij 5" in error and "‘gewicht’" in error and reason in error


def test_a_weight_of_0_for_everyone_is_one_message(tmp_path):
    rows = answer_rows(example_people(), weighted=True)
    for row in rows:
        row[-1] = "0"
    (error,) = refused(tmp_path, rows=rows)
    assert "kolom ‘gewicht’" in error and "elke respondent heeft gewicht 0" in error


def test_a_weight_with_a_decimal_comma_is_read(tmp_path):
    survey = SurveyFactory()
    rows = answer_rows(example_people(), weighted=True)
    for row in rows:
        row[-1] = str(row[-1]).replace(".", ",")
    codebook, answers = write_round(tmp_path)
    write("csv", answers, answer_headers(weighted=True), rows)
    summary = import_respondents(survey=survey, answers=answers, codebook=codebook)
    assert summary.is_valid and summary.is_weighted


def test_every_error_is_reported_not_only_the_first(tmp_path):
    rows = answer_rows(example_people(), weighted=True)
    rows[0][3] = "8"
    rows[1][2] = "z"
    rows[2][-1] = "-2"
    errors = refused(tmp_path, rows=rows)
    assert len(errors) == 3
    assert [e.split(",")[1].strip() for e in errors] == ["rij 2", "rij 3", "rij 4"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda rows: rows.__setitem__(6, ("bekend", "", "open", "1", "Ja", 1)),
            "onbekend",
        ),
        (
            lambda rows: rows.__setitem__(7, ("bekend", "", "", "1", "Nee", 2)),
            "twee keer",
        ),
        (
            lambda rows: rows.__setitem__(1, ("organisatie", "", "", "2", "", 2)),
            "geen label",
        ),
        (
            lambda rows: rows.__setitem__(
                0, ("", "Vraag", "profiel", "1", "Gemeente", 1)
            ),
            "vraagcode is leeg",
        ),
        (
            lambda rows: rows.append(("werk", "Werkt u graag?", "single", "", "", "")),
            "geen antwoordwaarden",
        ),
        (
            lambda rows: rows.append(("extra", "Hoe vaak?", "multi", "", "", "")),
            "geen antwoordwaarden",
        ),
        (
            lambda rows: rows.append(("gewicht", "Gewicht", "single", "1", "a", 1)),
            "vaste kolom",
        ),
        (
            lambda rows: rows.append(("bekend", "Andere tekst", "", "4", "Soms", 4)),
            "twee verschillende",
        ),
        (
            lambda rows: rows.append(("v 1", "Vraag", "single", "1", "Ja", 1)),
            "letters, cijfers",
        ),
        (
            lambda rows: rows.append(("nieuw", "=SUM(A1)", "single", "1", "Ja", 1)),
            "formule",
        ),
        (
            lambda rows: rows.append(("nieuw", "Vraag?", "single", "1", "Ja", "eerst")),
            "geen geheel getal",
        ),
    ],
)
def test_codebook_errors_are_refused_with_row_and_reason(tmp_path, change, expected):
    rows = codebook_rows()
    change(rows)
    errors = refused(tmp_path, codebook=rows)
    assert any(
        expected in error and error.startswith("Codeboek") for error in errors
    ), errors


def test_a_codebook_without_its_required_columns_is_refused(tmp_path):
    rows = [row[:4] for row in codebook_rows()]
    (error,) = refused(tmp_path, codebook=rows, book_headers=CODEBOOK_HEADERS[:4])
    assert "verplichte kolommen ontbreken: label" in error


def test_an_empty_answers_file_is_refused(tmp_path):
    (error,) = refused(tmp_path, rows=[])
    assert "geen respondenten" in error


def test_a_file_that_is_not_a_spreadsheet_is_refused(tmp_path):
    survey = SurveyFactory()
    codebook, _answers = write_round(tmp_path)
    image = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
    summary = import_respondents(survey=survey, answers=image, codebook=codebook)
    assert not summary.is_valid
    assert "geen spreadsheet" in summary.errors[0].message
    summary = import_respondents(survey=survey, answers=codebook, codebook=image)
    assert summary.errors[0].message.startswith("Codeboek")


def test_a_damaged_sav_is_refused_with_a_message(tmp_path):
    survey = SurveyFactory()
    codebook, _answers = write_round(tmp_path)
    summary = import_respondents(
        survey=survey, answers=b"$FL2" + bytes(300), codebook=codebook
    )
    assert not summary.is_valid and "SPSS" in summary.errors[0].message


def test_a_refused_reimport_keeps_the_previous_round(tmp_path):
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)
    import_respondents(survey=survey, answers=answers, codebook=codebook)
    before = sorted(Result.objects.values_list("id", "percentage"))
    rows = answer_rows(example_people())
    rows[0][1] = "Gemeente"  # the label instead of the code
    write("csv", answers, answer_headers(), rows)

    summary = import_respondents(survey=survey, answers=answers, codebook=codebook)

    assert not summary.is_valid
    assert sorted(Result.objects.values_list("id", "percentage")) == before
    assert Respondent.objects.count() == 150


def test_a_flood_of_errors_is_counted_and_the_first_ones_kept(tmp_path):
    rows = answer_rows(example_people() * 5, weighted=True)
    for number, row in enumerate(rows):
        row[0] = f"P{number}"
        row[3] = "x"
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path, weighted=True)
    write("csv", answers, answer_headers(weighted=True), rows)
    summary = import_respondents(survey=survey, answers=answers, codebook=codebook)
    assert summary.error_count == 750
    assert len(summary.errors) == 500 and summary.more_errors == 250
    assert "750 fouten" in str(summary)


def test_a_tiny_ods_that_repeats_a_wide_row_is_refused_before_filling_the_memory(
    tmp_path, monkeypatch
):
    """Answers workbooks may be 2 000 columns wide; a wide row said 199 000 times by
    LibreOffice's repeat count is refused by the number of cells, and that reason is
    given even after 200 other errors (here: values in columns without a header).
    The cap is lowered from 10 000 000 cells so that the test reads 200 000, not
    ten million."""
    import io

    from surveys.respondents import sheets

    monkeypatch.setattr(sheets, "MAX_ANSWER_CELLS", 200_000)

    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    def cell(text, repeat=1):
        element = TableCell(valuetype="string", numbercolumnsrepeated=repeat)
        element.addElement(P(text=text))
        return element

    document = OpenDocumentSpreadsheet()
    table = Table(name="Antwoorden")
    header = TableRow()
    for name in answer_headers():
        header.addElement(cell(name))
    table.addElement(header)
    row = TableRow(numberrowsrepeated=199_000)
    for value in answer_rows(example_people())[0]:
        row.addElement(cell(value))
    row.addElement(cell("x", repeat=100))
    table.addElement(row)
    document.spreadsheet.addElement(table)
    stream = io.BytesIO()
    document.save(stream)
    assert len(stream.getvalue()) < 10_000
    book = write("csv", tmp_path / "codeboek.csv", CODEBOOK_HEADERS, codebook_rows())

    summary = import_respondents(
        survey=SurveyFactory(), answers=stream.getvalue(), codebook=book
    )

    assert not summary.is_valid
    assert "meer dan 200.000 cellen" in summary.errors[0].message
    assert not Respondent.objects.exists()


def test_a_hidden_column_of_an_answers_workbook_is_refused(tmp_path):
    """A hidden column's answers would be counted though nobody sees them."""
    from openpyxl import load_workbook

    survey = SurveyFactory()
    book = write("xlsx", tmp_path / "codeboek.xlsx", CODEBOOK_HEADERS, codebook_rows())
    answers = write(
        "xlsx",
        tmp_path / "antwoorden.xlsx",
        answer_headers(),
        answer_rows(example_people()),
    )
    workbook = load_workbook(answers)
    workbook.active.column_dimensions["D"].hidden = True  # bekend
    workbook.save(answers)

    summary = import_respondents(survey=survey, answers=answers, codebook=book)

    assert not summary.is_valid
    assert "De kolom ‘bekend’ van werkblad ‘Resultaten’ is verborgen" in str(
        summary.errors[0]
    )
    assert not Respondent.objects.exists()


def test_a_sav_variable_without_value_labels_is_refused_naming_the_variable(tmp_path):
    """SPSS exports carry open answers and numbers such as an age in years: they have
    no value labels, so no answers to count; the message names the variable and what
    to do in SPSS, not a codebook column of a codebook that has no such row."""
    import pandas as pd
    import pyreadstat

    people = example_people()[:40]
    path = tmp_path / "ronde.sav"
    pyreadstat.write_sav(
        pd.DataFrame(
            {
                "respondent": [p.id for p in people],
                "bekend": [float(p.bekend or 9) for p in people],
                "toelichting": [f"Omdat {i}" for i in range(len(people))],
            }
        ),
        str(path),
        column_labels={"bekend": "Kent u de Agenda?", "toelichting": "Toelichting"},
        variable_value_labels={"bekend": {1.0: "Ja", 2.0: "Nee", 9.0: "Weet niet"}},
    )

    summary = import_respondents(survey=SurveyFactory(), answers=path)

    assert not summary.is_valid
    (message,) = [str(issue) for issue in summary.errors]
    assert "kolom ‘toelichting’" in message
    assert "de variabele ‘toelichting’ heeft geen waardelabels" in message
    assert "waarde" not in message.split(":")[0]
    assert not Respondent.objects.exists()


def test_answers_merged_over_respondents_are_refused_not_read_as_no_answer(tmp_path):
    """Organisation 1 merged over five respondents reads as Gemeente for each of them,
    but only the first cell holds it: four would count as not answering. A codebook's
    question text merged over its answer rows means the same as given once."""
    from openpyxl import load_workbook

    survey = SurveyFactory()
    book = write("xlsx", tmp_path / "codeboek.xlsx", CODEBOOK_HEADERS, codebook_rows())
    workbook = load_workbook(book)
    workbook.active.merge_cells("B2:B5")  # the organisation question's text
    workbook.save(book)
    answers = write(
        "xlsx",
        tmp_path / "antwoorden.xlsx",
        answer_headers(),
        answer_rows(example_people()),
    )
    workbook = load_workbook(answers)
    workbook.active.merge_cells("B2:B6")  # organisatie of the first five
    workbook.save(answers)

    summary = import_respondents(survey=survey, answers=answers, codebook=book)

    assert not summary.is_valid
    (message,) = [str(issue) for issue in summary.errors]
    assert "Rijen 2–6: de cellen van kolom organisatie zijn samengevoegd" in message
    assert not Respondent.objects.exists()


def test_an_empty_codebook_or_answers_file_says_what_belongs_in_it(tmp_path):
    """Not the aggregated format's "één rij per antwoord per segment"."""
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    book = write("csv", tmp_path / "codeboek.csv", CODEBOOK_HEADERS, codebook_rows())

    no_book = import_respondents(survey=SurveyFactory(), answers=book, codebook=empty)
    no_answers = import_respondents(
        survey=SurveyFactory(), answers=empty, codebook=book
    )

    (message,) = [str(issue) for issue in no_book.errors]
    assert "het codeboek is leeg" in message and "per segment" not in message
    (message,) = [str(issue) for issue in no_answers.errors]
    assert "het antwoordenbestand is leeg" in message
    assert "één rij per respondent" in message and "per segment" not in message
