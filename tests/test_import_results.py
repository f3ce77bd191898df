"""Importing survey results from spreadsheets: the rules of PRODUCT.md "Import format".

Each test writes a real file into tmp_path and imports it with
``manage.py import_results``, which shares its reader and service with the admin.
"""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from surveys.importing import import_results
from surveys.models import AnswerOption, Question, Result, Segment, Survey
from tests.factories import SegmentFactory, SurveyFactory
from tests.spreadsheets import (
    HEADERS,
    Q1,
    Q2,
    base_rows,
    stored_data,
    write_csv,
    write_ods,
    write_xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    return SurveyFactory(slug="werkdruk-2024", title="Werkdruk 2024")


def run(path, **options):
    """Run the command; return (its summary without the sheet it read, stderr)."""
    out, err = StringIO(), StringIO()
    call_command("import_results", str(path), stdout=out, stderr=err, **options)
    line = out.getvalue().strip()
    assert line.startswith("Gelezen: "), line
    return line.split(". ", 1)[1], err.getvalue().strip()


def refuse(path, **options) -> str:
    """Run the command, expecting a refusal; return everything it said."""
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as refusal:
        call_command("import_results", str(path), stdout=out, stderr=err, **options)
    return f"{err.getvalue()}\n{refusal.value}"


def percentages(code="v1", segment="Totaal") -> dict[str, Decimal]:
    return dict(
        Result.objects.filter(
            option__question__code=code, segment__name=segment
        ).values_list("option__label", "percentage")
    )


# --- The happy path --------------------------------------------------------------


def test_an_xlsx_file_creates_questions_options_and_results(survey, tmp_path):
    path = write_xlsx(tmp_path / "werkdruk.xlsx", base_rows())

    out, err = run(path, survey="werkdruk-2024")

    assert out == (
        "2 vragen, 5 antwoordopties, 7 resultaten: 7 nieuw, 0 bijgewerkt, 0 ongewijzigd"
    )
    assert err == ""
    v1 = Question.objects.get(survey=survey, code="v1")
    assert (v1.text, v1.type) == (Q1, "single")
    assert Question.objects.get(code="v2").type == "multi"
    assert percentages() == {"Ja": Decimal("60.00"), "Nee": Decimal("40.00")}
    assert percentages(segment="Gemeente") == {
        "Ja": Decimal("70"),
        "Nee": Decimal("30"),
    }
    assert percentages("v2")["Chat"] == Decimal("12.50")
    assert Result.objects.get(option__label="Ja", segment__name="Totaal").count == 120
    assert (
        Result.objects.get(option__label="Ja", segment__name="Gemeente").count is None
    )


def test_the_survey_column_alone_names_the_round_when_no_survey_is_chosen(
    survey, tmp_path
):
    other = SurveyFactory(slug="thuiswerken")
    rows = base_rows()[:2] + [
        ["thuiswerken", "t1", "Werkt u thuis?", "single", "Ja", 100, "", "", ""]
    ]
    path = write_csv(tmp_path / "twee-rondes.csv", rows)

    out, _ = run(path)

    assert out.startswith("2 vragen, 3 antwoordopties, 3 resultaten: 3 nieuw")
    assert Question.objects.filter(survey=survey).count() == 1
    assert Question.objects.filter(survey=other).count() == 1


def test_importing_the_same_file_twice_changes_nothing(survey, tmp_path):
    path = write_xlsx(tmp_path / "werkdruk.xlsx", base_rows())
    run(path, survey="werkdruk-2024")
    before = stored_data()

    out, _ = run(path, survey="werkdruk-2024")

    assert out.endswith("0 nieuw, 0 bijgewerkt, 7 ongewijzigd")
    assert stored_data() == before
    assert Segment.objects.filter(name="Gemeente").count() == 1


def test_a_dry_run_reports_what_would_happen_and_stores_nothing(survey, tmp_path):
    path = write_xlsx(tmp_path / "werkdruk.xlsx", base_rows())

    out, _ = run(path, survey="werkdruk-2024", dry_run=True)

    assert out.startswith("2 vragen, 5 antwoordopties, 7 resultaten: 7 nieuw")
    assert "niets opgeslagen" in out
    assert Question.objects.count() == 0
    assert Result.objects.count() == 0
    assert not Segment.objects.filter(name="Gemeente").exists()


def test_headers_are_matched_without_regard_to_case_accents_or_spaces(survey, tmp_path):
    headers = [
        "Enquête",
        "VRAAGCODE",
        " Vraag ",
        "VraagType",
        "Antwoord",
        "Percentage",
        "Aantal",
        "Segment",
        "Volgorde",
    ]
    path = write_xlsx(tmp_path / "koppen.xlsx", base_rows(), headers=headers)

    out, _ = run(path)

    assert out.startswith("2 vragen, 5 antwoordopties, 7 resultaten")


def test_optional_columns_may_be_left_out_and_an_empty_segment_is_totaal(
    survey, tmp_path
):
    rows = [row[:6] for row in base_rows() if row[7] == ""]
    path = write_csv(tmp_path / "kort.csv", rows, headers=HEADERS[:6])

    run(path)

    assert set(Result.objects.values_list("segment__name", flat=True)) == {"Totaal"}
    assert set(Result.objects.values_list("count", flat=True)) == {None}


def test_extra_columns_are_ignored(survey, tmp_path):
    rows = [[*row, "opmerking"] for row in base_rows()]
    path = write_csv(tmp_path / "extra.csv", rows, headers=[*HEADERS, "toelichting"])

    out, _ = run(path)

    assert out.startswith("2 vragen, 5 antwoordopties, 7 resultaten: 7 nieuw")


def test_question_order_follows_the_file_and_volgorde_orders_the_options(
    survey, tmp_path
):
    rows = [
        ["werkdruk-2024", "z", "Laatste letter?", "multi", "B", 10, "", "", 2],
        ["werkdruk-2024", "z", "Laatste letter?", "multi", "A", 20, "", "", 1],
        ["werkdruk-2024", "a", "Eerste letter?", "multi", "Y", 30, "", "", ""],
        ["werkdruk-2024", "a", "Eerste letter?", "multi", "X", 40, "", "", ""],
    ]
    run(write_csv(tmp_path / "volgorde.csv", rows))

    assert list(survey.questions.order_by("order").values_list("code", flat=True)) == [
        "z",
        "a",
    ]
    z_options = AnswerOption.objects.filter(question__code="z").order_by("order")
    assert [option.label for option in z_options] == ["A", "B"]
    a_options = AnswerOption.objects.filter(question__code="a").order_by("order")
    assert [option.label for option in a_options] == ["Y", "X"]


def test_new_questions_are_placed_after_the_rounds_existing_questions(survey, tmp_path):
    run(write_csv(tmp_path / "eerst.csv", base_rows()[:2]))
    rows = [["werkdruk-2024", "v3", "Nieuwe vraag?", "multi", "Ja", 5, "", "", ""]]

    run(write_csv(tmp_path / "daarna.csv", rows))

    codes = survey.questions.order_by("order").values_list("code", flat=True)
    assert list(codes) == ["v1", "v3"]


# --- Percentages -------------------------------------------------------------------


def test_percentages_are_read_from_numbers_commas_points_and_percent_signs(
    survey, tmp_path
):
    values = ["25", "25%", "25,5", "25.5", " 25 % ", "0,5", "100"]
    rows = [
        ["werkdruk-2024", "m", Q2, "multi", f"Antwoord {i}", value, "", "", ""]
        for i, value in enumerate(values)
    ]
    run(write_csv(tmp_path / "procenten.csv", rows))

    stored_values = [percentages("m")[f"Antwoord {i}"] for i in range(len(values))]
    assert stored_values == [
        Decimal("25"),
        Decimal("25"),
        Decimal("25.5"),
        Decimal("25.5"),
        Decimal("25"),
        Decimal("0.5"),
        Decimal("100"),
    ]


def test_excel_cells_formatted_as_percentage_are_stored_as_percent_not_as_fraction(
    survey, tmp_path
):
    rows = [
        ["werkdruk-2024", "v1", Q1, "single", "Ja", 0.25, "", "", 1],
        ["werkdruk-2024", "v1", Q1, "single", "Nee", 0.755, "", "", 2],
    ]
    path = write_xlsx(
        tmp_path / "procentopmaak.xlsx", rows, number_formats={"percentage": "0.0%"}
    )

    run(path)

    assert percentages() == {"Ja": Decimal("25.00"), "Nee": Decimal("75.50")}
    assert not Result.objects.filter(percentage__lt=1).exists()


def test_excel_numbers_with_a_literal_percent_sign_in_the_format_are_not_multiplied(
    survey, tmp_path
):
    rows = [
        ["werkdruk-2024", "v1", Q1, "single", "Ja", 25, "", "", 1],
        ["werkdruk-2024", "v1", Q1, "single", "Nee", 75, "", "", 2],
    ]
    path = write_xlsx(
        tmp_path / "letterlijk.xlsx", rows, number_formats={"percentage": '0"%"'}
    )

    run(path)

    assert percentages() == {"Ja": Decimal("25"), "Nee": Decimal("75")}


def test_plain_excel_numbers_int_and_float_are_percentages(survey, tmp_path):
    rows = [
        ["werkdruk-2024", "v1", Q1, "single", "Ja", 33, "", "", 1],
        ["werkdruk-2024", "v1", Q1, "single", "Nee", 66.67, "", "", 2],
    ]
    run(write_xlsx(tmp_path / "getallen.xlsx", rows))

    assert percentages() == {"Ja": Decimal("33"), "Nee": Decimal("66.67")}


def test_ods_percentage_cells_and_numbers_are_read(survey, tmp_path):
    percent_rows = [
        ["werkdruk-2024", "v1", Q1, "single", "Ja", 0.6, 120, "", 1],
        ["werkdruk-2024", "v1", Q1, "single", "Nee", 0.4, 80, "", 2],
    ]
    number_rows = [
        ["werkdruk-2024", "v2", Q2, "multi", "E-mail", 80.5, "", "", ""],
    ]
    run(write_ods(tmp_path / "a.ods", percent_rows, percent_columns=["percentage"]))
    run(write_ods(tmp_path / "b.ods", number_rows))

    assert percentages() == {"Ja": Decimal("60"), "Nee": Decimal("40")}
    assert percentages("v2") == {"E-mail": Decimal("80.5")}
    assert Result.objects.get(option__label="Ja").count == 120


def test_ods_cells_repeated_by_libreoffice_keep_their_columns(survey, tmp_path):
    """LibreOffice writes two equal or empty neighbours as one cell "repeated 2 times"."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    def cell(value=None, repeat=1, kind="string"):
        attributes = {"numbercolumnsrepeated": repeat} if repeat > 1 else {}
        if value is None:
            return TableCell(**attributes)
        if kind == "float":
            element = TableCell(valuetype="float", value=value, **attributes)
        else:
            element = TableCell(valuetype="string", **attributes)
        element.addElement(P(text=str(value)))
        return element

    document = OpenDocumentSpreadsheet()
    table = Table(name="Blad1")
    header = TableRow()
    for name in HEADERS:
        header.addElement(cell(name))
    table.addElement(header)
    for label, percentage in [("Ja", 50), ("Nee", 50)]:
        row = TableRow()
        for value in ["werkdruk-2024", "v1", Q1, "single", label]:
            row.addElement(cell(value))
        row.addElement(cell(percentage, kind="float"))
        row.addElement(cell(None, repeat=2))  # aantal and segment empty
        row.addElement(cell(1 if label == "Ja" else 2, kind="float"))
        table.addElement(row)
    table.addElement(TableRow(numberrowsrepeated=1048570))  # the empty rest
    document.spreadsheet.addElement(table)
    path = tmp_path / "libreoffice.ods"
    document.save(str(path))

    out, _ = run(path)

    assert out.startswith("1 vraag, 2 antwoordopties, 2 resultaten: 2 nieuw")
    assert AnswerOption.objects.get(label="Nee").order == 2


def test_a_semicolon_csv_from_dutch_excel_with_decimal_commas_is_read(survey, tmp_path):
    rows = [
        [
            "werkdruk-2024",
            "v1",
            "Hoe tevreden bent u over uw café?",
            "single",
            "Zeer tevreden",
            "33,3",
            "",
            "",
            1,
        ],
        [
            "werkdruk-2024",
            "v1",
            "Hoe tevreden bent u over uw café?",
            "single",
            "Niet tevreden",
            "66,7",
            "",
            "",
            2,
        ],
    ]
    path = write_csv(tmp_path / "excel.csv", rows, encoding="cp1252", delimiter=";")

    run(path)

    question = Question.objects.get(code="v1")
    assert question.text == "Hoe tevreden bent u over uw café?"
    assert percentages() == {
        "Zeer tevreden": Decimal("33.3"),
        "Niet tevreden": Decimal("66.7"),
    }


def test_a_csv_with_a_utf8_byte_order_mark_is_read(survey, tmp_path):
    path = write_csv(tmp_path / "bom.csv", base_rows(), encoding="utf-8-sig")

    out, _ = run(path)

    assert out.startswith("2 vragen")


# --- Re-importing a corrected file ------------------------------------------------


def test_a_corrected_file_replaces_the_results_of_its_questions(survey, tmp_path):
    run(write_xlsx(tmp_path / "eerste.xlsx", base_rows()))
    corrected = [
        ["werkdruk-2024", "v1", Q1, "single", "Ja", 61, 122, "", 1],
        ["werkdruk-2024", "v1", Q1, "single", "Nee", 39, 78, "", 2],
        ["werkdruk-2024", "v2", Q2, "multi", "E-mail", 80, "", "", ""],
        ["werkdruk-2024", "v2", Q2, "multi", "Telefoon", 45, "", "", ""],
    ]

    out, _ = run(write_xlsx(tmp_path / "verbeterd.xlsx", corrected))

    assert out == (
        "2 vragen, 4 antwoordopties, 4 resultaten: 0 nieuw, 2 bijgewerkt, "
        "2 ongewijzigd, 3 verwijderd"
    )
    assert percentages() == {"Ja": Decimal("61"), "Nee": Decimal("39")}
    assert percentages(segment="Gemeente") == {}
    assert not AnswerOption.objects.filter(label="Chat").exists()
    assert Result.objects.count() == 4


def test_a_corrected_file_can_give_fractions_and_clear_counts(survey, tmp_path):
    run(write_xlsx(tmp_path / "eerste.xlsx", base_rows()))
    corrected = base_rows()
    corrected[0][5:7] = [62.5, ""]  # Ja, Totaal: 60 % of 120 → 62,5 % unknown count
    corrected[1][5:7] = [37.5, 75]

    out, _ = run(write_csv(tmp_path / "verbeterd.csv", corrected))

    assert out.endswith("0 nieuw, 2 bijgewerkt, 5 ongewijzigd")
    assert percentages() == {"Ja": Decimal("62.5"), "Nee": Decimal("37.5")}
    totals = Result.objects.filter(segment__name="Totaal", option__question__code="v1")
    assert dict(totals.values_list("option__label", "count")) == {"Ja": None, "Nee": 75}
    assert percentages(segment="Gemeente") == {
        "Ja": Decimal("70"),
        "Nee": Decimal("30"),
    }


def test_questions_missing_from_a_corrected_file_are_left_alone(survey, tmp_path):
    run(write_xlsx(tmp_path / "eerste.xlsx", base_rows()))
    v1_before = [row for row in stored_data()["results"] if row[1] == "v1"]
    only_v2 = [row for row in base_rows() if row[1] == "v2"]
    only_v2[0][5] = 81

    run(write_xlsx(tmp_path / "alleen-v2.xlsx", only_v2))

    assert [row for row in stored_data()["results"] if row[1] == "v1"] == v1_before
    assert percentages("v2")["E-mail"] == Decimal("81")


def test_a_changed_question_text_updates_the_question_and_its_rows(survey, tmp_path):
    run(write_csv(tmp_path / "eerste.csv", base_rows()))
    rows = base_rows()
    for row in rows[:4]:
        row[2] = "Ervaart u (veel) werkdruk?"

    out, _ = run(write_csv(tmp_path / "tekst.csv", rows))

    assert out.endswith("0 nieuw, 4 bijgewerkt, 3 ongewijzigd")
    assert Question.objects.get(code="v1").text == "Ervaart u (veel) werkdruk?"


def test_segments_are_matched_without_regard_to_case(survey, tmp_path):
    SegmentFactory(name="Gemeente", order=3)
    rows = base_rows()
    rows[2][7] = rows[3][7] = "gemeente"
    rows[0][7] = "totaal"

    run(write_csv(tmp_path / "segmenten.csv", rows))

    assert sorted(Segment.objects.values_list("name", flat=True)) == [
        "Gemeente",
        "Totaal",
    ]


# --- Refusals: nothing is stored ---------------------------------------------------


@pytest.fixture
def existing(survey, tmp_path):
    """A round with results, so that refusals can show that nothing changed."""
    run(write_xlsx(tmp_path / "bestaand.xlsx", base_rows()))
    return stored_data()


def test_an_unknown_round_is_a_row_error_and_is_never_created(existing, tmp_path):
    rows = base_rows()
    rows[3][0] = "bestaat-niet"
    rows[3][5] = 31

    said = refuse(write_csv(tmp_path / "onbekend.csv", rows))

    assert "Rij 5: de enquête ‘bestaat-niet’ bestaat niet" in said
    assert not Survey.objects.filter(slug="bestaat-niet").exists()
    assert stored_data() == existing


def test_a_missing_required_column_is_refused(existing, tmp_path):
    headers = [name for name in HEADERS if name != "percentage"]
    rows = [row[:5] + row[6:] for row in base_rows()]

    said = refuse(write_csv(tmp_path / "zonder.csv", rows, headers=headers))

    assert "Verplichte kolom ontbreekt: percentage" in said
    assert stored_data() == existing


def test_an_empty_question_code_is_refused(existing, tmp_path):
    rows = base_rows()
    rows[4][1] = ""

    said = refuse(write_xlsx(tmp_path / "geen-code.xlsx", rows))

    assert "Rij 6: de vraagcode is leeg." in said
    assert stored_data() == existing


def test_a_question_code_that_cannot_be_part_of_a_web_address_is_refused(
    existing, tmp_path
):
    rows = base_rows()
    for row in rows[4:]:
        row[1] = "vraag 2"

    said = refuse(write_xlsx(tmp_path / "spatie.xlsx", rows))

    assert (
        "Rij 6: de vraagcode ‘vraag 2’ mag alleen letters, cijfers, - en _ bevatten"
        in said
    )
    assert stored_data() == existing


def test_an_empty_answer_is_refused(existing, tmp_path):
    rows = base_rows()
    rows[5][4] = None

    said = refuse(write_xlsx(tmp_path / "geen-antwoord.xlsx", rows))

    assert "Rij 7: het antwoord is leeg." in said
    assert stored_data() == existing


def test_a_percentage_that_is_not_a_number_is_refused(existing, tmp_path):
    rows = base_rows()
    rows[6][5] = "veel"

    said = refuse(write_csv(tmp_path / "tekst.csv", rows))

    assert "Rij 8: het percentage ‘veel’ is geen getal." in said
    assert stored_data() == existing


def test_an_empty_percentage_is_refused(existing, tmp_path):
    rows = base_rows()
    rows[6][5] = ""

    said = refuse(write_csv(tmp_path / "leeg.csv", rows))

    assert "Rij 8: het percentage is leeg." in said
    assert stored_data() == existing


@pytest.mark.parametrize("value", ["-1", "100,5", "250%"])
def test_a_percentage_outside_0_to_100_is_refused(existing, tmp_path, value):
    rows = base_rows()
    rows[6][5] = value

    said = refuse(write_csv(tmp_path / "buiten.csv", rows))

    assert f"Rij 8: het percentage {value} ligt niet tussen 0 en 100." in said
    assert stored_data() == existing


def test_a_percentage_cell_of_2500_percent_in_excel_is_refused(existing, tmp_path):
    """Typing 25 into a cell formatted as percentage makes it 2500 %."""
    rows = [
        ["werkdruk-2024", "v2", Q2, "multi", "E-mail", 25, "", "", ""],
    ]
    path = write_xlsx(
        tmp_path / "te-veel.xlsx", rows, number_formats={"percentage": "0%"}
    )

    said = refuse(path)

    assert "Rij 2: het percentage 2500% ligt niet tussen 0 en 100." in said
    assert stored_data() == existing


def test_a_question_type_other_than_single_or_multi_is_refused(existing, tmp_path):
    rows = base_rows()
    for row in rows[4:]:
        row[3] = "open"

    said = refuse(write_csv(tmp_path / "open.csv", rows))

    assert "Rij 6: het vraagtype ‘open’ is onbekend; gebruik single of multi." in said
    assert stored_data() == existing


def test_one_question_with_two_types_is_refused(existing, tmp_path):
    rows = base_rows()
    rows[6][3] = "single"

    said = refuse(write_csv(tmp_path / "twee-types.csv", rows))

    assert (
        "Vraag ‘v2’ heeft twee verschillende vraagtypes: ‘multi’ (rij 6) en ‘single’ (rij 8)"
        in said
    )
    assert stored_data() == existing


def test_one_question_with_two_texts_is_refused(existing, tmp_path):
    rows = base_rows()
    rows[1][2] = "Ervaart u weinig werkdruk?"

    said = refuse(write_csv(tmp_path / "twee-teksten.csv", rows))

    assert (
        f"Vraag ‘v1’ heeft twee verschillende vraagteksten: ‘{Q1}’ (rij 2) en "
        "‘Ervaart u weinig werkdruk?’ (rij 3)"
    ) in said
    assert stored_data() == existing


def test_a_single_question_whose_segment_does_not_add_up_to_100_is_refused(
    existing, tmp_path
):
    rows = base_rows()
    rows[3][5] = 27  # Gemeente: 70 + 27 = 97

    said = refuse(write_csv(tmp_path / "som.csv", rows))

    assert (
        "Vraag ‘v1’, segment ‘Gemeente’ (rijen 4, 5): de percentages tellen op tot 97."
    ) in said
    assert stored_data() == existing


def test_a_single_question_may_deviate_two_points_for_rounding(survey, tmp_path):
    rows = base_rows()
    rows[0][5], rows[1][5] = 61, 41  # 102
    rows[2][5], rows[3][5] = 69, 29  # 98

    out, _ = run(write_csv(tmp_path / "afronding.csv", rows))

    assert out.startswith("2 vragen")


def test_a_multi_question_may_add_up_to_more_than_100(survey, tmp_path):
    out, _ = run(write_csv(tmp_path / "multi.csv", base_rows()))

    assert sum(percentages("v2").values()) == Decimal("137.5")
    assert out.startswith("2 vragen")


def test_the_same_answer_twice_in_one_segment_is_refused(existing, tmp_path):
    rows = base_rows()
    rows.append(list(rows[5]))

    said = refuse(write_csv(tmp_path / "dubbel.csv", rows))

    assert (
        "Rij 9: Vraag ‘v2’, antwoord ‘Telefoon’, segment ‘Totaal’ staat ook al in rij 7."
        in said
    )
    assert stored_data() == existing


def test_one_answer_written_two_ways_in_one_question_is_refused(existing, tmp_path):
    """ "Ja" for Totaal and "ja" for Gemeente are one answer to a reader; stored, they
    were two options, each missing from the other segment."""
    rows = base_rows()
    rows[2][4] = "ja"  # Gemeente
    rows[3][4] = "Nee "  # spaces around are no difference

    said = refuse(write_csv(tmp_path / "spelling.csv", rows))

    assert (
        "Rij 4: Vraag ‘v1’, antwoord ‘ja’ is anders geschreven dan ‘Ja’ in rij 2"
        in said
    )
    assert "Nee" not in said
    assert stored_data() == existing


def test_a_count_that_is_not_a_whole_number_is_refused(existing, tmp_path):
    rows = base_rows()
    rows[0][6] = "12,5"

    said = refuse(write_csv(tmp_path / "aantal.csv", rows))

    assert "Rij 2: het aantal ‘12,5’ is geen geheel getal van 0 of meer." in said
    assert stored_data() == existing


def test_a_count_too_large_to_store_is_refused_by_preview_and_import_alike(
    existing, tmp_path
):
    """The database stores counts up to 2 147 483 647; a larger one failed only on saving."""
    rows = base_rows()
    rows[0][6] = "3000000000"
    path = write_csv(tmp_path / "groot.csv", rows)

    preview = import_results(file=path.read_bytes(), dry_run=True)
    said = refuse(path)

    message = "Rij 2: het aantal ‘3000000000’ is te groot (hoogstens 2.147.483.647)."
    assert [issue.message for issue in preview.errors] == [message]
    assert message in said
    assert stored_data() == existing


def test_an_empty_sheet_is_refused(existing, tmp_path):
    said = refuse(write_xlsx(tmp_path / "leeg.xlsx", [], headers=None))

    assert "Het werkblad is leeg" in said
    assert stored_data() == existing


def test_a_sheet_with_headers_only_is_refused(existing, tmp_path):
    said = refuse(write_ods(tmp_path / "koppen.ods", []))

    assert "Het werkblad is leeg" in said
    assert stored_data() == existing


def test_a_file_that_is_not_a_spreadsheet_is_refused(existing, tmp_path):
    path = tmp_path / "foto.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))

    said = refuse(path)

    assert "Dit bestand is geen spreadsheet" in said
    assert stored_data() == existing


def test_a_zip_file_that_is_not_a_spreadsheet_is_refused(existing, tmp_path):
    import zipfile

    path = tmp_path / "archief.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notities.txt", "geen spreadsheet")

    said = refuse(path)

    assert "Dit bestand is geen spreadsheet" in said
    assert stored_data() == existing


def test_every_error_in_a_file_is_reported_with_its_row(existing, tmp_path):
    rows = base_rows()
    rows[0][5] = "zestig"
    rows[4][1] = ""
    rows[6][4] = ""

    said = refuse(write_csv(tmp_path / "fouten.csv", rows))

    assert "Rij 2: het percentage ‘zestig’ is geen getal." in said
    assert "Rij 6: de vraagcode is leeg." in said
    assert "Rij 8: het antwoord is leeg." in said
    assert "3 fouten gevonden; er is niets opgeslagen." in said
    assert stored_data() == existing


def test_one_bad_row_among_new_rows_stores_none_of_them(survey, tmp_path):
    rows = base_rows()
    rows[6][5] = "?"

    refuse(write_xlsx(tmp_path / "een-fout.xlsx", rows))

    assert Question.objects.count() == 0
    assert AnswerOption.objects.count() == 0
    assert Result.objects.count() == 0
    assert not Segment.objects.filter(name="Gemeente").exists()


def test_rows_of_another_round_are_refused_when_a_survey_is_chosen(existing, tmp_path):
    SurveyFactory(slug="thuiswerken")
    existing = stored_data()
    rows = base_rows()
    rows.append(
        ["thuiswerken", "t1", "Werkt u thuis?", "single", "Ja", 100, "", "", ""]
    )

    said = refuse(write_csv(tmp_path / "andere.csv", rows), survey="werkdruk-2024")

    assert (
        "Rij 9: de enquête ‘thuiswerken’ is niet de gekozen enquête ‘werkdruk-2024’"
    ) in said
    assert not Question.objects.filter(code="t1").exists()
    assert stored_data() == existing


def test_an_empty_survey_cell_means_the_chosen_survey(survey, tmp_path):
    rows = base_rows(slug="")

    out, _ = run(
        write_csv(tmp_path / "zonder-enquete.csv", rows), survey="werkdruk-2024"
    )

    assert out.startswith("2 vragen")
    assert Question.objects.filter(survey=survey).count() == 2


def test_an_empty_survey_cell_without_a_chosen_survey_is_refused(survey, tmp_path):
    said = refuse(write_csv(tmp_path / "zonder.csv", base_rows(slug="")))

    assert "Rijen 2–8: de enquête ontbreekt (kolom enquete is leeg)." in said
    assert Question.objects.count() == 0


def test_an_unknown_survey_option_is_refused(tmp_path, db):
    said = refuse(write_csv(tmp_path / "a.csv", base_rows()), survey="bestaat-niet")

    assert "De enquête ‘bestaat-niet’ bestaat niet" in said


def test_a_missing_file_is_refused(tmp_path, db):
    said = refuse(tmp_path / "weg.xlsx")

    assert "kan niet worden gelezen: het bestaat niet" in said
    assert "No such file" not in said


def test_a_file_over_the_upload_limit_is_refused_by_the_command_too(
    survey, tmp_path, settings
):
    settings.UPLOAD_MAX_BYTES = 100
    path = write_csv(tmp_path / "groot.csv", base_rows())

    said = refuse(path)

    assert "dat is groter dan de 100\xa0bytes die een import mag zijn" in said
    assert not Result.objects.exists()


def test_a_text_that_looks_like_a_formula_is_refused(existing, tmp_path):
    rows = base_rows()
    rows[6][4] = '=HYPERLINK("http://example.org")'

    said = refuse(write_csv(tmp_path / "formule.csv", rows))

    assert "Rij 8: de kolom antwoord begint met =" in said
    assert stored_data() == existing


# --- Cost: a constant number of queries ---------------------------------------------


def _multi_rows(slug: str, questions: int, options: int) -> list[list]:
    return [
        [slug, f"q{q}", f"Vraag {q}?", "multi", f"Antwoord {o}", 10, "", "", o]
        for q in range(questions)
        for o in range(options)
    ]


def test_the_number_of_queries_does_not_grow_with_the_number_of_rows(tmp_path, db):
    SegmentFactory(name="Totaal")
    small_survey = SurveyFactory(slug="klein")
    large_survey = SurveyFactory(slug="groot")
    small = write_csv(tmp_path / "klein.csv", _multi_rows("klein", 1, 2)).read_bytes()
    large = write_csv(tmp_path / "groot.csv", _multi_rows("groot", 10, 8)).read_bytes()

    counts = []
    for survey, dataset in [(small_survey, small), (large_survey, large)]:
        for dry_run in (True, False, False):  # preview, first import, re-import
            with CaptureQueriesContext(connection) as queries:
                summary = import_results(survey=survey, file=dataset, dry_run=dry_run)
            assert summary.is_valid
            counts.append(len(queries))

    assert counts[:3] == counts[3:]
    assert Result.objects.filter(option__question__survey=large_survey).count() == 80


def test_row_numbers_in_messages_match_the_sheet_across_blank_rows(survey, tmp_path):
    rows = base_rows()
    rows.insert(2, ["", "", "", "", "", "", "", "", ""])
    rows[5][5] = "?"  # sheet row 7, after the blank row 4

    said = refuse(write_xlsx(tmp_path / "gat.xlsx", rows))

    assert "Rij 7: het percentage ‘?’ is geen getal." in said


# --- The pipeline: a plan writes nothing, progress is reported ------------------------


def test_planning_writes_nothing_not_even_a_new_segment(survey, tmp_path):
    from surveys.importing.check import check_sheet
    from surveys.importing.plan import make_plan
    from surveys.spreadsheets import read_sheet

    rows = base_rows()
    rows[2][7] = rows[3][7] = "Provincie"  # a segment that does not exist yet
    sheet = read_sheet(
        write_csv(tmp_path / "a.csv", rows).read_bytes(), headers=HEADERS
    )
    checked = check_sheet(sheet, survey=None, progress=lambda *args: None)

    with CaptureQueriesContext(connection) as queries:
        plan = make_plan(checked.questions, source=checked.source, dry_run=False)

    writes = [
        q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert writes == []
    assert {segment.name for segment in plan.new_segments} == {"Totaal", "Provincie"}
    assert not Segment.objects.exists()


def test_progress_is_reported_per_phase_as_the_import_goes(survey, tmp_path):
    rows = _multi_rows("werkdruk-2024", 25, 100)  # 2 500 rows
    data = write_csv(tmp_path / "groot.csv", rows).read_bytes()
    calls = []

    summary = import_results(file=data, progress=lambda *call: calls.append(call))

    assert summary.is_valid
    phases = [phase for phase, _done, _total in calls]
    assert phases == sorted(phases, key=["lezen", "controleren", "opslaan"].index)
    reading = [(done, total) for phase, done, total in calls if phase == "lezen"]
    assert [done for done, _total in reading] == [1000, 2000, 2500]
    assert reading[-1] == (2500, 2500)
    checking = [(done, total) for phase, done, total in calls if phase == "controleren"]
    assert checking[0] == (0, 25) and checking[-1] == (25, 25)
    storing = [(done, total) for phase, done, total in calls if phase == "opslaan"]
    assert storing[0] == (0, 2500) and storing[-1] == (2500, 2500)
    assert [done for done, _ in storing] == sorted(done for done, _ in storing)


def test_a_dry_run_reports_reading_and_checking_only(survey, tmp_path):
    data = write_csv(tmp_path / "a.csv", base_rows()).read_bytes()
    calls = []

    import_results(file=data, dry_run=True, progress=lambda *call: calls.append(call))

    assert {phase for phase, _done, _total in calls} == {"lezen", "controleren"}


def test_a_profile_question_type_is_refused_in_an_aggregated_file(survey, tmp_path):
    rows = base_rows()
    for row in rows[:4]:
        row[3] = "profiel"
    path = write_csv(tmp_path / "profiel.csv", rows)

    said = refuse(path, survey="werkdruk-2024")

    assert "het vraagtype ‘profiel’ is onbekend; gebruik single of multi" in said
    assert not Result.objects.exists()
