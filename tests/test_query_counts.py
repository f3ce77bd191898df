"""Page cost does not grow with content: the same number of queries for little and much.

The numbers were measured; a change that adds a query per comment or per
article makes the two cases differ, a change that adds a fixed query changes
the number.
"""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, CommentFactory
from tests.support.queries import page_query_count

# The views' own cost: the page cache (tests/test_page_cache.py) would answer repeats.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

ARTICLE_PAGE_QUERIES = 2  # the article with category and author; its approved comments
LIST_PAGE_QUERIES = 2  # the count for the paginator; one page with category and author


queries_for = page_query_count


def test_the_article_page_costs_the_same_with_0_and_with_50_comments(
    client, django_assert_num_queries
):
    without = ArticleFactory()
    with_comments = ArticleFactory()
    CommentFactory.create_batch(50, article=with_comments)
    CommentFactory.create_batch(5, article=with_comments, status="pending")

    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        client.get(without.get_absolute_url())
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(with_comments.get_absolute_url())

    assert "50 reacties" in response.content.decode()
    assert queries_for(client, without.get_absolute_url()) == queries_for(
        client, with_comments.get_absolute_url()
    )


@pytest.mark.parametrize("how_many", [1, 50])
def test_the_home_page_costs_the_same_with_1_and_with_50_articles(
    client, django_assert_num_queries, how_many
):
    ArticleFactory.create_batch(how_many)

    with django_assert_num_queries(LIST_PAGE_QUERIES):
        response = client.get(reverse("articles:home"))

    assert response.status_code == 200


def test_the_home_page_costs_the_same_for_one_article_as_for_a_full_page(client):
    ArticleFactory()
    one = queries_for(client, reverse("articles:home"))

    ArticleFactory.create_batch(49)
    fifty = queries_for(client, reverse("articles:home"))
    second_page = queries_for(client, reverse("articles:home") + "?pagina=2")

    assert one == fifty == second_page == LIST_PAGE_QUERIES


def test_the_archives_and_the_search_cost_the_same_with_few_and_many_articles(
    client,
):
    first = ArticleFactory(title="Over kwartiermakers")
    urls = [
        first.author.get_absolute_url(),
        first.category.get_absolute_url(),
        reverse("search:search") + "?q=kwartiermakers",
        reverse("articles:feed"),
    ]
    few = [queries_for(client, url) for url in urls]

    ArticleFactory.create_batch(
        30,
        title="Meer over kwartiermakers",
        author=first.author,
        category=first.category,
    )
    many = [queries_for(client, url) for url in urls]

    assert few == many
