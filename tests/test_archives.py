"""Archives: the home page, an author's and a category's articles, ten per page."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

NOT_FOUND_TEXT = "Pagina niet gevonden"


def h1(content: str) -> str:
    """The text of the page's one ``<h1>``, tags and extra whitespace removed."""
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", content, flags=re.DOTALL)
    assert len(headings) == 1
    return " ".join(re.sub(r"<[^>]+>", " ", headings[0]).split())


@pytest.fixture
def author():
    return AuthorFactory(name="Marieke Jansen", slug="marieke-jansen")


@pytest.fixture
def category():
    return CategoryFactory(name="iSamenleving", slug="isamenleving")


@pytest.fixture
def twelve_articles(author, category):
    """Twelve published articles, "Paginatest 00" the oldest and "Paginatest 11" the newest."""
    now = timezone.now()
    return [
        ArticleFactory(
            title=f"Paginatest {number:02d}",
            slug=f"paginatest-{number:02d}",
            author=author,
            category=category,
            published_at=now - timedelta(days=20 - number),
        )
        for number in range(12)
    ]


ARCHIVES = {
    "home": lambda author, category: reverse("articles:home"),
    "author": lambda author, category: author.get_absolute_url(),
    "category": lambda author, category: category.get_absolute_url(),
    "search": lambda author, category: reverse("search:search") + "?q=Paginatest",
}


def titles_on(content: str) -> list[str]:
    """The Paginatest titles in the order the page shows them."""
    return re.findall(r">(Paginatest \d\d)<", content)


def test_the_author_archive_is_headed_alle_artikelen_van_the_author(client, author):
    ArticleFactory(title="Over werkdruk", author=author)

    response = client.get(author.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert h1(content) == "Alle artikelen van Marieke Jansen"
    assert "<title>Alle artikelen van Marieke Jansen" in content


def test_the_author_archive_lists_only_that_authors_articles_newest_first(
    client, author
):
    now = timezone.now()
    ArticleFactory(title="Ouder stuk", author=author, published_at=now - timedelta(2))
    ArticleFactory(title="Nieuwer stuk", author=author, published_at=now)
    ArticleFactory(title="Stuk van een ander")

    content = client.get(author.get_absolute_url()).content.decode()

    assert content.index("Nieuwer stuk") < content.index("Ouder stuk")
    assert "Stuk van een ander" not in content


def test_an_author_without_published_articles_gets_an_empty_archive(client, author):
    ArticleFactory(title="Nog een concept", author=author, draft=True)

    response = client.get(author.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "Marieke Jansen heeft nog geen artikelen gepubliceerd." in content
    assert "Nog een concept" not in content


def test_the_category_archive_is_headed_by_its_name_and_lists_only_its_articles(
    client, category
):
    ArticleFactory(title="Digitale dienstverlening", category=category)
    ArticleFactory(title="Over werkdruk", category=CategoryFactory(name="Werk"))

    response = client.get(category.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert h1(content) == "iSamenleving"
    assert "Digitale dienstverlening" in content
    assert "Over werkdruk" not in content
    assert reverse("articles:category-feed", kwargs={"slug": category.slug}) in content


@pytest.mark.parametrize("archive", list(ARCHIVES))
def test_the_first_page_shows_the_ten_newest_articles(
    client, twelve_articles, author, category, archive
):
    response = client.get(ARCHIVES[archive](author, category))

    assert response.status_code == 200
    titles = titles_on(response.content.decode())
    if archive != "search":  # the search orders by relevance on PostgreSQL
        assert titles == [f"Paginatest {n:02d}" for n in range(11, 1, -1)]
    assert len(set(titles)) == 10


@pytest.mark.parametrize("archive", list(ARCHIVES))
def test_the_second_page_shows_the_rest(
    client, twelve_articles, author, category, archive
):
    url = ARCHIVES[archive](author, category)
    first = titles_on(client.get(url).content.decode())

    separator = "&" if "?" in url else "?"
    response = client.get(f"{url}{separator}pagina=2")

    assert response.status_code == 200
    second = titles_on(response.content.decode())
    assert len(set(second)) == 2
    assert set(first) | set(second) == {f"Paginatest {n:02d}" for n in range(12)}
    if archive != "search":
        assert second == ["Paginatest 01", "Paginatest 00"]


def test_the_first_page_links_to_the_second(client, twelve_articles):
    content = client.get(reverse("articles:home")).content.decode()

    assert 'href="?pagina=2"' in content


@pytest.mark.parametrize(
    "pagina", ["0", "-1", "abc", "3", "1.5", "99999999999999999999999", "9" * 5000]
)
@pytest.mark.parametrize("archive", list(ARCHIVES))
def test_a_page_number_that_does_not_exist_is_the_site_404(
    client, twelve_articles, author, category, archive, pagina
):
    url = ARCHIVES[archive](author, category)
    separator = "&" if "?" in url else "?"

    response = client.get(f"{url}{separator}pagina={pagina}")

    assert response.status_code == 404
    assert NOT_FOUND_TEXT in response.content.decode()


@pytest.mark.parametrize("pagina", ["", "1"])
def test_an_empty_page_number_or_1_is_the_first_page(client, twelve_articles, pagina):
    response = client.get(reverse("articles:home"), {"pagina": pagina})

    assert response.status_code == 200
    assert "Paginatest 11" in response.content.decode()


def test_an_archive_without_articles_has_a_first_page(client, author, category):
    for url in [reverse("articles:home"), author.get_absolute_url()]:
        assert client.get(url).status_code == 200
    assert client.get(category.get_absolute_url()).status_code == 200
    assert client.get(reverse("articles:home"), {"pagina": 2}).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/auteur/bestaat-niet/",
        "/categorie/bestaat-niet/",
        "/categorie/bestaat-niet/feed/",
        "/artikelen/bestaat-niet/",
        "/pagina-die-er-niet-is/",
    ],
)
def test_an_unknown_slug_is_the_site_404_page(client, url):
    response = client.get(url)

    assert response.status_code == 404
    content = response.content.decode()
    assert NOT_FOUND_TEXT in content
    assert 'lang="nl"' in content
    assert reverse("search:search") in content


def test_home_and_archives_answer_head_requests_and_refuse_posts(client):
    article = ArticleFactory()
    urls = [
        reverse("articles:home"),
        article.author.get_absolute_url(),
        article.category.get_absolute_url(),
        reverse("search:search") + "?q=artikel",
    ]

    for url in urls:
        assert client.head(url).status_code == 200, url
        assert client.post(url).status_code == 405, url
