"""An article with many comments shows them 50 at a time: ``?reacties=N``.

Oldest first, as a conversation reads; each comment keeps its anchor, every page
has the form, and a page costs the same queries whatever the number of comments.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Comment
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussed():
    article = ArticleFactory(slug="besproken")
    start = timezone.now() - timedelta(days=10)
    Comment.objects.bulk_create(
        Comment(
            article=article,
            name=f"Lezer {number:03d}",
            email=f"lezer{number}@example.org",
            body=f"Reactie nummer {number:03d}.",
            status=Comment.Status.APPROVED,
            created_at=start + timedelta(minutes=number),
        )
        for number in range(120)
    )
    CommentFactory(article=article, status=Comment.Status.PENDING, body="Wacht nog.")
    return article


def comment_names(html: str) -> list[str]:
    return re.findall(r'<p class="comment__author">(Lezer \d+)</p>', html)


def page(client, article, number=None):
    params = {"reacties": number} if number is not None else {}
    return client.get(article.get_absolute_url(), params)


def test_the_first_page_shows_the_oldest_50_and_the_number_of_all(client, discussed):
    html = page(client, discussed).content.decode()

    assert comment_names(html) == [f"Lezer {n:03d}" for n in range(50)]
    assert "120 reacties" in html
    assert "Reacties 1 tot en met 50" in html
    assert 'href="/artikelen/besproken/?reacties=2#reageer" rel="next"' in html
    assert "Wacht nog." not in html


def test_the_last_page_shows_the_rest_and_links_back(client, discussed):
    html = page(client, discussed, 3).content.decode()

    assert comment_names(html) == [f"Lezer {n:03d}" for n in range(100, 120)]
    assert 'href="/artikelen/besproken/?reacties=2#reageer" rel="prev"' in html
    assert 'href="/artikelen/besproken/#reageer"' in html
    assert 'rel="next"' not in html


def test_every_comment_keeps_its_anchor_and_every_page_has_the_form(client, discussed):
    second = page(client, discussed, 2).content.decode()

    for comment in Comment.objects.approved()[50:100]:
        assert f'id="reactie-{comment.pk}"' in second
    assert 'action="/artikelen/besproken/#reageer"' in second
    assert 'name="body"' in second


@pytest.mark.parametrize("number", ["4", "0", "-1", "abc", "1.5", "9" * 30])
def test_a_page_of_comments_that_does_not_exist_is_the_site_404(
    client, discussed, number
):
    response = page(client, discussed, number)

    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_a_short_discussion_has_no_page_links(client):
    article = ArticleFactory()
    CommentFactory.create_batch(3, article=article)

    html = page(client, article).content.decode()

    assert "3 reacties" in html
    assert "Pagina's met reacties" not in html
    assert "Reacties 1 tot en met" not in html


@pytest.mark.usefixtures("no_page_cache")
def test_each_page_of_comments_costs_what_a_short_discussion_costs(
    client, discussed, django_assert_num_queries
):
    quiet = ArticleFactory()
    # The article with category and author; one page of comments with their number.
    for article, number in [(quiet, None), (discussed, None), (discussed, 3)]:
        with django_assert_num_queries(2):
            assert page(client, article, number).status_code == 200


def test_the_page_cache_keeps_the_pages_of_comments_apart(client, discussed):
    first = comment_names(page(client, discussed).content.decode())
    second = comment_names(page(client, discussed, 2).content.decode())

    assert first != second
    assert comment_names(page(client, discussed, 2).content.decode()) == second
