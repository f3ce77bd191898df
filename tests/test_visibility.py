"""Only published articles whose publish time has been reached appear anywhere public.

Every public page and feed is checked for a published, a draft and a scheduled
article; a published sibling in the same category and by the same author shows that
the page did list articles.
"""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

SIBLING_TITLE = "Zichtbaar artikel over waterschappen"
# A distinctive word in every title, so that the search finds the articles on
# SQLite and on PostgreSQL (Dutch stemming) alike.
SEARCH_WORD = "kwartiermakers"

STATES = {
    "published": {},
    "draft": {"draft": True},
    "scheduled": {"scheduled": True},
    "draft with a past publish time": {
        "draft": True,
        "published_at": timezone.now() - timedelta(days=30),
    },
}
VISIBLE = {"published"}


@pytest.fixture(params=list(STATES))
def case(request):
    """(article under test, whether a reader may see it)."""
    category = CategoryFactory(name="iSamenleving", slug="isamenleving")
    author = AuthorFactory(name="Ambtenarenpanel", slug="ambtenarenpanel")
    ArticleFactory(
        title=f"{SIBLING_TITLE} en {SEARCH_WORD}",
        slug="zichtbaar-artikel",
        category=category,
        author=author,
        published_at=timezone.now() - timedelta(days=2),
    )
    article = ArticleFactory(
        title=f"Het geteste artikel over {SEARCH_WORD}",
        slug="het-geteste-artikel",
        category=category,
        author=author,
        **STATES[request.param],
    )
    return article, request.param in VISIBLE


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


PUBLIC_LISTS = {
    "home": lambda a: reverse("articles:home"),
    "author archive": lambda a: a.author.get_absolute_url(),
    "category archive": lambda a: a.category.get_absolute_url(),
    "search": lambda a: reverse("search:search") + f"?q={SEARCH_WORD}",
    "feed": lambda a: reverse("articles:feed"),
    "category feed": lambda a: reverse(
        "articles:category-feed", kwargs={"slug": a.category.slug}
    ),
    "sitemap": lambda a: reverse("sitemap-section", kwargs={"section": "articles"}),
}


@pytest.mark.parametrize("where", list(PUBLIC_LISTS))
def test_an_article_is_listed_only_when_published(client, case, where):
    article, visible = case

    content = page(client, PUBLIC_LISTS[where](article))

    assert ("zichtbaar-artikel" in content) is True
    assert ("het-geteste-artikel" in content) is visible
    if where != "sitemap":
        assert SIBLING_TITLE in content
        assert ("Het geteste artikel" in content) is visible


def test_the_article_page_answers_only_when_published(client, case):
    article, visible = case

    response = client.get(article.get_absolute_url())

    assert response.status_code == (200 if visible else 404)
    assert ("Het geteste artikel" in response.content.decode()) is visible


def test_a_hidden_article_takes_no_comments(client, case, comment_data):
    article, visible = case

    response = client.post(article.get_absolute_url(), comment_data)

    assert response.status_code == (302 if visible else 404)
    assert article.comments.exists() is visible


def test_a_scheduled_article_appears_everywhere_once_its_time_is_reached(client):
    article = ArticleFactory(
        title=f"Gepland artikel over {SEARCH_WORD}", slug="gepland", scheduled=True
    )
    urls = [PUBLIC_LISTS[where](article) for where in PUBLIC_LISTS]
    assert client.get(article.get_absolute_url()).status_code == 404
    assert not any("/artikelen/gepland/" in page(client, url) for url in urls)

    # The publish time passes: nothing but the clock changes (pages seen before
    # were cached, tests/test_cache_invalidation.py).
    with time_machine.travel(article.published_at + timedelta(seconds=1)):
        assert client.get(article.get_absolute_url()).status_code == 200
        for url in urls:
            assert "/artikelen/gepland/" in page(client, url), url


def test_published_counts_an_article_from_its_publish_time_on():
    article = ArticleFactory(scheduled=True)
    moment = article.published_at

    assert not article.is_published()
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert article.is_published(now=moment)
    assert Article.objects.published(now=moment).filter(pk=article.pk).exists()
    assert not article.is_published(now=moment - timedelta(seconds=1))


def test_a_draft_never_counts_as_published_whatever_the_time():
    article = ArticleFactory(draft=True)

    later = timezone.now() + timedelta(days=365)
    assert not article.is_published(now=later)
    assert not Article.objects.published(now=later).filter(pk=article.pk).exists()


def test_an_archive_of_only_hidden_articles_is_left_out_of_the_sitemap(client):
    category = CategoryFactory(slug="alleen-concepten")
    author = AuthorFactory(slug="schrijver-van-concepten")
    ArticleFactory(category=category, author=author, draft=True)
    ArticleFactory(category=category, author=author, scheduled=True)

    content = page(client, reverse("sitemap-section", kwargs={"section": "archives"}))

    assert "/categorie/alleen-concepten/" not in content
    assert "/auteur/schrijver-van-concepten/" not in content
