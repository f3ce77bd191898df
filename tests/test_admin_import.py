"""Research staff import survey results in the admin: upload, preview, confirm.

Everything goes through the real admin views as a logged-in member of the group
Onderzoek, with files written by the test.
"""

import re
from html import unescape
from html.parser import HTMLParser
from io import BytesIO

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from surveys.importing import COLUMNS, import_results
from surveys.models import AnswerOption, Question, Result
from tests.factories import SurveyFactory
from tests.spreadsheets import Q1, base_rows, write_csv, write_ods, write_xlsx

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:surveys_result_import")
CONFIRM_URL = reverse("admin:surveys_result_process_import")


@pytest.fixture
def survey():
    return SurveyFactory(slug="werkdruk-2024", title="Werkdruk 2024")


class _HiddenInputs(HTMLParser):
    def __init__(self, form_action: str):
        super().__init__()
        self.form_action = form_action
        self.inside = False
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("action") == self.form_action
        elif tag == "input" and self.inside and attrs.get("type") == "hidden":
            self.values[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def confirm_form_data(html: str) -> dict[str, str]:
    """The hidden fields of the confirm form, as a browser would post them."""
    parser = _HiddenInputs(CONFIRM_URL)
    parser.feed(html)
    return parser.values


def upload(client: Client, path, survey: str = ""):
    with open(path, "rb") as file:
        return client.post(
            IMPORT_URL,
            {"resource": "0", "format": "0", "survey": survey, "import_file": file},
        )


def test_upload_shows_a_preview_and_stores_nothing_until_confirmed(
    survey, researcher_client, tmp_path
):
    path = write_xlsx(tmp_path / "werkdruk.xlsx", base_rows())

    preview = upload(researcher_client, path)

    assert preview.status_code == 200
    html = preview.content.decode()
    assert (
        "2 vragen, 5 antwoordopties, 7 resultaten: 7 nieuw, 0 bijgewerkt, 0 ongewijzigd"
        in html
    )
    assert "Import bevestigen" in html
    assert html.count("<td>Nieuw</td>") == 7
    assert Result.objects.count() == 0
    assert Question.objects.count() == 0

    stored = researcher_client.post(CONFIRM_URL, confirm_form_data(html), follow=True)

    assert stored.status_code == 200
    assert stored.redirect_chain[-1][0].startswith(
        reverse("admin:surveys_result_changelist")
    )
    assert "Import opgeslagen: 2 vragen, 5 antwoordopties, 7 resultaten" in (
        stored.content.decode()
    )
    assert Result.objects.count() == 7
    assert Question.objects.filter(survey=survey).count() == 2


def test_confirming_writes_one_history_entry_for_the_round(
    survey, researcher_client, researcher, tmp_path
):
    preview = upload(researcher_client, write_csv(tmp_path / "a.csv", base_rows()))

    researcher_client.post(CONFIRM_URL, confirm_form_data(preview.content.decode()))

    entries = LogEntry.objects.filter(user=researcher)
    assert entries.count() == 1
    assert entries.get().object_id == str(survey.pk)
    assert "Resultaten geïmporteerd: 2 vragen" in entries.get().change_message


def test_the_preview_of_the_same_file_again_shows_every_row_unchanged(
    survey, researcher_client, tmp_path
):
    path = write_ods(tmp_path / "werkdruk.ods", base_rows())
    preview = upload(researcher_client, path)
    researcher_client.post(CONFIRM_URL, confirm_form_data(preview.content.decode()))

    again = upload(researcher_client, path).content.decode()

    assert "7 resultaten: 0 nieuw, 0 bijgewerkt, 7 ongewijzigd" in again
    assert again.count("<td>Ongewijzigd</td>") == 7
    assert again.count("<td>Nieuw</td>") == 0


def preview_rows(html: str, caption: str) -> list[list[str]]:
    """The cells of the preview table with this caption, row by row, as text."""
    table = html[html.index(caption) :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table[table.index("<tbody>") :], re.S)
    return [
        [
            unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<td>(.*?)</td>", row, re.S)
        ]
        for row in rows
    ]


def test_the_preview_of_a_corrected_file_lists_changes_first_and_what_is_deleted(
    survey, researcher_client, tmp_path
):
    import_results(
        survey=survey, file=write_csv(tmp_path / "eerst.csv", base_rows()).read_bytes()
    )
    corrected = base_rows()[:6]  # Chat is gone
    corrected[4][5], corrected[5][5] = 82, 40  # E-mail 80 → 82, Telefoon 45 → 40
    corrected[5][6] = 7  # Telefoon: count – → 7

    html = upload(
        researcher_client, write_xlsx(tmp_path / "verbeterd.xlsx", corrected)
    ).content.decode()

    assert "0 nieuw, 2 bijgewerkt, 4 ongewijzigd, 1 verwijderd" in html
    rows = preview_rows(html, "Alle rijen, wat verandert eerst")
    assert [row[1] for row in rows] == ["Bijgewerkt"] * 2 + ["Ongewijzigd"] * 4
    assert rows[0][:8] == [
        "6",
        "Bijgewerkt",
        "werkdruk-2024",
        "v2",
        "E-mail",
        "Totaal",
        "80 → 82",
        "",
    ]
    assert rows[1][6:8] == ["45 → 40", "– → 7"]
    removed = preview_rows(html, "Rijen die worden verwijderd")
    assert removed == [["werkdruk-2024", "v2", "Chat", "Totaal", "12,5", ""]]
    assert AnswerOption.objects.filter(label="Chat").exists()  # not yet confirmed


def test_the_preview_says_what_else_changes_in_a_row(
    survey, researcher_client, tmp_path
):
    import_results(
        survey=survey, file=write_csv(tmp_path / "eerst.csv", base_rows()).read_bytes()
    )
    corrected = base_rows()
    for row in corrected[:4]:
        row[2] = "Ervaart u (veel) werkdruk?"

    html = upload(
        researcher_client, write_csv(tmp_path / "tekst.csv", corrected)
    ).content.decode()

    rows = preview_rows(html, "Alle rijen, wat verandert eerst")
    assert rows[0][1] == "Bijgewerkt" and rows[0][8] == "vraagtekst gewijzigd"
    assert rows[0][6] == "60"


def test_the_preview_of_a_large_file_still_shows_its_changed_rows(
    survey, researcher_client, tmp_path
):
    rows = [
        [
            "werkdruk-2024",
            f"q{q}",
            f"Vraag {q}?",
            "multi",
            f"Antwoord {o}",
            5,
            "",
            "",
            "",
        ]
        for q in range(41)
        for o in range(25)
    ]
    import_results(
        survey=survey, file=write_csv(tmp_path / "groot.csv", rows).read_bytes()
    )
    rows[500][5] = 6

    html = upload(
        researcher_client, write_csv(tmp_path / "groot2.csv", rows)
    ).content.decode()

    assert "1025 resultaten: 0 nieuw, 1 bijgewerkt, 1024 ongewijzigd" in html
    assert preview_rows(html, "De bijgewerkte rijen")[0][6] == "5 → 6"
    assert html.count("<td>Ongewijzigd</td>") == 0


def test_an_unknown_round_in_many_rows_is_one_message_with_the_rows(
    survey, researcher_client, tmp_path
):
    rows = [
        [
            "bestaat-niet",
            f"q{q}",
            f"Vraag {q}?",
            "multi",
            f"Antwoord {o}",
            5,
            "",
            "",
            "",
        ]
        for q in range(13)
        for o in range(10)
    ]

    html = upload(
        researcher_client, write_csv(tmp_path / "onbekend.csv", rows)
    ).content.decode()

    assert "Er is 1 fout gevonden." in html
    assert "Rijen 2–131: de enquête ‘bestaat-niet’ bestaat niet" in html
    assert html.count("bestaat niet;") == 1


def test_a_single_total_allows_two_percentage_points_in_the_plural(
    survey, researcher_client, tmp_path
):
    rows = base_rows()
    rows[0][5] = 50

    html = upload(
        researcher_client, write_csv(tmp_path / "som.csv", rows)
    ).content.decode()

    assert "(2 procentpunten afwijking mag, voor afronding)" in html


def test_the_preview_says_which_sheet_was_read(survey, researcher_client, tmp_path):
    path = write_xlsx(tmp_path / "bladen.xlsx", base_rows())
    workbook = load_workbook(path)
    notes = workbook.create_sheet("Notities", 0)
    notes.append(["Lees dit eerst"])
    workbook.save(path)

    html = upload(researcher_client, path).content.decode()

    assert (
        "Gelezen: werkblad ‘Resultaten’ (overgeslagen: ‘Notities’ (zonder de kolomkoppen))."
        in unescape(html)
    )


def test_the_import_page_has_no_english_or_library_sentences(survey, researcher_client):
    html = researcher_client.get(IMPORT_URL).content.decode()

    assert "Deze import zal de volgende velden toevoegen" not in html
    assert "This importer" not in html
    assert "Verplichte kolommen" in html


def test_a_file_with_errors_shows_each_row_and_reason_and_cannot_be_confirmed(
    survey, researcher_client, tmp_path
):
    rows = base_rows()
    rows[1][5] = "veertig"
    rows[5][0] = "bestaat-niet"

    response = upload(researcher_client, write_csv(tmp_path / "fouten.csv", rows))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Rij 3: het percentage ‘veertig’ is geen getal." in html
    assert "Rij 7: de enquête ‘bestaat-niet’ bestaat niet" in html
    assert "Er zijn 2 fouten gevonden. Er is niets opgeslagen" in html
    assert "Import bevestigen" not in html
    assert confirm_form_data(html) == {}
    assert Result.objects.count() == 0


def test_a_single_question_that_does_not_add_up_is_shown_with_its_rows(
    survey, researcher_client, tmp_path
):
    rows = base_rows()
    rows[0][5] = 50

    html = upload(
        researcher_client, write_xlsx(tmp_path / "som.xlsx", rows)
    ).content.decode()

    assert (
        "Vraag ‘v1’, segment ‘Totaal’ (rijen 2, 3): de percentages tellen op tot 90."
        in html
    )
    assert Result.objects.count() == 0


def test_a_file_that_is_not_a_spreadsheet_gets_a_dutch_message(
    survey, researcher_client, tmp_path
):
    path = tmp_path / "brief.xlsx"
    path.write_bytes(b"%PDF-1.4\n\x00\x01\x02 geen spreadsheet")

    html = upload(researcher_client, path).content.decode()

    assert "Dit bestand is geen spreadsheet die gelezen kan worden" in html
    assert "Import bevestigen" not in html


def test_an_empty_sheet_gets_a_dutch_message(survey, researcher_client, tmp_path):
    html = upload(
        researcher_client, write_xlsx(tmp_path / "leeg.xlsx", [], headers=None)
    ).content.decode()

    assert "Het werkblad is leeg" in html
    assert Result.objects.count() == 0


def test_a_large_file_shows_totals_only(survey, researcher_client, tmp_path):
    rows = [
        [
            "werkdruk-2024",
            f"q{q}",
            f"Vraag {q}?",
            "multi",
            f"Antwoord {o}",
            5,
            "",
            "",
            "",
        ]
        for q in range(41)
        for o in range(25)
    ]

    html = upload(
        researcher_client, write_csv(tmp_path / "groot.csv", rows)
    ).content.decode()

    assert "41 vragen, 1025 antwoordopties, 1025 resultaten: 1025 nieuw" in html
    assert "alleen de totalen" in html
    assert "<td>Nieuw</td>" not in html
    assert "Import bevestigen" in html


def test_a_chosen_survey_refuses_rows_of_another_round(
    survey, researcher_client, tmp_path
):
    SurveyFactory(slug="thuiswerken")
    rows = base_rows(slug="thuiswerken")

    html = upload(
        researcher_client,
        write_csv(tmp_path / "ander.csv", rows),
        survey="werkdruk-2024",
    ).content.decode()

    assert (
        "Rijen 2–8: de enquête ‘thuiswerken’ is niet de gekozen enquête ‘werkdruk-2024’"
        in html
    )
    assert Result.objects.count() == 0


def test_a_chosen_survey_is_kept_through_the_confirmation(
    survey, researcher_client, tmp_path
):
    preview = upload(
        researcher_client,
        write_csv(tmp_path / "zonder-enquete.csv", base_rows(slug="")),
        survey="werkdruk-2024",
    )
    data = confirm_form_data(preview.content.decode())
    assert data["survey"] == "werkdruk-2024"

    researcher_client.post(CONFIRM_URL, data)

    assert Result.objects.filter(option__question__survey=survey).count() == 7


def test_the_import_page_preselects_the_survey_it_was_opened_for(
    survey, researcher_client
):
    response = researcher_client.get(IMPORT_URL, {"enquete": "werkdruk-2024"})

    assert response.status_code == 200
    assert '<option value="werkdruk-2024" selected>' in response.content.decode()


def test_the_survey_page_links_to_its_import_and_export(survey, researcher_client):
    response = researcher_client.get(
        reverse("admin:surveys_survey_change", args=[survey.pk])
    )

    html = response.content.decode()
    assert f'href="{IMPORT_URL}?enquete=werkdruk-2024"' in html
    assert "Resultaten exporteren" in html


def test_the_empty_template_can_be_downloaded_and_has_the_import_headers(
    survey, researcher_client, tmp_path
):
    response = researcher_client.get(reverse("admin:surveys_result_import_template"))

    assert response.status_code == 200
    assert "importsjabloon-resultaten.xlsx" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    first = workbook.worksheets[0]
    assert [cell.value for cell in first[1]] == list(COLUMNS)
    assert first.max_row == 1
    # Filled in, the template imports.
    for row in base_rows():
        first.append([None if value == "" else value for value in row])
    path = tmp_path / "ingevuld.xlsx"
    workbook.save(path)
    html = upload(researcher_client, path).content.decode()
    assert "7 resultaten: 7 nieuw" in html


def test_the_template_opened_from_a_round_is_for_that_round(
    survey, researcher_client, tmp_path
):
    page = researcher_client.get(
        IMPORT_URL, {"enquete": "werkdruk-2024"}
    ).content.decode()
    template_url = (
        reverse("admin:surveys_result_import_template") + "?enquete=werkdruk-2024"
    )
    assert f'href="{template_url}"' in unescape(page)

    response = researcher_client.get(template_url)

    assert "importsjabloon-werkdruk-2024.xlsx" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    example = workbook["Voorbeeld"]
    assert {row[0].value for row in example.iter_rows(min_row=2)} == {"werkdruk-2024"}
    explanation = [
        row[2].value
        for row in workbook["Toelichting"].iter_rows()
        if row[0].value == "enquete"
    ]
    assert "werkdruk-2024" in explanation[0]
    # Filled in without the round in each row, and uploaded from the round's page.
    first = workbook.worksheets[0]
    for row in base_rows(slug=""):
        first.append([None if value == "" else value for value in row])
    path = tmp_path / "ingevuld.xlsx"
    workbook.save(path)
    html = upload(researcher_client, path, survey="werkdruk-2024").content.decode()
    assert "7 resultaten: 7 nieuw" in html


def test_the_round_page_and_its_results_link_to_its_template(survey, researcher_client):
    template_url = (
        reverse("admin:surveys_result_import_template") + "?enquete=werkdruk-2024"
    )
    round_page = researcher_client.get(
        reverse("admin:surveys_survey_change", args=[survey.pk])
    )
    results = researcher_client.get(
        reverse("admin:surveys_result_changelist"),
        {"option__question__survey__id__exact": survey.pk},
    )

    assert f'href="{template_url}"' in unescape(round_page.content.decode())
    assert f'href="{template_url}"' in unescape(results.content.decode())


def test_the_results_list_links_to_import_and_template(survey, researcher_client):
    html = researcher_client.get(
        reverse("admin:surveys_result_changelist")
    ).content.decode()

    assert f"href='{IMPORT_URL}'" in html  # django-import-export's own button
    assert f'href="{reverse("admin:surveys_result_import_template")}"' in html


@pytest.mark.parametrize(
    "name", ["survey", "question", "answeroption", "segment", "result"]
)
def test_research_staff_can_open_every_survey_admin_page(
    survey, researcher_client, name
):
    changelist = reverse(f"admin:surveys_{name}_changelist")

    assert researcher_client.get(changelist).status_code == 200
    assert researcher_client.get(changelist, {"q": "werk"}).status_code == 200
    assert (
        researcher_client.get(reverse(f"admin:surveys_{name}_add")).status_code == 200
    )


def test_questions_can_be_filtered_by_survey(survey, researcher_client, tmp_path):
    import_results(
        survey=survey,
        file=write_csv(tmp_path / "a.csv", base_rows()).read_bytes(),
    )
    other = SurveyFactory(slug="ander")

    html = researcher_client.get(
        reverse("admin:surveys_question_changelist"), {"survey__id__exact": other.pk}
    ).content.decode()

    assert Q1 not in html


@pytest.fixture
def staff_without_survey_rights(db) -> Client:
    user = User.objects.create_user(
        "stagiair", "stagiair@example.org", "x", is_staff=True
    )
    client = Client()
    client.force_login(user)
    return client


def test_staff_without_survey_permissions_cannot_import(
    survey, staff_without_survey_rights, researcher_client, tmp_path
):
    path = write_csv(tmp_path / "a.csv", base_rows())
    confirm = confirm_form_data(upload(researcher_client, path).content.decode())

    assert staff_without_survey_rights.get(IMPORT_URL).status_code == 403
    assert upload(staff_without_survey_rights, path).status_code == 403
    assert staff_without_survey_rights.post(CONFIRM_URL, confirm).status_code == 403
    template_url = reverse("admin:surveys_result_import_template")
    assert staff_without_survey_rights.get(template_url).status_code == 403
    assert Result.objects.count() == 0


def test_editors_who_may_only_view_surveys_cannot_import(
    survey, editor_client, tmp_path
):
    assert editor_client.get(IMPORT_URL).status_code == 403
    assert (
        upload(editor_client, write_csv(tmp_path / "a.csv", base_rows())).status_code
        == 403
    )
    assert Result.objects.count() == 0


def test_a_file_full_of_errors_lists_the_first_200_and_counts_the_rest(
    survey, researcher_client, tmp_path
):
    rows = [
        ["werkdruk-2024", f"q{i}", f"Vraag {i}?", "multi", "Ja", "veel", "", "", ""]
        for i in range(250)
    ]

    html = upload(
        researcher_client, write_csv(tmp_path / "fout.csv", rows)
    ).content.decode()

    assert "Er zijn 250 fouten gevonden." in html
    assert "Rij 201: het percentage ‘veel’ is geen getal." in html
    assert "Rij 202: het percentage" not in html
    assert "En nog 50 fouten" in html


@pytest.mark.parametrize("value", ["²", "٣", "99999999999999999999999"])
def test_a_strange_round_filter_on_the_results_list_never_gives_a_server_error(
    survey, researcher_client, value
):
    url = reverse("admin:surveys_result_changelist")
    filtered = {"option__question__survey__id__exact": value}

    listing = researcher_client.get(url, filtered)
    export = researcher_client.get(reverse("admin:surveys_result_export"), filtered)

    assert listing.status_code in (200, 302)
    assert export.status_code in (200, 302)
