"""Every change shows on the affected pages at once, although readers get cached pages.

Each test first has a reader look at the pages, checks that a second reader gets
them from the cache (no query), makes the change the way staff make it (admin form,
admin action, import), and then looks again as an anonymous reader. Within one
process; tests/test_shared_cache.py has the same with writes from other processes.
"""

import csv
import io
import json
import re
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Comment
from surveys.models import Result
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    SurveyFactory,
    question_with_results,
)
from tests.spreadsheets import write_csv

pytestmark = pytest.mark.django_db

HOME = reverse("articles:home")
FEED = reverse("articles:feed")


def page(url: str) -> str:
    """What a new anonymous reader sees at ``url``."""
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def is_cached(url: str) -> bool:
    """Whether a new anonymous reader gets ``url`` from the cache (no query)."""
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries) == 0


def seen(*urls: str) -> None:
    """Readers have looked at ``urls``: they are in the cache now."""
    for url in urls:
        page(url)
        assert is_cached(url), url


@pytest.fixture
def article():
    return ArticleFactory(title="Werkdruk bij gemeenten", slug="werkdruk")


def archive_urls(article: Article) -> list[str]:
    return [
        HOME,
        FEED,
        article.category.get_absolute_url(),
        article.author.get_absolute_url(),
    ]


# --- Articles --------------------------------------------------------------------------


def test_saving_an_article_in_the_admin_shows_on_every_page_at_once(
    editor_client, article
):
    urls = [article.get_absolute_url(), *archive_urls(article)]
    seen(*urls)

    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        {
            "title": "Werkdruk bij gemeenten stijgt",
            "slug": article.slug,
            "category": article.category.pk,
            "author": article.author.pk,
            "lead": article.lead,
            "body": article.body,
            "status": Article.Status.PUBLISHED,
            "published_at_0": "2024-03-05",
            "published_at_1": "10:00:00",
            "comments_open": "on",
            "image_alt": "",
            "search_description": "",
        },
    )

    assert response.status_code == 302
    for url in urls:
        assert "Werkdruk bij gemeenten stijgt" in page(url), url


def test_publishing_a_draft_with_the_admin_action_shows_it_at_once(
    editor_client, article
):
    draft = ArticleFactory(
        title="Concept over thuiswerken",
        slug="thuiswerken",
        draft=True,
        category=article.category,
        author=article.author,
    )
    seen(*archive_urls(article))
    assert Client().get(draft.get_absolute_url()).status_code == 404

    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [draft.pk], "index": 0},
    )

    assert Client().get(draft.get_absolute_url()).status_code == 200
    for url in archive_urls(article):
        assert "Concept over thuiswerken" in page(url), url


def test_taking_an_article_off_the_site_removes_it_everywhere_at_once(
    editor_client, article
):
    seen(article.get_absolute_url(), *archive_urls(article))

    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk], "index": 0},
    )

    assert Client().get(article.get_absolute_url()).status_code == 404
    for url in archive_urls(article):
        assert "Werkdruk bij gemeenten" not in page(url), url


def test_a_scheduled_article_appears_on_cached_pages_when_its_publish_time_comes(
    article,
):
    scheduled = ArticleFactory(
        title="Gepland stuk over integriteit",
        slug="integriteit",
        published_at=timezone.now() + timedelta(seconds=30),
        category=article.category,
        author=article.author,
    )
    urls = archive_urls(article)
    seen(*urls)
    assert all("Gepland stuk" not in page(url) for url in urls)

    with time_machine.travel(timezone.now() + timedelta(seconds=20)):
        assert all(is_cached(url) for url in urls)
        assert Client().get(scheduled.get_absolute_url()).status_code == 404

    with time_machine.travel(scheduled.published_at + timedelta(seconds=1)):
        assert Client().get(scheduled.get_absolute_url()).status_code == 200
        for url in urls:
            assert "Gepland stuk over integriteit" in page(url), url


