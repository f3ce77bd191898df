"""RSS 2.0 feeds, sitemap.xml and robots.txt for readers' feed readers and search engines."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def rss(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.find("channel")


def item_titles(channel: ET.Element) -> list[str]:
    return [item.findtext("title") for item in channel.findall("item")]


@pytest.fixture
def isamenleving():
    return CategoryFactory(name="iSamenleving", slug="isamenleving")


def test_the_feed_lists_published_articles_newest_first_with_their_details(
    client, isamenleving
):
    ArticleFactory(
        title="Digitale dienstverlening hoog op de agenda",
        slug="digitale-dienstverlening",
        lead="Volgens 76 procent van de ambtenaren & hun collega's <veel>.",
        category=isamenleving,
        author=AuthorFactory(name="Ambtenarenpanel"),
        published_at=datetime(2020, 6, 15, 9, tzinfo=AMSTERDAM),
    )
    ArticleFactory(title="Nieuwer artikel", published_at=timezone.now())
    ArticleFactory(title="Concept", draft=True)
    ArticleFactory(title="Gepland", scheduled=True)

    channel = rss(client, reverse("articles:feed"))

    assert channel.findtext("title") == "Ambtenarenpanel: nieuwste artikelen"
    assert channel.findtext("link") == "http://testserver/"
    assert channel.findtext("language") == "nl"
    assert item_titles(channel) == [
        "Nieuwer artikel",
        "Digitale dienstverlening hoog op de agenda",
    ]
    item = channel.findall("item")[1]
    assert item.findtext("link") == (
        "http://testserver/artikelen/digitale-dienstverlening/"
    )
    assert item.findtext("guid") == item.findtext("link")
    assert item.findtext("description") == (
        "Volgens 76 procent van de ambtenaren & hun collega's <veel>."
    )
    assert item.findtext("category") == "iSamenleving"
    assert parsedate_to_datetime(item.findtext("pubDate")) == datetime(
        2020, 6, 15, 9, tzinfo=AMSTERDAM
    )


def test_the_feed_holds_at_most_the_20_newest_articles(client):
    now = timezone.now()
    for number in range(25):
        ArticleFactory(
            title=f"Artikel {number:02d}", published_at=now - timedelta(hours=number)
        )

    titles = item_titles(rss(client, reverse("articles:feed")))

    assert titles == [f"Artikel {number:02d}" for number in range(20)]


def test_an_empty_feed_is_still_valid(client):
    assert item_titles(rss(client, reverse("articles:feed"))) == []


def test_the_category_feed_lists_only_that_category(client, isamenleving):
    ArticleFactory(title="In iSamenleving", category=isamenleving)
    ArticleFactory(title="Concept in iSamenleving", category=isamenleving, draft=True)
    ArticleFactory(title="In een andere categorie")

    channel = rss(
        client, reverse("articles:category-feed", kwargs={"slug": "isamenleving"})
    )

    assert channel.findtext("title") == "Ambtenarenpanel: iSamenleving"
    assert channel.findtext("link") == "http://testserver/categorie/isamenleving/"
    assert item_titles(channel) == ["In iSamenleving"]


def test_the_feed_of_an_unknown_category_is_a_404(client):
    response = client.get(
        reverse("articles:category-feed", kwargs={"slug": "bestaat-niet"})
    )

    assert response.status_code == 404


def test_every_page_announces_the_feed(client, isamenleving):
    content = client.get(reverse("articles:home")).content.decode()
    category_page = client.get(isamenleving.get_absolute_url()).content.decode()

    assert 'type="application/rss+xml"' in content
    assert 'href="/feed/"' in content
    assert 'href="/categorie/isamenleving/feed/"' in category_page


def sitemap_index(client) -> list[str]:
    """The sitemaps that /sitemap.xml lists, as paths."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [
        loc.text.removeprefix("http://testserver")
        for loc in root.findall("sm:sitemap/sm:loc", SITEMAP_NS)
    ]


def sitemap_urls(client, path: str) -> list[ET.Element]:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content).findall("sm:url", SITEMAP_NS)


def sitemap_locations(client) -> list[str]:
    """Every location of every sitemap in the index."""
    return [
        url.findtext("sm:loc", namespaces=SITEMAP_NS)
        for path in sitemap_index(client)
        for url in sitemap_urls(client, path)
    ]


def test_the_sitemap_lists_published_articles_only(client, isamenleving):
    ArticleFactory(slug="gepubliceerd", category=isamenleving)
    ArticleFactory(slug="concept", draft=True)
    ArticleFactory(slug="gepland", scheduled=True)

    locations = sitemap_locations(client)

    assert "http://testserver/artikelen/gepubliceerd/" in locations
    assert "http://testserver/artikelen/concept/" not in locations
    assert "http://testserver/artikelen/gepland/" not in locations
    article_locations = [loc for loc in locations if "/artikelen/" in loc]
    assert article_locations == ["http://testserver/artikelen/gepubliceerd/"]


