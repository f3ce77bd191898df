"""Readers post comments; they wait for moderation and never show an e-mail address."""

import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from articles.forms import FORM_TOKEN_SALT, make_form_token
from articles.models import Comment
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
THANKS = "Bedankt! Je reactie wordt zichtbaar na goedkeuring door de redactie."
TOO_FAST = "Je reactie werd wel erg snel verstuurd."
EXPIRED = "Het formulier is verlopen. Verstuur je reactie opnieuw."
RATE_LIMITED = "Je hebt kort na elkaar veel reacties geplaatst."


def post(client, article, data, **extra):
    return client.post(article.get_absolute_url(), data, **extra)


def form_errors(content: str) -> str:
    """The text of the form's error summary and field errors."""
    return " ".join(re.sub(r"<[^>]+>", " ", content).split())


# Posting a valid comment.


def test_a_valid_comment_is_stored_as_pending_with_the_posters_address(
    client, article, comment_data
):
    response = post(client, article, comment_data, REMOTE_ADDR="192.0.2.50")

    assert response.status_code == 302
    assert (
        response["Location"]
        == f"{article.get_absolute_url()}?reactie=ontvangen#reageer"
    )
    comment = Comment.objects.get()
    assert comment.article == article
    assert comment.name == "Anne de Boer"
    assert comment.email == "anne.deboer@example.org"
    assert comment.body == "Herkenbaar onderzoek, bij ons gaat het net zo."
    assert comment.status == Comment.Status.PENDING
    assert comment.ip_address == "192.0.2.50"


def test_the_poster_is_told_the_comment_waits_for_moderation(
    client, article, comment_data
):
    response = post(client, article, comment_data, follow=True)

    assert response.status_code == 200
    content = response.content.decode()
    assert THANKS in content
    # The message sits in the comment section, where #reageer lands.
    assert content.index(">Reageer</h2>") < content.index(THANKS)
    # The pending comment itself is not shown yet, not even to its poster.
    assert "Herkenbaar onderzoek, bij ons gaat het net zo." not in content


def test_the_moderation_message_is_shown_only_once(client, article, comment_data):
    post(client, article, comment_data, follow=True)

    assert THANKS not in client.get(article.get_absolute_url()).content.decode()


def test_a_poster_cannot_approve_the_comment_or_choose_the_article(
    client, article, comment_data
):
    other = ArticleFactory()

    post(
        client,
        article,
        {
            **comment_data,
            "status": "approved",
            "article": other.pk,
            "ip_address": "203.0.113.1",
        },
        REMOTE_ADDR="192.0.2.50",
    )

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.article == article
    assert comment.ip_address == "192.0.2.50"


def test_a_website_without_scheme_is_stored_with_https(client, article, comment_data):
    post(client, article, {**comment_data, "website": "www.example.org"})

    assert Comment.objects.get().website == "https://www.example.org"


# Refusals: the form is shown again with Dutch messages, nothing is stored.


def test_an_empty_form_is_refused_with_a_dutch_message_per_field(client, article):
    response = post(
        client,
        article,
        {"token": make_form_token(shown_at=time.time() - 60)},
    )

    assert response.status_code == 400
    errors = form_errors(response.content.decode())
    assert "Je reactie is nog niet geplaatst" in errors
    assert "Vul je naam in." in errors
    assert "Vul je e-mailadres in." in errors
    assert "Schrijf je reactie." in errors
    assert not Comment.objects.exists()


def test_an_invalid_form_keeps_what_was_typed(client, article, comment_data):
    response = post(
        client,
        article,
        {**comment_data, "email": "geen-adres", "website": "niet een adres"},
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl." in content
    assert "Vul een geldig webadres in, beginnend met https://." in content
    assert 'value="Anne de Boer"' in content
    assert 'value="geen-adres"' in content
    assert "Herkenbaar onderzoek, bij ons gaat het net zo.</textarea>" in content
    assert 'aria-invalid="true"' in content
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "website",
    ["http://www.example.org/", "ftp://ftp.example.org/bestand", "HTTP://x.nl"],
)
def test_a_website_that_is_not_https_is_refused_as_security_md_says(
    client, article, comment_data, website
):
    response = post(client, article, {**comment_data, "website": website})

    assert response.status_code == 400
    assert "Alleen een beveiligd webadres kan, beginnend met https://" in (
        response.content.decode()
    )
    assert not Comment.objects.exists()


def test_a_javascript_website_is_refused(client, article, comment_data):
    response = post(client, article, {**comment_data, "website": "javascript:alert(1)"})

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_comment_longer_than_5000_characters_is_refused(
    client, article, comment_data
):
    response = post(client, article, {**comment_data, "body": "a" * 5001})

    assert response.status_code == 400
    assert "5000" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_filled_honeypot_stores_nothing(client, article, comment_data):
    response = post(client, article, {**comment_data, "telefoon": "0612345678"})

    assert response.status_code == 400
    assert "Je reactie kon niet worden geplaatst." in response.content.decode()
    assert not Comment.objects.exists()


