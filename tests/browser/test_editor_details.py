"""What editors, moderators and English-speaking readers see in Chromium: the comment
list at 1280 px, the article editor in Dutch with spellcheck, a chosen image kept after
a refused form, and the language switch by keyboard and without JavaScript."""

import re

from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article, Comment
from tests.factories import CommentFactory

from .helpers import SEED_URL, horizontal_overflow, log_in


def test_the_comment_list_fits_text_status_and_date_at_1280_px(page, moderator):
    article = Article.objects.get(slug="digitale-dienstverlening")
    CommentFactory(
        article=article,
        name="Een lezer met een heel erg lange naam die maar doorgaat",
        email="een.heel.erg.lang.emailadres.van.een.lezer@een-lange-organisatie.example.org",
        body="Een lange reactie zonder einde " * 40,
        status=Comment.Status.PENDING,
    )
    log_in(page, moderator.username)

    page.goto(reverse("admin:articles_comment_changelist"))

    expect(page.locator("#changelist-filter li.selected").first).to_have_text(
        "Wacht op goedkeuring"
    )
    for column in ("short_body", "status", "created_at"):
        cell = page.locator(
            f"#result_list tbody tr td.field-{column}, #result_list tbody tr th.field-{column}"
        ).first
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, column
    assert horizontal_overflow(page) == 0
    page.get_by_role("link", name="Alle", exact=True).click()
    expect(page.locator("#result_list tbody tr")).to_have_count(
        4
    )  # the demo's three too


def test_the_editor_is_in_dutch_and_checks_spelling_in_dutch(page, editor):
    log_in(page, editor.username)
    article = Article.objects.get(slug="digitale-dienstverlening")

    page.goto(reverse("admin:articles_article_change", args=[article.pk]))

    body = page.locator(".field-body").get_by_role("textbox")
    expect(body).to_have_attribute("spellcheck", "true")
    expect(body).to_have_attribute("lang", "nl")
    menu = page.locator(".field-body .prose-editor")
    expect(menu.get_by_role("button", name="vet")).to_be_visible()
    expect(menu.get_by_role("button", name="link invoegen")).to_be_visible()
    expect(menu.locator(".prose-menubar__option", has_text="Kop 2")).to_have_count(1)
    body.locator("p").first.dblclick()
    menu.get_by_role("button", name="link invoegen").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Webadres")
    expect(dialog.get_by_role("button", name="Annuleren")).to_be_visible()


def test_the_body_editor_is_named_by_its_label_and_described_by_its_help_text(
    page, editor
):
    log_in(page, editor.username)
    article = Article.objects.get(slug="digitale-dienstverlening")

    page.goto(reverse("admin:articles_article_change", args=[article.pk]))

    body = page.get_by_role("textbox", name="Tekst:", exact=True)
    expect(body).to_have_attribute("contenteditable", "true")
    expect(body).to_have_attribute("aria-multiline", "true")
    expect(body).to_have_accessible_description(re.compile(r"\[grafiek"))


def _png(path) -> str:
    Image.new("RGB", (64, 48), color=(0, 90, 160)).save(path, format="PNG")
    return str(path)


def test_a_chosen_image_survives_a_form_refused_for_its_missing_alt_text(
    page, editor, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    log_in(page, editor.username)
    article = Article.objects.get(slug="digitale-dienstverlening")
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))

    page.locator("#id_image").set_input_files(_png(tmp_path / "werkvloer.png"))
    page.get_by_role("button", name="Opslaan en opnieuw bewerken").click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".field-image")).to_contain_text("Gekozen: werkvloer.png")

    page.get_by_label("Alternatieve tekst van de afbeelding").fill(
        "Collega's aan het werk"
    )
    page.get_by_role("button", name="Opslaan en opnieuw bewerken").click()
    expect(page.locator(".messagelist")).to_contain_text("Het artikel")

    article.refresh_from_db()
    assert (article.image_width, article.image_height) == (64, 48)
    page.goto(SEED_URL)
    image = page.locator("article .article__image img")
    expect(image).to_have_attribute("width", "64")
    assert page.evaluate("img => img.naturalWidth", image.element_handle()) == 64


def test_an_english_reader_switches_by_keyboard_and_gets_english_with_dutch_content(
    new_page,
):
    for javascript in (True, False):
        page = new_page(javascript=javascript)
        page.goto(SEED_URL)
        switch = page.get_by_role("button", name="Language: English")
        switch.focus()
        page.keyboard.press("Enter")

        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert page.url.endswith(SEED_URL)
        expect(page.locator("h1")).to_have_attribute("lang", "nl")
        expect(page.get_by_role("heading", name="Comments", exact=True)).to_be_visible()
        page.get_by_role("button", name="Taal: Nederlands").click()
        expect(page.locator("html")).to_have_attribute("lang", "nl")
