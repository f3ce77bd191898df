"""Staff in the admin: an editor writes and publishes an article with a chart, a
moderator approves a comment, research staff import a results spreadsheet."""

from django.urls import reverse
from playwright.sync_api import Page, expect

from articles.models import Article, Comment
from surveys.models import Question, Result
from tests.spreadsheets import write_xlsx

from .helpers import SEED_URL, assert_chart_drawn_from_its_table, log_in, post_comment

TITLE = "Ambtenaren praten veel over digitale dienstverlening"
CHART = "[grafiek digitale-dienstverlening/gesprek]"


def choose_in_autocomplete(page: Page, field: str, text: str) -> None:
    """Picks an option in one of the admin's search-as-you-type select boxes."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.get_by_role("option", name=text).click()


def test_an_editor_writes_previews_and_publishes_an_article_with_a_chart(page, editor):
    log_in(page, editor.username)
    page.goto(reverse("admin:articles_article_changelist"))
    page.get_by_role("link", name="artikel toevoegen").click()

    page.get_by_label("Titel").press_sequentially(TITLE)
    expect(page.get_by_label("Slug")).to_have_value(
        "ambtenaren-praten-veel-over-digitale-dienstverlening"
    )
    choose_in_autocomplete(page, "category", "iSamenleving")
    choose_in_autocomplete(page, "author", "Ambtenarenpanel")
    page.get_by_label("Intro").fill("Driekwart van de ambtenaren praat er vaak over.")
    body = page.locator(".field-body").get_by_role("textbox")
    body.click()
    page.keyboard.type("Het onderwerp leeft op de werkvloer.")
    page.keyboard.press("Enter")
    page.keyboard.type(CHART)
    page.keyboard.press("Enter")
    page.keyboard.type("Dat blijkt uit het Ambtenarenpanel.")
    page.get_by_role("button", name="Opslaan en opnieuw bewerken").click()

    expect(page.locator(".messagelist")).to_contain_text("met succes toegevoegd")
    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.DRAFT
    assert CHART in article.body

    # The preview shows the draft as readers will see it, chart included.
    page.locator("a.viewsitelink").click()
    expect(page.get_by_role("note")).to_contain_text("Voorbeeld")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_chart_drawn_from_its_table(page.locator("article figure.chart"))
    page.go_back()

    page.get_by_label("Status").select_option(label="Gepubliceerd")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("met succes gewijzigd")

    page.goto("/")
    newest = page.locator("main").get_by_role("link", name=TITLE)
    expect(newest).to_be_visible()
    newest.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("note")).to_have_count(0)
    assert_chart_drawn_from_its_table(page.locator("article figure.chart"))


def test_a_moderator_approves_a_comment_and_the_reader_then_sees_it(
    page, new_page, moderator
):
    body = "Bij de provincie merken we dat de Agenda onbekend is."
    reader = new_page()
    reader.goto(SEED_URL)
    post_comment(reader, name="Pieter Smit", email="pieter@example.org", body=body)
    expect(reader.get_by_role("status")).to_contain_text("na goedkeuring")
    expect(reader.locator(".comment", has_text=body)).to_have_count(0)

    log_in(page, moderator.username)
    page.goto(reverse("admin:articles_comment_changelist"))
    page.get_by_role("link", name="Wacht op goedkeuring").click()
    row = page.locator("#result_list tbody tr", has_text="Pieter Smit")
    row.get_by_role("checkbox").check()
    page.get_by_role("combobox", name="Actie").select_option(
        label="Geselecteerde reacties goedkeuren"
    )
    page.get_by_role("button", name="Uitvoeren").click()

    expect(page.locator(".messagelist")).to_contain_text("1 reactie goedgekeurd.")
    assert Comment.objects.get(body=body).status == Comment.Status.APPROVED
    reader.goto(SEED_URL)
    expect(reader.locator(".comment", has_text=body)).to_contain_text("Pieter Smit")
    expect(reader.get_by_text("pieter@example.org")).to_have_count(0)


IMPORT_ROWS = [
    [
        "digitale-dienstverlening",
        "thuiswerk",
        "Hoe vaak werkt u thuis?",
        "single",
        "Nooit",
        10,
        48,
        "",
        1,
    ],
    [
        "digitale-dienstverlening",
        "thuiswerk",
        "Hoe vaak werkt u thuis?",
        "single",
        "Soms",
        35,
        168,
        "",
        2,
    ],
    [
        "digitale-dienstverlening",
        "thuiswerk",
        "Hoe vaak werkt u thuis?",
        "single",
        "Vaak",
        55,
        264,
        "",
        3,
    ],
    [
        "digitale-dienstverlening",
        "thuiswerk",
        "Hoe vaak werkt u thuis?",
        "single",
        "Nooit",
        5,
        "",
        "Gemeente",
        1,
    ],
    [
        "digitale-dienstverlening",
        "thuiswerk",
        "Hoe vaak werkt u thuis?",
        "single",
        "Soms",
        30,
        "",
        "Gemeente",
        2,
    ],
    [
        "digitale-dienstverlening",
        "thuiswerk",
        "Hoe vaak werkt u thuis?",
        "single",
        "Vaak",
        65,
        "",
        "Gemeente",
        3,
    ],
]


def open_import_and_upload(page: Page, path) -> None:
    page.goto(reverse("admin:surveys_result_changelist"))
    page.get_by_role("link", name="Importeren").click()
    page.get_by_label("Bestand").set_input_files(path)
    page.get_by_role("button", name="Controleren en voorbeeld tonen").click()


def test_research_staff_import_a_spreadsheet_and_see_the_new_chart(
    page, researcher, tmp_path
):
    path = write_xlsx(tmp_path / "thuiswerk.xlsx", IMPORT_ROWS)
    log_in(page, researcher.username)

    open_import_and_upload(page, path)

    expect(page.get_by_role("table", name="Wat de import doet")).to_be_visible()
    expect(page.locator("main, #content").first).to_contain_text("6 nieuw")
    assert not Question.objects.filter(code="thuiswerk").exists()
    page.get_by_role("button", name="Import bevestigen").click()

    expect(page.locator(".messagelist")).to_contain_text("Import opgeslagen")
    assert Result.objects.filter(option__question__code="thuiswerk").count() == 6

    page.goto(
        reverse(
            "surveys:question-detail",
            kwargs={"survey_slug": "digitale-dienstverlening", "code": "thuiswerk"},
        )
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Hoe vaak werkt u thuis?"
    )
    state = assert_chart_drawn_from_its_table(page.locator("figure.chart").first)
    assert state["table"]["labels"] == ["Nooit", "Soms", "Vaak"]
    assert state["table"]["columns"] == ["Totaal", "Gemeente"]


def test_research_staff_see_the_row_errors_of_a_broken_spreadsheet(
    page, researcher, tmp_path
):
    rows = [list(row) for row in IMPORT_ROWS]
    rows[1][5] = "veel"
    rows[4][0] = "bestaat-niet"
    path = write_xlsx(tmp_path / "fouten.xlsx", rows)
    log_in(page, researcher.username)

    open_import_and_upload(page, path)

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Er zijn 3 fouten gevonden. Er is niets opgeslagen")
    errors = page.locator("ul.errorlist")
    expect(errors).to_contain_text("Rij 3: het percentage ‘veel’ is geen getal.")
    expect(errors).to_contain_text("Rij 6: de enquête ‘bestaat-niet’ bestaat niet")
    # Without row 6 the segment Gemeente no longer adds up to 100.
    expect(errors).to_contain_text(
        "Vraag ‘thuiswerk’, segment ‘Gemeente’ (rijen 5, 7): de percentages tellen op tot 70."
    )
    expect(page.get_by_role("button", name="Import bevestigen")).to_have_count(0)
    assert not Question.objects.filter(code="thuiswerk").exists()