def test_a_post_sooner_than_the_minimum_time_stores_nothing(
    client, article, comment_data, settings
):
    settings.COMMENT_MIN_SECONDS = 3
    token = make_form_token(shown_at=time.time() - 1)

    response = post(client, article, {**comment_data, "token": token})

    assert response.status_code == 400
    assert TOO_FAST in response.content.decode()
    assert not Comment.objects.exists()


def test_a_post_just_after_the_minimum_time_is_accepted(
    client, article, comment_data, settings
):
    settings.COMMENT_MIN_SECONDS = 3
    token = make_form_token(shown_at=time.time() - 4)

    response = post(client, article, {**comment_data, "token": token})

    assert response.status_code == 302
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        "",
        "1700000000",
        "niet-ondertekend:abc",
        signing.dumps(time.time() - 60, salt="een-ander-formulier"),
        signing.dumps(time.time() - 60, salt=FORM_TOKEN_SALT, key="een-andere-sleutel"),
    ],
    ids=["missing", "bare-time", "garbage", "other-salt", "other-key"],
)
def test_a_forged_token_stores_nothing_and_the_form_gets_a_fresh_one(
    client, article, comment_data, token
):
    response = post(client, article, {**comment_data, "token": token})

    assert response.status_code == 400
    content = response.content.decode()
    assert EXPIRED in content
    assert not Comment.objects.exists()
    fresh = re.search(r'name="token" value="([^"]+)"', content).group(1)
    assert fresh != token
    signing.loads(fresh, salt=FORM_TOKEN_SALT)  # a valid signature


def test_a_token_older_than_two_days_stores_nothing(client, article, comment_data):
    class SignerThreeDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 3 * 24 * 60 * 60)

    old_token = SignerThreeDaysAgo(salt=FORM_TOKEN_SALT).sign_object(
        time.time() - 3 * 24 * 60 * 60
    )

    response = post(client, article, {**comment_data, "token": old_token})

    assert response.status_code == 400
    assert EXPIRED in response.content.decode()
    assert not Comment.objects.exists()


def test_the_form_on_the_page_carries_a_token_of_the_time_it_was_shown(client, article):
    before = time.time()
    content = client.get(article.get_absolute_url()).content.decode()

    token = re.search(r'name="token" value="([^"]+)"', content).group(1)
    shown_at = signing.loads(token, salt=FORM_TOKEN_SALT)
    assert before - 1 <= shown_at <= time.time() + 1


def test_the_sixth_comment_from_one_address_is_refused_and_another_address_may_post(
    client, article, comment_data, settings
):
    assert settings.COMMENT_RATE == "5/10m"
    for number in range(5):
        response = post(
            client,
            article,
            {**comment_data, "body": f"Reactie nummer {number}"},
            REMOTE_ADDR="192.0.2.7",
        )
        assert response.status_code == 302

    sixth = post(client, article, comment_data, REMOTE_ADDR="192.0.2.7")
    other = post(client, article, comment_data, REMOTE_ADDR="198.51.100.8")

    assert sixth.status_code == 429
    assert RATE_LIMITED in sixth.content.decode()
    assert 'value="Anne de Boer"' in sixth.content.decode()
    assert other.status_code == 302
    assert Comment.objects.filter(ip_address="192.0.2.7").count() == 5
    assert Comment.objects.filter(ip_address="198.51.100.8").count() == 1


