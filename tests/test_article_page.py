"""The article page, from the seed: label, title, author and date, lead, body, Delen, Reageer."""

import re
from datetime import datetime
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOTE = (
    "Het e-mailadres wordt niet gepubliceerd. Verplichte velden zijn gemarkeerd met *"
)


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.loaded: list[str] = []  # what a browser fetches without a click

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if tag in {"script", "img", "iframe"} and attributes.get("src"):
            self.loaded.append(attributes["src"])
        if tag == "link" and attributes.get("href"):
            self.loaded.append(attributes["href"])


def collect_links(content: str) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(content)
    return collector


@pytest.fixture
def seed_like_article():
    return ArticleFactory(
        title="Digitale dienstverlening hoog op de agenda",
        slug="digitale-dienstverlening",
        category=CategoryFactory(name="iSamenleving", slug="isamenleving"),
        author=AuthorFactory(name="Ambtenarenpanel", slug="ambtenarenpanel"),
        lead="Volgens 76 procent van de ambtenaren wordt er op het werk veel over gesproken.",
        body=(
            "<p>Van de ambtenaren die deelnamen is 52 procent man.</p>"
            "<h2>Kwaliteitseisen</h2><p>Ronkende taal en mooie ambities.</p>"
            "<h2>Agenda</h2><p>Dat blijkt tegen te vallen.</p>"
            "<h2>Social media</h2><p>Webcare is een vak.</p>"
        ),
        published_at=datetime(2020, 6, 15, 9, 0, tzinfo=AMSTERDAM),
        search_description="76 procent van de ambtenaren spreekt veel over digitale dienstverlening.",
    )


