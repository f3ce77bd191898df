"""Moderators approve, mark as spam or delete comments in bulk in the admin."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Comment
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_comment_changelist")


@pytest.fixture
def pending_comments():
    article = ArticleFactory(title="Werkdruk bij gemeenten")
    return [
        CommentFactory(
            article=article,
            name="Kees Wachtrij",
            email="kees@example.org",
            body="Nog niet goedgekeurde reactie van Kees.",
            status=Comment.Status.PENDING,
        ),
        CommentFactory(
            article=article,
            name="Ria Wachtrij",
            email="ria@example.org",
            body="Nog niet goedgekeurde reactie van Ria.",
            status=Comment.Status.PENDING,
        ),
    ]


@pytest.fixture(params=["superuser", "moderator"])
def staff_client(request) -> Client:
    """The same moderation works for a superuser and for a member of Moderatie.

    A client of its own, so that ``client`` stays an anonymous reader.
    """
    staff_client = Client()
    staff_client.force_login(request.getfixturevalue(request.param))
    return staff_client


def run_action(staff_client, action: str, comments, **extra):
    return staff_client.post(
        CHANGELIST,
        {
            "action": action,
            "_selected_action": [comment.pk for comment in comments],
            "index": 0,
            **extra,
        },
        follow=True,
    )


def test_the_queue_lists_pending_comments_with_the_email_for_moderators(
    staff_client, pending_comments
):
    response = staff_client.get(CHANGELIST, {"status__exact": "pending"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Kees Wachtrij" in content
    assert "kees@example.org" in content
    assert "Werkdruk bij gemeenten" in content


def test_approving_in_bulk_shows_the_comments_on_the_article_page(
    staff_client, client, pending_comments
):
    article_url = pending_comments[0].article.get_absolute_url()
    assert "Nog niet goedgekeurde reactie van Kees." not in (
        client.get(article_url).content.decode()
    )

    response = run_action(staff_client, "approve", pending_comments)

    assert response.status_code == 200
    assert "2 reacties goedgekeurd." in response.content.decode()
    assert all(
        comment.status == Comment.Status.APPROVED
        for comment in Comment.objects.filter(pk__in=[c.pk for c in pending_comments])
    )
    page = client.get(article_url).content.decode()
    assert "Nog niet goedgekeurde reactie van Kees." in page
    assert "Nog niet goedgekeurde reactie van Ria." in page
    assert "kees@example.org" not in page


def test_marking_as_spam_keeps_the_comments_off_the_article_page(
    staff_client, client, pending_comments
):
    response = run_action(staff_client, "mark_as_spam", pending_comments)

    assert "2 reacties gemarkeerd als spam." in response.content.decode()
    assert set(Comment.objects.values_list("status", flat=True)) == {
        Comment.Status.SPAM
    }
    page = client.get(pending_comments[0].article.get_absolute_url())
    assert "Nog niet goedgekeurde reactie van Kees." not in page.content.decode()


def test_marking_an_approved_comment_as_spam_takes_it_off_the_page(
    staff_client, client
):
    comment = CommentFactory(body="Koop nu goedkope horloges.")
    article_url = comment.article.get_absolute_url()
    assert "Koop nu goedkope horloges." in client.get(article_url).content.decode()

    run_action(staff_client, "mark_as_spam", [comment])

    assert "Koop nu goedkope horloges." not in client.get(article_url).content.decode()


def test_deleting_in_bulk_asks_for_confirmation_then_deletes(
    staff_client, pending_comments
):
    other = CommentFactory(body="Deze blijft staan.")

    confirmation = run_action(staff_client, "delete_selected", pending_comments)

    assert confirmation.status_code == 200
    assert Comment.objects.count() == 3

    response = run_action(staff_client, "delete_selected", pending_comments, post="yes")

    assert response.status_code == 200
    assert list(Comment.objects.all()) == [other]


def test_approving_only_counts_comments_that_changed(staff_client, pending_comments):
    already_approved = CommentFactory(article=pending_comments[0].article)

    response = run_action(
        staff_client, "approve", [*pending_comments, already_approved]
    )

    assert "2 reacties goedgekeurd." in response.content.decode()


def test_nobody_adds_a_comment_through_the_admin(staff_client):
    response = staff_client.get(reverse("admin:articles_comment_add"))

    assert response.status_code == 403


def test_a_moderator_cannot_change_or_list_articles(moderator_client):
    article = ArticleFactory(title="Niet voor moderatoren")

    change = moderator_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    changelist = moderator_client.get(reverse("admin:articles_article_changelist"))
    post = moderator_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        {"title": "Gewijzigd door moderator"},
    )

    assert change.status_code == 403
    assert changelist.status_code == 403
    assert post.status_code == 403
    article.refresh_from_db()
    assert article.title == "Niet voor moderatoren"


def test_a_moderator_cannot_publish_articles_through_the_action(moderator_client):
    article = ArticleFactory(draft=True)

    response = moderator_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk], "index": 0},
    )

    assert response.status_code == 403
    article.refresh_from_db()
    assert not article.is_published()


def test_an_anonymous_visitor_is_sent_to_the_admin_login(client, pending_comments):
    response = run_action(client, "approve", pending_comments)

    assert response.redirect_chain[0][0].startswith(reverse("admin:login"))
    assert not Comment.objects.filter(status=Comment.Status.APPROVED).exists()


def test_the_comment_list_opens_on_the_comments_waiting_and_can_show_all(
    staff_client, pending_comments
):
    approved = CommentFactory(name="Al Goedgekeurd", status=Comment.Status.APPROVED)

    opening = staff_client.get(CHANGELIST)
    everything = staff_client.get(CHANGELIST, {"status__exact": "alle"})

    assert {c.pk for c in opening.context["cl"].result_list} == {
        c.pk for c in pending_comments
    }
    content = opening.content.decode()
    assert '<li class="selected">\n    <a href="?status__exact=pending"' in content
    assert 'href="?status__exact=alle"' in content
    assert approved.pk in {c.pk for c in everything.context["cl"].result_list}
    assert len(everything.context["cl"].result_list) == 3


def test_the_comment_list_shows_a_short_text_the_sender_status_and_date(
    staff_client, pending_comments
):
    long_body = "Een heel lange reactie " * 30
    CommentFactory(body=long_body, status=Comment.Status.PENDING)

    response = staff_client.get(CHANGELIST)
    headers = [str(header["text"]) for header in response.context["result_headers"]]
    content = response.content.decode()

    assert headers[1:] == ["reactie", "afzender", "artikel", "status", "geplaatst"]
    assert long_body[:50] in content
    assert long_body.strip() not in content
    assert "Een heel lange reactie Een heel lange reactie Een heel…" in content


def test_the_admin_index_shows_how_many_comments_wait(
    staff_client, pending_comments, researcher_client
):
    CommentFactory(status=Comment.Status.APPROVED)

    content = staff_client.get(reverse("admin:index")).content.decode()
    for_research = researcher_client.get(reverse("admin:index")).content.decode()

    assert "2 reacties wachten op goedkeuring" in content
    assert f'href="{CHANGELIST}"' in content
    assert "wachten op goedkeuring" not in for_research
