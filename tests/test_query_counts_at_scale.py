"""A popular article with 20 charts and 200 comments costs no more queries than a small one.

Counted on a cold page cache (the page is rendered), then on a warm one (served
from the cache: no query). The numbers were measured.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    CommentFactory,
    SurveyFactory,
    question_with_results,
)

pytestmark = pytest.mark.django_db

# The article with category and author; its approved comments; the charts' questions
# with their round, options, and results with segments (articles/embeds.py).
VIEW_QUERIES = 5
# Plus, once per content version: the next scheduled publish time (docs/caching.md).
RENDERED_PAGE_QUERIES = VIEW_QUERIES + 1


def article_with(*, charts: int, comments: int, slug: str):
    survey = SurveyFactory(slug=f"ronde-{slug}")
    lines = []
    for number in range(charts):
        question = question_with_results(
            survey=survey,
            code=f"v{number}",
            labels=["Ja", "Nee", "Weet niet"],
            percentages={"Totaal": [50, 30, 20], "Gemeente": [40, 40, 20]},
        )
        lines.append(
            f"<p>Alinea {number}.</p><p>[grafiek {survey.slug}/{question.code}]</p>"
        )
    article = ArticleFactory(slug=slug, body="".join(lines))
    CommentFactory.create_batch(comments, article=article)
    CommentFactory.create_batch(5, article=article, status="pending")
    return article


@pytest.fixture
def small():
    return article_with(charts=1, comments=1, slug="klein")


@pytest.fixture
def popular():
    return article_with(charts=20, comments=200, slug="populair")


def test_the_rendered_article_page_costs_the_same_with_20_charts_and_200_comments(
    client, small, popular, django_assert_num_queries
):
    for article, charts, comments in [(small, 1, 1), (popular, 20, 200)]:
        cache.clear()
        with django_assert_num_queries(RENDERED_PAGE_QUERIES):
            response = client.get(article.get_absolute_url())

        html = response.content.decode()
        assert html.count('<figure class="chart') == charts
        assert html.count('<article class="comment"') == min(comments, 50)
        assert f"{comments} reactie" in html
    assert RENDERED_PAGE_QUERIES <= 10


def test_the_article_views_own_cost_is_the_same_without_the_page_cache(
    client, small, popular, no_page_cache, django_assert_num_queries
):
    for article in (small, popular):
        with django_assert_num_queries(VIEW_QUERIES):
            assert client.get(article.get_absolute_url()).status_code == 200


def test_the_popular_article_from_the_cache_costs_no_query_at_all(
    small, popular, django_assert_num_queries
):
    for article in (small, popular):
        Client().get(article.get_absolute_url())
        with django_assert_num_queries(0):
            response = Client().get(article.get_absolute_url())

        assert response.status_code == 200


def test_after_a_comment_is_approved_the_popular_article_costs_the_same_to_render(
    moderator_client, popular, django_assert_num_queries
):
    """Every write makes every page stale; rendering it again costs what it always does."""
    Client().get(popular.get_absolute_url())
    comment = popular.comments.filter(status="pending").first()
    moderator_client.post(
        reverse("admin:articles_comment_changelist"),
        {"action": "approve", "_selected_action": [comment.pk], "index": 0},
    )

    with django_assert_num_queries(RENDERED_PAGE_QUERIES):
        response = Client().get(popular.get_absolute_url())

    html = response.content.decode()
    assert html.count('<figure class="chart') == 20
    assert "201 reacties" in html
    assert (
        f'id="reactie-{comment.pk}"'
        in Client().get(popular.get_absolute_url() + "?reacties=5").content.decode()
    )