@pytest.fixture
def page(client, seed_like_article) -> str:
    response = client.get(seed_like_article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_follows_the_anatomy_of_the_seed_article(page):
    parts = [
        '<a href="/categorie/isamenleving/" lang="nl">iSamenleving</a>',
        "<h1",
        "Digitale dienstverlening hoog op de agenda</h1>",
        '<a href="/auteur/ambtenarenpanel/">alle artikelen van Ambtenarenpanel</a>',
        "15 juni 2020",
        "Volgens 76 procent van de ambtenaren",
        "<h2>Kwaliteitseisen</h2>",
        "<h2>Agenda</h2>",
        "<h2>Social media</h2>",
        ">Delen</h2>",
        ">Reageer</h2>",
        NOTE,
    ]
    positions = [page.index(part) for part in parts]

    assert positions == sorted(positions)


def test_the_date_is_machine_readable_too(page):
    assert '<time datetime="2020-06-15T09:00:00+02:00">15 juni 2020</time>' in page


def test_the_page_title_and_description_are_the_articles(page):
    title = (
        "<title>Digitale dienstverlening hoog op de agenda | Ambtenarenpanel</title>"
    )
    assert title in page
    assert (
        '<meta name="description" content="76 procent van de ambtenaren spreekt veel '
        'over digitale dienstverlening.">'
    ) in page


def test_a_long_lead_is_cut_at_a_word_for_search_engines_and_share_previews(client):
    lead = (
        "Van de ambtenaren die meededen aan het onderzoek spreekt 76 procent op het werk "
        "veel over digitale dienstverlening, maar slechts 43 procent kent de Agenda "
        "Digitale Overheid, die de richting voor de komende jaren aangeeft."
    )
    article = ArticleFactory(lead=lead, search_description="")

    content = client.get(article.get_absolute_url()).content.decode()

    description = re.search(
        r'<meta property="og:description" content="([^"]*)">', content
    )[1]
    assert len(description) <= 160
    assert description.endswith("…")
    assert lead.startswith(description[:-1])
    assert lead[len(description) - 1] == " ", "cut between two words"
    assert f'<meta name="description" content="{description}">' in content


def test_without_a_search_description_the_lead_describes_the_page(client):
    article = ArticleFactory(lead="Een korte intro.", search_description="")

    content = client.get(article.get_absolute_url()).content.decode()

    assert '<meta name="description" content="Een korte intro.">' in content


def test_the_page_names_its_canonical_address(page):
    assert (
        '<link rel="canonical" href="http://testserver/artikelen/digitale-dienstverlening/">'
        in page
    )


@pytest.mark.parametrize(
    ("network", "host", "label"),
    [
        ("email", "", "E-mail"),
        ("linkedin", "www.linkedin.com", "LinkedIn"),
        ("x", "x.com", "X"),
        ("facebook", "www.facebook.com", "Facebook"),
        ("whatsapp", "wa.me", "WhatsApp"),
    ],
)
def test_the_delen_links_share_the_article_url(page, network, host, label):
    article_url = "http://testserver/artikelen/digitale-dienstverlening/"
    share_section = page[page.index(">Delen</h2>") : page.index(">Reageer</h2>")]
    links = [
        href
        for href in collect_links(share_section).hrefs
        if urlsplit(href).netloc == host and (host or href.startswith("mailto:"))
    ]

    assert len(links) == 1
    assert article_url in unquote(links[0])
    assert f"share__link--{network}" in share_section
    assert f"{label}</a>" in share_section


def test_the_page_loads_nothing_from_a_third_party(page):
    loaded = collect_links(page).loaded

    assert loaded
    for address in loaded:
        assert urlsplit(address).netloc in {"", "testserver"}, address
    assert "gravatar" not in page.lower()


def test_the_reageer_section_has_the_form_with_the_required_marks(page):
    reageer = page[page.index(">Reageer</h2>") :]

    for label in ["Naam", "E-mail", "Reactie"]:
        assert f'{label} <span class="required-mark">*</span></label>' in reageer
    assert "Website</label>" in reageer
    assert NOTE in reageer
    assert 'name="telefoon"' in reageer
    assert 'name="token"' in reageer
    assert 'action="/artikelen/digitale-dienstverlening/#reageer"' in reageer
    assert 'method="post"' in reageer


def test_an_article_without_comments_says_so(page):
    assert "Er zijn nog geen reacties." in page


def test_closed_comments_show_no_form_but_say_so(client):
    article = ArticleFactory(comments_open=False)

    content = client.get(article.get_absolute_url()).content.decode()

    assert "Reageren is niet meer mogelijk." in content
    assert 'name="token"' not in content
    assert NOTE not in content


def test_an_image_is_shown_with_its_alt_text(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = ArticleFactory(
        image="artikelen/2024/grafiek.png", image_alt="Staafdiagram van social media"
    )

    content = client.get(article.get_absolute_url()).content.decode()

    assert (
        '<img src="/media/artikelen/2024/grafiek.png" alt="Staafdiagram van social media">'
        in content
    )


def test_an_unknown_article_is_the_site_404(client):
    response = client.get(
        reverse("articles:article-detail", kwargs={"slug": "bestaat-niet"})
    )

    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


# Staff preview of drafts and scheduled articles.


@pytest.fixture
def draft():
    return ArticleFactory(
        title="Concept over ziekteverzuim", slug="concept-ziekteverzuim", draft=True
    )


@pytest.mark.parametrize("who", ["superuser", "editor"])
def test_staff_see_a_draft_in_the_preview(request, draft, who):
    staff_client = Client()
    staff_client.force_login(request.getfixturevalue(who))

    response = staff_client.get(draft.get_preview_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "Concept over ziekteverzuim</h1>" in content
    assert "Het is nog niet zichtbaar voor bezoekers." in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert "In het voorbeeld kun je niet reageren." in content
    assert 'name="token"' not in content


def test_the_preview_of_a_scheduled_article_works(admin_client_logged_in):
    article = ArticleFactory(title="Gepland artikel", scheduled=True)

    response = admin_client_logged_in.get(article.get_preview_url())

    assert response.status_code == 200
    assert "Gepland artikel</h1>" in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_instead_of_the_preview(
    client, draft
):
    response = client.get(draft.get_preview_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_logged_in_reader_who_is_not_staff_gets_no_preview(client, draft):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("lezer", password="x" * 20))

    response = client.get(draft.get_preview_url())

    assert response.status_code == 302
    assert "Concept over ziekteverzuim" not in response.content.decode()


def test_staff_who_may_not_view_articles_get_no_preview(moderator_client, draft):
    response = moderator_client.get(draft.get_preview_url())

    assert response.status_code == 403
    assert "Concept over ziekteverzuim" not in response.content.decode()


def test_the_preview_of_an_unknown_article_is_a_404(admin_client_logged_in):
    response = admin_client_logged_in.get(
        reverse("articles:article-preview", kwargs={"slug": "bestaat-niet"})
    )

    assert response.status_code == 404


def test_the_preview_takes_no_comment(admin_client_logged_in, draft, comment_data):
    response = admin_client_logged_in.post(draft.get_preview_url(), comment_data)

    assert response.status_code == 405
    assert not draft.comments.exists()


def test_a_published_article_in_the_preview_says_it_is_public(admin_client_logged_in):
    article = ArticleFactory(status=Article.Status.PUBLISHED)

    content = admin_client_logged_in.get(article.get_preview_url()).content.decode()

    assert "Het is gepubliceerd en voor iedereen zichtbaar." in content
