"""With JavaScript off, every figure is in a table and the comment form still works."""

from playwright.sync_api import Locator, expect

from articles.models import Comment
from surveys.models import TOTAL_SEGMENT, Question, Result

from .helpers import SEED_URL, SURVEY_URL, percent_cell, post_comment


def stored_totals(question_text: str) -> dict[str, object]:
    """The stored percentage of each answer of a question, for all respondents."""
    question = Question.objects.get(text=question_text)
    return {
        result.option.label: result.percentage
        for result in Result.objects.filter(
            option__question=question, segment__name=TOTAL_SEGMENT
        ).select_related("option")
    }


def assert_tables_hold_the_stored_figures(
    figures: Locator, expected_count: int
) -> None:
    expect(figures).to_have_count(expected_count)
    for index in range(expected_count):
        figure = figures.nth(index)
        expect(figure.locator(".chart__canvas")).to_be_hidden()
        table = figure.get_by_role("table")
        expect(table).to_be_visible()
        question = figure.locator(".chart__question").inner_text()
        shown = {
            row.locator("th").inner_text(): percent_cell(
                row.locator("td").first.inner_text()
            )
            for row in table.locator("tbody tr").all()
        }
        assert shown == stored_totals(question), question


def test_without_javascript_the_article_shows_every_figure_in_a_table(new_page):
    page = new_page(javascript=False)

    page.goto(SEED_URL)

    article_questions = Question.objects.filter(
        survey__slug="digitale-dienstverlening"
    ).count()
    figures = page.locator("article figure.chart")
    assert 0 < figures.count() <= article_questions
    assert_tables_hold_the_stored_figures(figures, figures.count())
    assert page.evaluate("() => typeof window.Chart") == "undefined"


def test_without_javascript_the_survey_page_shows_every_question_in_a_table(new_page):
    page = new_page(javascript=False)

    page.goto(SURVEY_URL)

    questions = Question.objects.filter(survey__slug="digitale-dienstverlening")
    assert_tables_hold_the_stored_figures(
        page.locator("figure.chart"), questions.count()
    )


def test_without_javascript_a_reader_can_still_post_a_comment(new_page):
    page = new_page(javascript=False)
    body = "Ook zonder JavaScript kan ik reageren."
    page.goto(SEED_URL)

    post_comment(page, name="Ahmed Yilmaz", email="ahmed@example.org", body=body)

    expect(page.get_by_role("status")).to_contain_text(
        "Je reactie wordt zichtbaar na goedkeuring"
    )
    assert Comment.objects.get(body=body).status == Comment.Status.PENDING
