"""Rich text is sanitised when an article is saved: only the editor's own markup survives."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def saved_body(body: str) -> str:
    article = ArticleFactory(body=body)
    article.refresh_from_db()
    return article.body


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>Tekst</p><script>alert('xss')</script>", ["<script", "alert("]),
        ('<p>Tekst<img src="x" onerror="alert(1)"></p>', ["onerror", "<img"]),
        ('<p onclick="alert(1)">Klik</p>', ["onclick", "alert("]),
        ('<a href="javascript:alert(1)">link</a>', ["javascript:", "alert("]),
        ('<a href="JaVaScRiPt:alert(1)">link</a>', ["javascript:", "alert("]),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">link</a>', ["data:"]),
        ("<style>body { display: none }</style><p>Tekst</p>", ["<style", "display"]),
        ('<p style="position: fixed; top: 0">Tekst</p>', ["style=", "position"]),
        ('<iframe src="https://example.org/"></iframe><p>Tekst</p>', ["<iframe"]),
        ('<object data="x.swf"></object><embed src="y.swf">', ["<object", "<embed"]),
        ('<form action="/"><input name="q"></form>', ["<form", "<input"]),
        ('<svg onload="alert(1)"><circle r="1"/></svg>', ["<svg", "onload"]),
        ('<h2 class="x" id="kop">Kop</h2>', ["class=", "id="]),
    ],
)
def test_dangerous_markup_is_removed_when_an_article_is_saved(dirty, forbidden):
    body = saved_body(dirty).lower()

    for fragment in forbidden:
        assert fragment.lower() not in body


def test_the_text_around_removed_markup_is_kept():
    body = saved_body('<p onclick="alert(1)">Klik hier</p><script>x()</script>')

    assert body == "<p>Klik hier</p>"


@pytest.mark.parametrize(
    "markup",
    [
        "<h2>Kwaliteitseisen</h2>",
        "<h3>Tussenkop</h3>",
        "<p>Een gewone alinea.</p>",
        "<p>Met <strong>nadruk</strong> en <em>cursief</em>.</p>",
        "<ul><li>een</li><li>twee</li></ul>",
        "<ol><li>eerst</li></ol>",
        "<blockquote><p>Webcare is een vak.</p></blockquote>",
    ],
)
def test_the_markup_the_editor_produces_is_kept(markup):
    assert saved_body(markup) == markup


def test_a_link_keeps_its_address_and_text():
    body = saved_body(
        '<p>Zie <a href="https://www.digitaleoverheid.nl/">de Agenda</a>.</p>'
    )

    assert 'href="https://www.digitaleoverheid.nl/"' in body
    assert ">de Agenda</a>" in body


def test_a_mailto_link_is_kept():
    body = saved_body('<p><a href="mailto:redactie@example.org">Mail ons</a></p>')

    assert 'href="mailto:redactie@example.org"' in body


def test_saving_a_sanitised_body_again_changes_nothing():
    article = ArticleFactory(
        body='<h2>Kop</h2><p>Zie <a href="https://example.org/">hier</a>.</p>'
    )
    first = Article.objects.get(pk=article.pk).body

    article.save()

    assert Article.objects.get(pk=article.pk).body == first


def test_an_update_through_the_admin_is_sanitised_too(admin_client_logged_in):
    article = ArticleFactory(title="Over digitale dienstverlening")
    response = admin_client_logged_in.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        {
            "title": article.title,
            "slug": article.slug,
            "category": CategoryFactory().pk,
            "author": AuthorFactory().pk,
            "lead": article.lead,
            "body": '<h2>Kop</h2><p onmouseover="steel()">Tekst</p>'
            "<script>alert(1)</script>",
            "status": Article.Status.PUBLISHED,
            "published_at_0": "2024-03-05",
            "published_at_1": "10:00:00",
            "comments_open": "on",
            "image_alt": "",
            "search_description": "",
        },
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "<h2>Kop</h2><p>Tekst</p>"


def test_the_article_page_never_shows_a_script_from_the_body(client):
    article = ArticleFactory(
        body='<p>Tekst</p><script>alert("xss")</script><img src=x onerror=alert(2)>'
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert 'alert("xss")' not in content
    assert "onerror" not in content
    assert "<p>Tekst</p>" in content


TRICKY_BODY = (
    '<p>Een <code>x</code> en <a href="https://example.org/" target="_blank">link</a>'
    '\x0b<span class="groot">tekst</span></p><ol start="3"><li>drie</li></ol>'
    "<h1>Kop</h1><p>Slot</p>"
)


def test_one_sanitiser_a_body_is_stored_the_same_from_the_admin_the_demo_loader_and_the_shell(
    admin_client_logged_in,
):
    from articles.demo import _create_or_update
    from tests.support.forms import form_data

    from_shell = saved_body(TRICKY_BODY)

    loaded = _create_or_update(
        Article,
        slug="uit-de-demo",
        values={
            "title": "Demo",
            "lead": "Intro.",
            "body": TRICKY_BODY,
            "category": CategoryFactory(),
            "author": AuthorFactory(),
        },
    )
    from_demo_loader = Article.objects.get(pk=loaded.pk).body

    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client_logged_in.get(url).content, "article_form")
    response = admin_client_logged_in.post(url, {**data, "body": TRICKY_BODY})
    assert response.status_code == 302
    from_admin = Article.objects.get(pk=article.pk).body

    assert from_admin == from_shell == from_demo_loader
    assert from_admin == (
        '<p>Een x en <a href="https://example.org/" rel="noopener noreferrer">link</a>'
        '\ntekst</p><ol start="3"><li>drie</li></ol>Kop<p>Slot</p>'
    )


def test_an_empty_editor_document_is_stored_as_an_empty_body_on_every_path():
    assert saved_body("<p></p>") == ""


def test_everything_the_editor_can_produce_survives_the_sanitiser():
    from django_prose_editor.config import allowlist_from_extensions

    from articles.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
    from articles.models import BODY_EXTENSIONS

    editor = allowlist_from_extensions(BODY_EXTENSIONS)

    assert editor["tags"] <= ALLOWED_TAGS
    for tag, attributes in editor["attributes"].items():
        # rel is written by the sanitiser itself (noopener noreferrer)
        assert attributes - {"rel"} <= ALLOWED_ATTRIBUTES.get(tag, set()), tag
