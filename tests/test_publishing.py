"""Publishing a draft sets its publish time to now, unless the editor scheduled a later
time; the admin list says when a scheduled article appears."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory
from tests.support.forms import form_data

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CHANGELIST = reverse("admin:articles_article_changelist")


@pytest.fixture
def old_draft():
    """A draft started ten days ago, below last week's article if it kept that date."""
    ArticleFactory(
        title="Artikel van vorige week", published_at=timezone.now() - timedelta(days=7)
    )
    return ArticleFactory(
        title="Oud concept",
        draft=True,
        published_at=timezone.now() - timedelta(days=10),
    )


def change_form(client, article) -> tuple[str, dict]:
    url = reverse("admin:articles_article_change", args=[article.pk])
    return url, form_data(client.get(url).content, "article_form")


def test_publishing_a_ten_day_old_draft_with_the_action_puts_it_on_top_dated_today(
    admin_client_logged_in, client, old_draft
):
    before = timezone.now()
    admin_client_logged_in.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [old_draft.pk], "index": 0},
    )

    old_draft.refresh_from_db()
    assert before <= old_draft.published_at <= timezone.now()
    home = client.get(reverse("articles:home")).content.decode()
    assert home.index("Oud concept") < home.index("Artikel van vorige week")
    feed = client.get(reverse("articles:feed")).content.decode()
    assert timezone.now().strftime("%d %b %Y") in feed.split("<item>")[1]


def test_publishing_a_draft_in_the_form_sets_the_publish_time_to_now(
    admin_client_logged_in, old_draft
):
    url, data = change_form(admin_client_logged_in, old_draft)
    before = timezone.now()

    response = admin_client_logged_in.post(url, {**data, "status": "published"})

    assert response.status_code == 302
    old_draft.refresh_from_db()
    assert old_draft.status == Article.Status.PUBLISHED
    assert before <= old_draft.published_at <= timezone.now()


def test_a_draft_scheduled_for_later_keeps_its_time_when_published_in_the_form(
    admin_client_logged_in,
):
    later = (timezone.now() + timedelta(days=3)).replace(microsecond=0, second=0)
    draft = ArticleFactory(draft=True, published_at=later)
    url, data = change_form(admin_client_logged_in, draft)

    admin_client_logged_in.post(url, {**data, "status": "published"})

    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.published_at == later


def test_a_time_the_editor_types_while_publishing_is_kept(
    admin_client_logged_in, old_draft
):
    url, data = change_form(admin_client_logged_in, old_draft)

    admin_client_logged_in.post(
        url,
        {
            **data,
            "status": "published",
            "published_at_0": "2019-05-01",
            "published_at_1": "09:00:00",
        },
    )

    old_draft.refresh_from_db()
    assert old_draft.published_at == datetime(2019, 5, 1, 9, tzinfo=AMSTERDAM)


def test_editing_a_published_article_keeps_its_publish_time(admin_client_logged_in):
    article = ArticleFactory(published_at=datetime(2020, 6, 15, 9, tzinfo=AMSTERDAM))
    url, data = change_form(admin_client_logged_in, article)

    admin_client_logged_in.post(url, {**data, "title": "Typfout hersteld"})

    article.refresh_from_db()
    assert article.title == "Typfout hersteld"
    assert article.published_at == datetime(2020, 6, 15, 9, tzinfo=AMSTERDAM)


def test_the_admin_list_says_when_a_scheduled_article_appears(admin_client_logged_in):
    ArticleFactory(
        title="Gepland stuk", published_at=datetime(2031, 3, 5, 10, tzinfo=AMSTERDAM)
    )
    ArticleFactory(title="Al online")
    ArticleFactory(title="Nog een concept", draft=True)

    content = admin_client_logged_in.get(CHANGELIST).content.decode()

    assert "Gepland voor 5 maart 2031 10:00" in content
    assert content.count("Gepland voor") == 1
    assert ">Gepubliceerd<" in content
    assert ">Concept<" in content
