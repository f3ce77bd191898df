"""Editors write, find and publish articles in the admin."""

import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")


def png_upload(name: str = "grafiek.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), color=(0, 90, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def article_post(**overrides) -> dict:
    data = {
        "title": "Ambtenaren over thuiswerken",
        "slug": "ambtenaren-over-thuiswerken",
        "category": CategoryFactory(name="iSamenleving", slug="isamenleving").pk,
        "author": AuthorFactory(name="Ambtenarenpanel", slug="ambtenarenpanel").pk,
        "lead": "Twee op de drie ambtenaren werken graag thuis.",
        "body": "<h2>Thuiswerken</h2><p>De meeste deelnemers werken twee dagen thuis.</p>",
        "status": Article.Status.DRAFT,
        "published_at_0": "2024-03-05",
        "published_at_1": "10:00:00",
        "comments_open": "on",
        "image_alt": "",
        "search_description": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def listed_titles(response) -> set[str]:
    return {str(article) for article in response.context["cl"].result_list}


@pytest.fixture
def three_articles():
    isamenleving = CategoryFactory(name="iSamenleving", slug="isamenleving")
    werk = CategoryFactory(name="Werk", slug="werk")
    return {
        "concept": ArticleFactory(
            title="Concept over ziekteverzuim",
            draft=True,
            category=werk,
            published_at=datetime(2023, 11, 2, 9, tzinfo=AMSTERDAM),
        ),
        "gepland": ArticleFactory(
            title="Gepland stuk over integriteit", scheduled=True, category=werk
        ),
        "gepubliceerd": ArticleFactory(
            title="Digitale dienstverlening hoog op de agenda",
            category=isamenleving,
            lead="Over de Agenda Digitale Overheid.",
            published_at=datetime(2020, 6, 15, 9, tzinfo=AMSTERDAM),
        ),
    }


def test_the_article_list_shows_every_article_with_its_status(
    admin_client_logged_in, three_articles
):
    response = admin_client_logged_in.get(CHANGELIST)

    assert response.status_code == 200
    assert listed_titles(response) == {
        "Concept over ziekteverzuim",
        "Gepland stuk over integriteit",
        "Digitale dienstverlening hoog op de agenda",
    }
    assert "Concept" in response.content.decode()


def test_the_status_filter_shows_only_drafts(admin_client_logged_in, three_articles):
    response = admin_client_logged_in.get(CHANGELIST, {"status__exact": "draft"})

    assert response.status_code == 200
    assert listed_titles(response) == {"Concept over ziekteverzuim"}


def test_the_category_filter_shows_only_that_category(
    admin_client_logged_in, three_articles
):
    category = three_articles["concept"].category

    response = admin_client_logged_in.get(
        CHANGELIST, {"category__id__exact": category.pk}
    )

    assert response.status_code == 200
    assert listed_titles(response) == {
        "Concept over ziekteverzuim",
        "Gepland stuk over integriteit",
    }


def test_the_search_finds_articles_by_a_word_of_the_lead(
    admin_client_logged_in, three_articles
):
    response = admin_client_logged_in.get(CHANGELIST, {"q": "Agenda Digitale"})

    assert response.status_code == 200
    assert listed_titles(response) == {"Digitale dienstverlening hoog op de agenda"}


def test_the_date_hierarchy_narrows_the_list_by_year_and_month(
    admin_client_logged_in, three_articles
):
    by_year = admin_client_logged_in.get(CHANGELIST, {"published_at__year": "2020"})
    by_month = admin_client_logged_in.get(
        CHANGELIST, {"published_at__year": "2023", "published_at__month": "11"}
    )

    assert by_year.status_code == 200
    assert listed_titles(by_year) == {"Digitale dienstverlening hoog op de agenda"}
    assert by_month.status_code == 200
    assert listed_titles(by_month) == {"Concept over ziekteverzuim"}


def test_an_editor_creates_a_draft_through_the_add_form(admin_client_logged_in):
    response = admin_client_logged_in.post(ADD, article_post())

    assert response.status_code == 302
    article = Article.objects.get(slug="ambtenaren-over-thuiswerken")
    assert article.title == "Ambtenaren over thuiswerken"
    assert article.status == Article.Status.DRAFT
    assert article.category.name == "iSamenleving"
    assert article.published_at == datetime(2024, 3, 5, 10, tzinfo=AMSTERDAM)
    assert "<h2>Thuiswerken</h2>" in article.body
    assert not article.is_published()


def test_a_member_of_redactie_creates_an_article(editor_client):
    response = editor_client.post(ADD, article_post(status=Article.Status.PUBLISHED))

    assert response.status_code == 302
    assert Article.objects.get(slug="ambtenaren-over-thuiswerken").is_published()


def test_the_add_form_refuses_a_missing_title_in_dutch_and_stores_nothing(
    admin_client_logged_in,
):
    response = admin_client_logged_in.post(ADD, article_post(title=""))

    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    assert not Article.objects.exists()


def test_an_image_without_alt_text_is_refused_with_a_dutch_message(
    admin_client_logged_in, media_root
):
    response = admin_client_logged_in.post(
        ADD, article_post(image=png_upload(), image_alt="   ")
    )

    assert response.status_code == 200
    assert "Geef een alternatieve tekst voor de afbeelding." in (
        response.content.decode()
    )
    assert not Article.objects.exists()


def test_an_image_with_alt_text_is_stored(admin_client_logged_in, media_root):
    response = admin_client_logged_in.post(
        ADD,
        article_post(
            image=png_upload(),
            image_alt="Staafdiagram van het gebruik van social media",
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get(slug="ambtenaren-over-thuiswerken")
    assert article.image_alt == "Staafdiagram van het gebruik van social media"
    assert (media_root / article.image.name).is_file()


def test_a_file_that_is_not_an_image_is_refused(admin_client_logged_in, media_root):
    not_an_image = SimpleUploadedFile(
        "grafiek.png", b"dit is geen afbeelding", content_type="image/png"
    )

    response = admin_client_logged_in.post(
        ADD, article_post(image=not_an_image, image_alt="Een grafiek")
    )

    assert response.status_code == 200
    assert not Article.objects.exists()


def test_the_publish_action_makes_drafts_visible_on_the_site(
    admin_client_logged_in, client
):
    drafts = [
        ArticleFactory(title="Eerste concept", draft=True),
        ArticleFactory(title="Tweede concept", draft=True),
    ]
    assert "Eerste concept" not in client.get(reverse("articles:home")).content.decode()

    response = admin_client_logged_in.post(
        CHANGELIST,
        {
            "action": "publish",
            "_selected_action": [article.pk for article in drafts],
            "index": 0,
        },
        follow=True,
    )

    assert response.status_code == 200
    assert "2 artikelen gepubliceerd." in response.content.decode()
    for article in drafts:
        article.refresh_from_db()
        assert article.status == Article.Status.PUBLISHED
    home = client.get(reverse("articles:home")).content.decode()
    assert "Eerste concept" in home
    assert "Tweede concept" in home


def test_publishing_a_scheduled_draft_keeps_its_publish_time(admin_client_logged_in):
    later = timezone.now() + timedelta(days=3)
    article = ArticleFactory(draft=True, published_at=later)

    admin_client_logged_in.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [article.pk], "index": 0},
    )

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == later
    assert not article.is_published()


def test_the_unpublish_action_takes_an_article_off_the_site(
    admin_client_logged_in, client
):
    article = ArticleFactory(title="Teruggetrokken artikel")

    response = admin_client_logged_in.post(
        CHANGELIST,
        {"action": "unpublish", "_selected_action": [article.pk], "index": 0},
        follow=True,
    )

    assert "1 artikel is nu een concept." in response.content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_view_on_site_opens_the_preview_for_a_draft_and_the_page_when_published(
    admin_client_logged_in,
):
    draft = ArticleFactory(draft=True)
    published = ArticleFactory()

    draft_page = admin_client_logged_in.get(
        reverse("admin:articles_article_change", args=[draft.pk])
    )
    published_page = admin_client_logged_in.get(
        reverse("admin:articles_article_change", args=[published.pk])
    )

    assert draft.get_preview_url() in draft_page.content.decode()
    assert published.get_absolute_url() in published_page.content.decode()
    assert published.get_preview_url() not in published_page.content.decode()


def test_publishing_counts_only_the_articles_that_were_drafts(admin_client_logged_in):
    articles = [ArticleFactory(draft=True), ArticleFactory()]

    response = admin_client_logged_in.post(
        CHANGELIST,
        {
            "action": "publish",
            "_selected_action": [article.pk for article in articles],
            "index": 0,
        },
        follow=True,
    )

    assert "1 artikel gepubliceerd." in response.content.decode()


def test_publishing_marks_the_article_as_changed_for_search_engines(
    admin_client_logged_in,
):
    article = ArticleFactory(draft=True)
    long_ago = timezone.now() - timedelta(days=90)
    Article.objects.filter(pk=article.pk).update(updated_at=long_ago)

    admin_client_logged_in.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [article.pk], "index": 0},
    )

    article.refresh_from_db()
    assert article.updated_at > long_ago + timedelta(days=89)


def test_the_date_and_time_boxes_of_the_publish_time_are_named_for_screen_readers(
    editor_client,
):
    page = editor_client.get(reverse("admin:articles_article_add")).content.decode()

    date = re.search(r'<input[^>]*name="published_at_0"[^>]*>', page)[0]
    time = re.search(r'<input[^>]*name="published_at_1"[^>]*>', page)[0]
    assert 'aria-label="Publicatiedatum"' in date
    assert 'aria-label="Publicatietijd"' in time
