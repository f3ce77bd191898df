"""The admin speaks proper Dutch: its branding, "het artikel", the article editor's menus
and dialogs, and spellcheck in the body."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory
from tests.support.forms import form_data

pytestmark = pytest.mark.django_db


def test_the_admin_is_branded_ambtenarenpanel_beheer(admin_client_logged_in):
    content = admin_client_logged_in.get(reverse("admin:index")).content.decode()

    assert "<title>Overzicht | Ambtenarenpanel — beheer</title>" in content
    assert "Ambtenarenpanel — beheer</a>" in content
    assert "Django" not in content


def test_the_admin_index_has_no_english_left_for_screen_readers_or_superusers(
    admin_client_logged_in,
):
    content = admin_client_logged_in.get(reverse("admin:index")).content.decode()

    for english in ["Model name", "Add link", "Change or view list link"]:
        assert english not in content
    assert '<th scope="col">Onderdeel</th>' in content
    for english in ["Access attempts", "Access failures", "Access logs"]:
        assert english not in content
    assert "Inlogpogingen" in content


def test_adding_changing_and_deleting_an_article_says_het_artikel(
    admin_client_logged_in,
):
    add = reverse("admin:articles_article_add")
    data = form_data(admin_client_logged_in.get(add).content, "article_form")
    data.update(
        title="Thuiswerken",
        slug="thuiswerken",
        category=str(CategoryFactory().pk),
        author=str(AuthorFactory().pk),
        lead="Intro.",
        body="<p>Tekst.</p>",
    )

    added = admin_client_logged_in.post(add, {**data, "_continue": "1"}, follow=True)
    article = Article.objects.get()
    change = reverse("admin:articles_article_change", args=[article.pk])
    changed = admin_client_logged_in.post(
        change, {**data, "_continue": "1"}, follow=True
    )
    deleted = admin_client_logged_in.post(
        reverse("admin:articles_article_delete", args=[article.pk]),
        {"post": "yes"},
        follow=True,
    )

    assert "Het artikel ‘<a href" in added.content.decode()
    assert "is met succes toegevoegd. U kunt het hieronder weer bewerken." in (
        added.content.decode()
    )
    assert "Het artikel ‘" in changed.content.decode()
    assert "U kunt het hieronder nogmaals bewerken." in changed.content.decode()
    assert (
        "Het artikel ‘Thuiswerken’ is met succes verwijderd."
        in deleted.content.decode()
    )
    for response in (added, changed, deleted):
        assert "De artikel" not in response.content.decode()
        assert "U kunt deze" not in response.content.decode()


def test_a_de_word_keeps_de(admin_client_logged_in):
    category = CategoryFactory(name="Werk")
    url = reverse("admin:articles_category_change", args=[category.pk])
    data = form_data(admin_client_logged_in.get(url).content, "category_form")

    response = admin_client_logged_in.post(url, data, follow=True)

    assert "De categorie ‘" in response.content.decode()


def test_the_editor_gets_dutch_menus_and_dialogs_and_dutch_spellcheck(
    admin_client_logged_in,
):
    article = ArticleFactory()
    page = admin_client_logged_in.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    catalog = admin_client_logged_in.get(reverse("admin:jsi18n")).content.decode()

    assert f'src="{reverse("admin:jsi18n")}"' in page
    assert "js/article-editor" in page
    # The link dialog and the menu buttons, from locale/nl/LC_MESSAGES/djangojs.po.
    for english, dutch in [
        ("Open in new window", "In een nieuw venster openen"),
        ("Edit Link", "Link bewerken"),
        ("bold", "vet"),
        ("heading 2", "kop 2"),
        ("insert link", "link invoegen"),
    ]:
        assert f'"{english}": "{dutch}"' in catalog
    assert '"NoSpellCheck"' not in page  # the editor's spellcheck blocker is off