def test_the_sitemap_lists_the_archives_and_fixed_pages(client, isamenleving):
    article = ArticleFactory(category=isamenleving)

    locations = sitemap_locations(client)

    for path in [
        "/",
        "/categorie/isamenleving/",
        article.author.get_absolute_url(),
        "/toegankelijkheid/",
        "/privacy/",
    ]:
        assert f"http://testserver{path}" in locations
    assert len(locations) == len(set(locations))


def test_the_sitemap_gives_the_last_change_of_an_article(client):
    article = ArticleFactory(slug="met-datum")

    for url in sitemap_urls(client, "/sitemap-articles.xml"):
        if url.findtext("sm:loc", namespaces=SITEMAP_NS).endswith("/met-datum/"):
            lastmod = url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
            assert lastmod == timezone.localdate(article.updated_at).isoformat()
            break
    else:
        pytest.fail("the article is not in the sitemap")


def test_the_sitemap_is_an_index_of_paged_sitemaps_per_section(client, monkeypatch):
    from articles.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    for number in range(5):
        ArticleFactory(slug=f"artikel-{number}")

    index = sitemap_index(client)

    assert index == [
        "/sitemap-articles.xml",
        "/sitemap-articles.xml?p=2",
        "/sitemap-articles.xml?p=3",
        "/sitemap-archives.xml",
        "/sitemap-pages.xml",
        "/sitemap-survey-list.xml",
        "/sitemap-surveys.xml",
        "/sitemap-questions.xml",
    ]
    pages = [
        [
            url.findtext("sm:loc", namespaces=SITEMAP_NS)
            for url in sitemap_urls(client, p)
        ]
        for p in index[:3]
    ]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert sorted(sum(pages, [])) == [
        f"http://testserver/artikelen/artikel-{number}/" for number in range(5)
    ]
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404
    assert client.get("/sitemap-onbekend.xml").status_code == 404


def test_the_index_gives_the_last_change_of_the_articles(client):
    ArticleFactory(slug="ouder")
    newest = ArticleFactory(slug="nieuwer")

    root = ET.fromstring(client.get(reverse("sitemap")).content)

    lastmods = {
        item.findtext("sm:loc", namespaces=SITEMAP_NS): item.findtext(
            "sm:lastmod", namespaces=SITEMAP_NS
        )
        for item in root.findall("sm:sitemap", SITEMAP_NS)
    }
    written = datetime.fromisoformat(lastmods["http://testserver/sitemap-articles.xml"])
    assert written == newest.updated_at.replace(microsecond=written.microsecond)


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("how_many", [3, 30])
def test_the_sitemap_index_and_a_page_cost_the_same_queries_for_few_and_many(
    client, django_assert_num_queries, how_many
):
    ArticleFactory.create_batch(how_many)

    # Per section: the count for its pages (articles, archives, rounds, questions),
    # and the articles' latest change.
    with django_assert_num_queries(6):
        client.get(reverse("sitemap"))
    # The count for the paginator, then the page.
    with django_assert_num_queries(2):
        assert len(sitemap_urls(client, "/sitemap-articles.xml")) == how_many


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_an_author_has_a_feed_of_their_articles_linked_from_their_page(client):
    anne = AuthorFactory(name="Anne Redacteur", slug="anne")
    ArticleFactory(title="Van Anne", author=anne)
    ArticleFactory(title="Van een ander")
    ArticleFactory(title="Concept van Anne", author=anne, draft=True)

    channel = rss(client, reverse("articles:author-feed", kwargs={"slug": "anne"}))
    page = client.get(anne.get_absolute_url()).content.decode()

    assert item_titles(channel) == ["Van Anne"]
    assert channel.findtext("title") == "Ambtenarenpanel: artikelen van Anne Redacteur"
    assert (
        '<link rel="alternate" type="application/rss+xml" '
        'title="Ambtenarenpanel: artikelen van Anne Redacteur" href="/auteur/anne/feed/">'
    ) in page
    assert client.get("/auteur/bestaat-niet/feed/").status_code == 404


def test_the_last_build_date_is_the_newest_articles_publish_time(client):
    newest = datetime(2024, 5, 2, 9, tzinfo=AMSTERDAM)
    ArticleFactory(published_at=newest)
    older = ArticleFactory(published_at=datetime(2023, 1, 10, 9, tzinfo=AMSTERDAM))
    older.lead = "Een typfout hersteld, vandaag."
    older.save()  # updated now, published long ago

    channel = rss(client, reverse("articles:feed"))

    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest


def test_an_empty_feed_keeps_the_same_last_build_date(client, isamenleving):
    url = reverse("articles:category-feed", kwargs={"slug": "isamenleving"})
    first = rss(client, url).findtext("lastBuildDate")
    from django.core.cache import cache

    cache.clear()

    assert rss(client, url).findtext("lastBuildDate") == first


def test_the_sitemap_lists_the_survey_pages(client):
    from tests.factories import question_with_results

    question = question_with_results(
        labels=["Ja", "Nee"], percentages={"Totaal": [50, 50]}
    )

    locations = sitemap_locations(client)

    assert "http://testserver/onderzoek/" in locations
    assert f"http://testserver{question.survey.get_absolute_url()}" in locations
    assert f"http://testserver{question.get_absolute_url()}" in locations