def test_behind_a_proxy_the_address_comes_from_its_header(
    client, article, comment_data, settings
):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for number in range(5):
        response = post(
            client,
            article,
            {**comment_data, "body": f"Reactie nummer {number}"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_REAL_IP="192.0.2.21",
        )
        assert response.status_code == 302

    sixth = post(
        client,
        article,
        comment_data,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_REAL_IP="192.0.2.21",
    )
    other = post(
        client,
        article,
        comment_data,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_REAL_IP="192.0.2.22",
    )

    assert sixth.status_code == 429
    assert other.status_code == 302
    assert Comment.objects.filter(ip_address="192.0.2.21").count() == 5
    assert Comment.objects.filter(ip_address="192.0.2.22").count() == 1


def test_a_post_without_a_valid_address_is_stored_without_one(
    client, article, comment_data
):
    response = post(client, article, comment_data, REMOTE_ADDR="")

    assert response.status_code == 302
    assert Comment.objects.get().ip_address is None


def test_the_same_comment_posted_twice_is_stored_once(client, article, comment_data):
    first = post(client, article, comment_data)
    second = post(client, article, comment_data, follow=True)

    assert first.status_code == 302
    assert THANKS in second.content.decode()
    assert article.comments.count() == 1


def test_a_different_comment_from_the_same_reader_is_stored_too(
    client, article, comment_data
):
    post(client, article, comment_data)
    post(client, article, {**comment_data, "body": "En nog een aanvulling."})

    assert article.comments.count() == 2


def test_refused_posts_count_towards_the_rate_limit_too(client, article, comment_data):
    for _ in range(5):
        post(client, article, {"token": "x"}, REMOTE_ADDR="192.0.2.9")

    response = post(client, article, comment_data, REMOTE_ADDR="192.0.2.9")

    assert response.status_code == 429
    assert not Comment.objects.exists()


def test_a_closed_article_refuses_comments(client, comment_data):
    article = ArticleFactory(comments_open=False)

    response = post(client, article, comment_data)

    assert response.status_code == 403
    assert "Reageren is niet meer mogelijk." in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_a_draft_or_scheduled_article_is_not_found_and_takes_no_comment(
    client, comment_data, trait
):
    article = ArticleFactory(**{trait: True})

    response = post(client, article, comment_data)

    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_only_get_head_and_post_are_allowed(client, article, comment_data):
    assert client.head(article.get_absolute_url()).status_code == 200
    assert client.put(article.get_absolute_url()).status_code == 405
    assert client.delete(article.get_absolute_url()).status_code == 405


def test_the_comment_form_is_protected_against_cross_site_posts(article, comment_data):
    csrf_client = Client(enforce_csrf_checks=True)

    response = post(csrf_client, article, comment_data)

    assert response.status_code == 403
    assert not Comment.objects.exists()


# What readers see.


def test_approved_comments_show_name_date_and_text_in_order(client, article):
    CommentFactory(
        article=article,
        name="Johan Bakker",
        body="Tweede reactie.",
        created_at=datetime(2020, 6, 15, 14, 40, tzinfo=AMSTERDAM),
    )
    CommentFactory(
        article=article,
        name="Marieke de Vries",
        body="Eerste reactie.",
        created_at=datetime(2020, 6, 15, 11, 12, tzinfo=AMSTERDAM),
    )

    content = client.get(article.get_absolute_url()).content.decode()

    assert "2 reacties" in content
    assert "Marieke de Vries" in content
    assert "15 juni 2020 om 11:12" in content
    assert "<p>Eerste reactie.</p>" in content
    assert content.index("Eerste reactie.") < content.index("Tweede reactie.")


@pytest.mark.parametrize("status", [Comment.Status.PENDING, Comment.Status.SPAM])
def test_pending_and_spam_comments_are_not_shown(client, article, status):
    CommentFactory(article=article, name="Verborgen Lezer", status=status)

    content = client.get(article.get_absolute_url()).content.decode()

    assert "Verborgen Lezer" not in content
    assert "Er zijn nog geen reacties." in content


def test_comments_of_another_article_are_not_shown(client, article):
    CommentFactory(name="Lezer Elders", article=ArticleFactory())

    assert "Lezer Elders" not in client.get(article.get_absolute_url()).content.decode()


def test_markup_in_a_comment_is_shown_as_text(client, article):
    CommentFactory(
        article=article,
        name="<b>Kwaadwillend</b>",
        body='<script>alert("xss")</script>',
        website='https://example.org/"><script>alert(1)</script>',
    )

    content = client.get(article.get_absolute_url()).content.decode()

    assert '<script>alert("xss")</script>' not in content
    assert "&lt;script&gt;" in content
    assert "<b>Kwaadwillend</b>" not in content


def test_the_website_of_a_commenter_is_a_nofollow_link(client, article):
    CommentFactory(article=article, name="Piet", website="https://piet.example.org/")

    content = client.get(article.get_absolute_url()).content.decode()

    assert '<a href="https://piet.example.org/" rel="nofollow ugc">Piet</a>' in content


def test_the_email_address_never_appears_on_a_public_page_or_feed(client):
    article = ArticleFactory(title="Artikel met kwartiermakers")
    for status in Comment.Status:
        CommentFactory(
            article=article,
            email=f"geheim.{status}@example.org",
            body="Een reactie over kwartiermakers.",
            status=status,
        )
    urls = [
        article.get_absolute_url(),
        reverse("articles:home"),
        article.author.get_absolute_url(),
        article.category.get_absolute_url(),
        reverse("search:search") + "?q=kwartiermakers",
        reverse("articles:feed"),
        reverse("articles:category-feed", kwargs={"slug": article.category.slug}),
        reverse("sitemap"),
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert "@example.org" not in content, url
        assert "geheim." not in content, url
    assert "Een reactie over kwartiermakers." in (
        client.get(article.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/pagina"},
    ],
)
def test_a_cross_site_post_is_refused_whoever_sends_it(
    client, article, comment_data, headers
):
    """Also from Django's test client, whose requests say "don't check CSRF": the
    check reads only what a browser sends."""
    response = client.post(article.get_absolute_url(), comment_data, **headers)

    assert response.status_code == 403
    assert not Comment.objects.exists()