def test_a_page_rendered_just_before_a_scheduled_article_is_not_kept_after_it(article):
    """A render that reads the data before the publish time and ends after it (a busy
    machine) must not be stored as if no article were due any more."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django.urls import resolve

    from ambtenarenpanel.caching import PageCacheMiddleware

    ArticleFactory(
        title="Gepland stuk over integriteit",
        slug="integriteit",
        published_at=timezone.now() + timedelta(seconds=30),
        category=article.category,
        author=article.author,
    )
    home = reverse("articles:home")
    with time_machine.travel(timezone.now(), tick=False) as clock:

        def render_while_the_publish_time_passes(request):
            # The page, rendered from the data as it was before the publish time.
            response = resolve(request.path_info).func(request)
            clock.shift(timedelta(seconds=60))
            return response

        request = RequestFactory().get(home)
        request.user = AnonymousUser()
        first = PageCacheMiddleware(render_while_the_publish_time_passes)(request)
        assert "Gepland stuk" not in first.content.decode()

        assert "Gepland stuk over integriteit" in Client().get(home).content.decode()


def test_renaming_a_category_or_author_shows_on_the_article_page_at_once(
    editor_client, article
):
    seen(article.get_absolute_url())

    article.category.name = "iSamenleving"
    article.category.save()

    assert "iSamenleving" in page(article.get_absolute_url())


# --- Comments ------------------------------------------------------------------------------


@pytest.fixture
def pending(article):
    return CommentFactory(
        article=article,
        name="Kees",
        body="Een reactie die op goedkeuring wacht.",
        status=Comment.Status.PENDING,
    )


def moderate(client: Client, action: str, comments: list[Comment], **extra) -> None:
    response = client.post(
        reverse("admin:articles_comment_changelist"),
        {
            "action": action,
            "_selected_action": [comment.pk for comment in comments],
            "index": 0,
            **extra,
        },
    )
    assert response.status_code == 302


def test_approving_a_comment_shows_it_on_the_article_page_at_once(
    moderator_client, article, pending
):
    seen(article.get_absolute_url(), HOME)
    assert "Een reactie die op goedkeuring wacht." not in page(
        article.get_absolute_url()
    )

    moderate(moderator_client, "approve", [pending])

    html = page(article.get_absolute_url())
    assert "Een reactie die op goedkeuring wacht." in html
    assert "1 reactie" in html


@pytest.mark.parametrize(
    ("action", "extra"),
    [("mark_as_spam", {}), ("delete_selected", {"post": "yes"})],
    ids=["spam", "delete"],
)
def test_removing_an_approved_comment_takes_it_off_the_page_at_once(
    moderator_client, article, action, extra
):
    comment = CommentFactory(article=article, body="Later toch spam gebleken.")
    seen(article.get_absolute_url())
    assert "Later toch spam gebleken." in page(article.get_absolute_url())

    moderate(moderator_client, action, [comment], **extra)

    assert "Later toch spam gebleken." not in page(article.get_absolute_url())


def test_editing_an_approved_comment_in_the_admin_shows_at_once(
    moderator_client, article
):
    comment = CommentFactory(article=article, name="Kees", body="Eerste versie.")
    seen(article.get_absolute_url())

    response = moderator_client.post(
        reverse("admin:articles_comment_change", args=[comment.pk]),
        {
            "name": "Kees",
            "email": comment.email,
            "website": "",
            "body": "Tweede versie, zonder scheldwoord.",
            "status": Comment.Status.APPROVED,
        },
    )

    assert response.status_code == 302
    html = page(article.get_absolute_url())
    assert "Tweede versie, zonder scheldwoord." in html
    assert "Eerste versie." not in html


def test_a_new_comment_waiting_for_moderation_leaves_the_cached_page_alone(
    client, article, comment_data
):
    seen(article.get_absolute_url())

    client.post(article.get_absolute_url(), comment_data)

    assert Comment.objects.get().status == Comment.Status.PENDING
    assert is_cached(article.get_absolute_url())


# --- Survey results ------------------------------------------------------------------------


@pytest.fixture
def survey_pages(article):
    survey = SurveyFactory(slug="werkdruk-2024", title="Werkdruk 2024")
    question = question_with_results(
        survey=survey,
        code="v1",
        text="Ervaart u veel werkdruk?",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [61, 39]},
    )
    charted = ArticleFactory(
        slug="met-grafiek", body="<p>Cijfers:</p><p>[grafiek werkdruk-2024/v1]</p>"
    )
    kwargs = {"survey_slug": "werkdruk-2024", "code": "v1"}
    return question, [
        charted.get_absolute_url(),
        reverse("surveys:survey-detail", kwargs={"slug": "werkdruk-2024"}),
        reverse("surveys:question-detail", kwargs=kwargs),
        reverse("surveys:question-chart", kwargs=kwargs),
        reverse("surveys:survey-csv", kwargs={"slug": "werkdruk-2024"}),
    ]


def figures(url: str) -> set[str]:
    """The percentages a reader sees at ``url``: in the tables, or in ``grafiek.json``."""
    response = Client().get(url)
    assert response.status_code == 200, url
    if response["Content-Type"].startswith("application/json"):
        return {
            f"{Decimal(str(value)).normalize():f}"
            for dataset in json.loads(response.content)["datasets"]
            for value in dataset["data"]
            if value is not None
        }
    if response["Content-Type"].startswith("text/csv"):
        rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
        return {f"{Decimal(row['percentage']).normalize():f}" for row in rows}
    return set(re.findall(r"([\d,]+)\xa0%", response.content.decode()))


def test_importing_survey_results_shows_the_new_figures_at_once(survey_pages, tmp_path):
    _, urls = survey_pages
    seen(*urls, HOME)
    assert all(figures(url) == {"61", "39"} for url in urls)
    path = write_csv(
        tmp_path / "werkdruk.csv",
        [
            ["werkdruk-2024", "v1", "Ervaart u veel werkdruk?", "single", "Ja", 73],
            ["werkdruk-2024", "v1", "Ervaart u veel werkdruk?", "single", "Nee", 27],
        ],
        headers=[
            "enquete",
            "vraagcode",
            "vraag",
            "vraagtype",
            "antwoord",
            "percentage",
        ],
    )

    call_command("import_results", str(path), stdout=StringIO())

    for url in urls:
        assert figures(url) == {"73", "27"}, url


def test_changing_or_deleting_a_result_in_the_admin_shows_at_once(
    admin_client_logged_in, survey_pages
):
    question, urls = survey_pages
    result = Result.objects.get(option__label="Ja")
    seen(*urls)

    response = admin_client_logged_in.post(
        reverse("admin:surveys_result_change", args=[result.pk]),
        {
            "option": result.option_id,
            "segment": result.segment_id,
            "percentage": "64",
            "count": "",
        },
    )
    assert response.status_code == 302
    assert all(figures(url) == {"64", "39"} for url in urls)

    seen(*urls)
    response = admin_client_logged_in.post(
        reverse("admin:surveys_result_delete", args=[result.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert all("64" not in figures(url) for url in urls)


def test_renaming_a_question_in_the_admin_shows_at_once(
    admin_client_logged_in, survey_pages
):
    question, urls = survey_pages
    seen(*urls)

    question.text = "Hoe hoog is uw werkdruk?"
    question.save()

    assert all("Hoe hoog is uw werkdruk?" in page(url) for url in urls)
