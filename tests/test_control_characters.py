"""Control characters that Word, PowerPoint or a copied web page bring along never
reach a feed or a page: cleaned when saved, and again on the way out of a feed."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from articles.models import Article, Comment
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    CommentFactory,
)
from tests.support.forms import form_data

pytestmark = pytest.mark.django_db

# Word's line break, a noncharacter, C0 and C1 controls, other noncharacters, a
# reordering override, zero width space, NUL.
UNWANTED = [
    "\x0b",
    "\ufffe",
    "\x01",
    "\x1f",
    "\x9f",
    "\ufdd0",
    "\U0010ffff",
    "\u202e",
    "\u200b",
    "\x00",
]


def feed_channel(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content).find("channel")  # fails on malformed XML


@pytest.mark.parametrize(
    "character", UNWANTED, ids=[f"U+{ord(c):04X}" for c in UNWANTED]
)
def test_every_feed_and_page_stays_valid_with_pasted_control_characters(
    client, character
):
    joined = " " if character == "\x0b" else ""  # Word's line break: a space in a title
    category = CategoryFactory(name=f"iSamen{character}leving", slug="isamenleving")
    author = AuthorFactory(name=f"Panel{character}redactie", slug="panel")
    article = ArticleFactory(
        title=f"Digitale{character}dienstverlening",
        lead=f"Een intro {character}uit Word.",
        body=f"<p>Tekst{character} en &#11; en &#xFFFE;.</p>",
        search_description=f"Zoek{character}tekst",
        category=category,
        author=author,
    )
    CommentFactory(article=article, name=f"Anne{character}", body=f"Eens{character}!")

    for url in (
        reverse("articles:feed"),
        reverse("articles:category-feed", kwargs={"slug": "isamenleving"}),
        reverse("articles:author-feed", kwargs={"slug": "panel"}),
    ):
        channel = feed_channel(client, url)
        item = channel.find("item")
        assert item.findtext("title") == f"Digitale{joined}dienstverlening"
        assert item.findtext("description").split() == ["Een", "intro", "uit", "Word."]
    for url in (
        article.get_absolute_url(),
        reverse("articles:home"),
        category.get_absolute_url(),
        author.get_absolute_url(),
    ):
        content = client.get(url).content.decode()
        assert character not in content
        assert "&#11;" not in content and "&#xFFFE;" not in content


def test_words_joined_by_words_line_break_stay_apart():
    article = ArticleFactory(title="Eerste\x0bregel", lead="Alinea een\x0bAlinea twee")

    article.refresh_from_db()
    assert article.title == "Eerste regel"
    assert article.lead == "Alinea een\nAlinea twee"


def test_a_feed_stays_valid_when_a_stored_title_still_holds_them(client):
    """Rows written before the cleaning, or by a raw update, are cleaned on the way out."""
    article = ArticleFactory(title="Schoon")
    Article.objects.filter(pk=article.pk).update(title="Vuil\x0b\ufffe", lead="a\x01b")

    channel = feed_channel(client, reverse("articles:feed"))

    assert channel.find("item").findtext("title").strip() == "Vuil"
    assert channel.find("item").findtext("description") == "ab"


def test_the_admin_stores_a_pasted_title_clean_and_refuses_one_of_only_control_characters(
    admin_client_logged_in,
):
    article = ArticleFactory(title="Oud")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client_logged_in.get(url).content, "article_form")

    response = admin_client_logged_in.post(
        url, {**data, "title": "Nieuw\x0bstuk\ufffe"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Nieuw stuk"

    response = admin_client_logged_in.post(url, {**data, "title": "\ufffe\u200b"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title"]
    article.refresh_from_db()
    assert article.title == "Nieuw stuk"


def test_a_comment_saved_outside_the_form_is_cleaned_too():
    comment = CommentFactory(name="Piet\x0b", body="Regel een\x0bregel twee\ufffe")

    comment.refresh_from_db()
    assert (comment.name, comment.body) == ("Piet ", "Regel een\nregel twee")
    assert Comment.objects.filter(body__contains="\ufffe").count() == 0
