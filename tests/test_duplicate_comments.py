"""A comment posted twice at the same moment (a double click answered by two server
threads) is stored once: the database decides, not a check before saving.

On PostgreSQL the two requests run in threads of the test with connections of their own.
SQLite's in-memory test database cannot take two writers at once, so there the same
scenario runs in a fresh process on a database file of its own.
"""

import textwrap
import time

import pytest
from django.conf import settings
from django.db import connection

from articles.forms import make_form_token
from articles.models import Comment
from tests.factories import ArticleFactory, CommentFactory
from tests.support.concurrency import post_at_once
from tests.support.processes import printed_lines, run_python

COMMENT = {
    "name": "Anne de Boer",
    "email": "anne.deboer@example.org",
    "website": "",
    "body": "Herkenbaar onderzoek, bij ons gaat het net zo.",
    "telefoon": "",
}

SCENARIO = textwrap.dedent(
    """
    import time
    import django
    django.setup()
    from django.test.utils import setup_test_environment
    setup_test_environment()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    from articles.forms import make_form_token
    from articles.models import Comment
    from tests.factories import ArticleFactory
    from tests.support.concurrency import post_at_once
    article = ArticleFactory()
    data = {**COMMENT, "token": make_form_token(shown_at=time.time() - 60)}
    statuses = post_at_once(article.get_absolute_url(), data, model=Comment)
    print("STATUSES", " ".join(map(str, statuses)))
    print("STORED", article.comments.count())
    """
)


@pytest.mark.django_db(transaction=True)
def test_two_posts_of_one_comment_at_the_same_moment_store_one(tmp_path):
    if connection.vendor == "sqlite":
        printed = printed_lines(
            run_python(
                f"COMMENT = {COMMENT!r}\n" + SCENARIO,
                DJANGO_SETTINGS_MODULE="tests.settings",
                DATABASE_URL=f"sqlite:///{tmp_path / 'gelijktijdig.sqlite3'}",
                STATIC_ROOT=str(settings.STATIC_ROOT),  # collected for this test run
                timeout=180,
            )
        )
        statuses, stored = printed["STATUSES"].split(), int(printed["STORED"])
    else:
        article = ArticleFactory()
        data = {**COMMENT, "token": make_form_token(shown_at=time.time() - 60)}
        statuses = post_at_once(article.get_absolute_url(), data, model=Comment)
        statuses, stored = [str(s) for s in statuses], article.comments.count()

    assert statuses == ["302", "302"], "both readers get the same thank-you"
    assert stored == 1


@pytest.mark.django_db
def test_the_same_text_from_the_same_address_in_capitals_is_the_same_comment(
    client, comment_data
):
    article = ArticleFactory()
    client.post(article.get_absolute_url(), comment_data)
    again = {**comment_data, "email": comment_data["email"].upper()}

    response = client.post(article.get_absolute_url(), again)

    assert response.status_code == 302
    assert article.comments.count() == 1


@pytest.mark.django_db
def test_the_same_text_on_another_article_or_from_someone_else_is_stored(
    client, comment_data
):
    first, second = ArticleFactory(), ArticleFactory()
    client.post(first.get_absolute_url(), comment_data)
    client.post(second.get_absolute_url(), comment_data)
    client.post(
        first.get_absolute_url(), {**comment_data, "email": "ander@example.org"}
    )

    assert Comment.objects.count() == 3


@pytest.mark.django_db
def test_a_moderator_can_edit_a_comment_into_the_text_of_another(
    admin_client_logged_in,
):
    from django.urls import reverse

    from tests.support.forms import form_data

    article = ArticleFactory()
    CommentFactory(article=article, email="a@example.org", body="Eerste versie.")
    second = CommentFactory(
        article=article, email="a@example.org", body="Tweede versie."
    )
    url = reverse("admin:articles_comment_change", args=[second.pk])
    data = form_data(admin_client_logged_in.get(url).content, "comment_form")

    response = admin_client_logged_in.post(url, {**data, "body": "Eerste versie."})

    assert response.status_code == 302
    second.refresh_from_db()
    assert second.body == "Eerste versie."
