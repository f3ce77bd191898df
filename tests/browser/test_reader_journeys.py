"""A reader on the site: reads the seed article with its charts, comments, searches."""

import re

from playwright.sync_api import expect

from articles.demo import DEMO_COMMENTS, DEMO_DIR, SEED_ARTICLE
from articles.models import Comment

from .helpers import SEED_URL, assert_chart_drawn_from_its_table, post_comment


def demo_chart_count() -> int:
    """The ``[grafiek …]`` lines in the demo article's text."""
    text = (DEMO_DIR / SEED_ARTICLE["file"]).read_text(encoding="utf-8")
    return sum(line.startswith("[grafiek ") for line in text.splitlines())


COMMENT = "Bij onze gemeente zien we hetzelfde: veel gepraat, weinig bekend."


def test_a_reader_follows_the_seed_article_from_home_and_sees_its_charts_drawn(page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.get_by_role(
        "link", name=re.compile("Digitale dienstverlening hoog op de agenda")
    ).first.click()

    expect(page).to_have_url(re.compile(re.escape(SEED_URL) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Digitale dienstverlening hoog op de agenda")
    )
    expect(page.get_by_text("76 procent").first).to_be_visible()
    figures = page.locator("article figure.chart")
    expect(figures).to_have_count(demo_chart_count())
    for index in range(figures.count()):
        figure = figures.nth(index)
        figure.scroll_into_view_if_needed()
        assert_chart_drawn_from_its_table(figure)
    comments = page.locator("#reageer .comment")
    expect(comments).to_have_count(len(DEMO_COMMENTS))
    for name, email, _body, _created_at in DEMO_COMMENTS:
        expect(comments.filter(has_text=name)).to_have_count(1)
        expect(page.get_by_text(email)).to_have_count(0)


def test_a_reader_posts_a_comment_and_is_told_it_waits_for_moderation(page):
    page.goto(SEED_URL)

    post_comment(
        page, name="Sanne Visser", email="sanne.visser@example.org", body=COMMENT
    )

    expect(page.get_by_role("status")).to_contain_text(
        "Je reactie wordt zichtbaar na goedkeuring"
    )
    expect(page.get_by_text(COMMENT)).to_have_count(0)
    assert Comment.objects.get(body=COMMENT).status == Comment.Status.PENDING


def test_a_comment_form_with_a_missing_field_says_what_to_fix(page):
    page.goto(SEED_URL)

    post_comment(page, name="Sanne Visser", body=COMMENT)

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Je reactie is nog niet geplaatst")
    expect(summary).to_contain_text("Vul je e-mailadres in.")
    expect(page.get_by_role("textbox", name=re.compile("^Reactie"))).to_have_value(
        COMMENT
    )
    assert not Comment.objects.filter(body=COMMENT).exists()


def test_search_finds_the_seed_article_by_a_word_of_its_body(page):
    page.goto("/")

    search = page.get_by_role("search")
    search.get_by_label("Zoeken in artikelen").fill("webcare")
    search.get_by_role("button", name="Zoeken").click()

    expect(page).to_have_url(re.compile(r"/zoeken/\?q=webcare"))
    result = page.get_by_role(
        "link", name=re.compile("Digitale dienstverlening hoog op de agenda")
    )
    expect(result.first).to_be_visible()
    result.first.click()
    expect(page).to_have_url(re.compile(re.escape(SEED_URL) + "$"))
