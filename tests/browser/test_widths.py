"""On a phone (375 px) and a desktop (1280 px): no sideways scrolling, charts fit."""

from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    SurveyFactory,
    question_with_results,
)

from .helpers import (
    HOME_PAGE_2,
    PUBLIC_PAGES,
    SEED_SLUG,
    SEED_URL,
    horizontal_overflow,
    read_figure,
)


def test_no_page_scrolls_sideways_on_a_phone_or_a_desktop(new_page, many_articles):
    too_wide = []
    for width in (375, 1280):
        page = new_page(width=width)
        for name, path in {**PUBLIC_PAGES, "home, page 2": HOME_PAGE_2}.items():
            page.goto(path)
            if overflow := horizontal_overflow(page):
                too_wide.append(f"{name} at {width} px: {overflow} px too wide")
    assert not too_wide, "\n".join(too_wide)


def test_charts_fit_their_column_on_a_phone_and_a_desktop(new_page):
    for width in (375, 1280):
        page = new_page(width=width)
        for path in (
            PUBLIC_PAGES["article with charts and comments"],
            PUBLIC_PAGES["question page"],
        ):
            page.goto(path)
            figures = page.locator("figure.chart")
            expect(figures.last).to_contain_class("chart--drawn")
            for index in range(figures.count()):
                state = read_figure(figures.nth(index))
                assert state["painted"] > 500
                assert 0 < state["canvasWidth"] <= state["figureWidth"] + 0.5
                assert state["figureWidth"] <= width
            assert horizontal_overflow(page) == 0


def test_a_comment_with_a_long_unbroken_name_does_not_widen_the_page_at_320_px(
    new_page,
):
    article = Article.objects.get(slug=SEED_SLUG)
    CommentFactory(
        article=article,
        name="Arbeidsongeschiktheidsverzekeringsmaatschappijbeleidsmedewerkers",
        website="https://example.org/" + "pad" * 20,
        body="Zie https://www.example.org/" + "heel-lang-adres-" * 10,
    )
    CommentFactory(
        article=article,
        name="Arbeidsongeschiktheidsverzekeringsmaatschappijvergaderingsnotulen",
    )
    page = new_page(width=320)

    page.goto(SEED_URL)

    expect(page.locator(".comment__author").last).to_be_visible()
    assert horizontal_overflow(page) == 0


def test_long_web_addresses_in_a_rounds_method_and_n_wording_do_not_widen_pages_at_320_px(
    new_page,
):
    address = "https://www.ambtenarenpanel.nl/onderzoek/verantwoording-en-methode-2025"
    survey = SurveyFactory(
        respondents=None,
        respondents_note="ruim-1200-ambtenaren-van-rijk-provincies-en-gemeenten",
        method=f"Zie {address}",
    )
    question = question_with_results(
        survey=survey, labels=["Ja", "Nee"], percentages={"Totaal": [60, 40]}
    )
    article = ArticleFactory(
        body=f"<p>Tekst.</p><p>[grafiek {survey.slug}/{question.code}]</p>"
    )
    page = new_page(width=320)

    too_wide = []
    for path in (
        article.get_absolute_url(),
        survey.get_absolute_url(),
        reverse("surveys:survey-list"),
    ):
        page.goto(path)
        if overflow := horizontal_overflow(page):
            too_wide.append(f"{path}: {overflow} px too wide")
    assert not too_wide
