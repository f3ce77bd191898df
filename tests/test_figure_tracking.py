"""A re-import that changes a figure an article cites puts it under "Cijfers gewijzigd sinds
publicatie"; once the editor saves it again, its page says when the figures were updated."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles.figures.models import FigureCheck
from surveys.importing import import_results
from tests.factories import ArticleFactory, SurveyFactory
from tests.spreadsheets import base_rows, write_csv

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
CHANGED = {"cijfers": "gewijzigd"}


@pytest.fixture
def run_import(tmp_path, django_capture_on_commit_callbacks):
    """Import ``rows`` as research staff do; what the import does after its commit runs too."""

    def run(rows):
        data = write_csv(tmp_path / "r.csv", rows).read_bytes()
        with django_capture_on_commit_callbacks(execute=True):
            summary = import_results(file=data)
        assert summary.is_valid, summary.errors

    return run


@pytest.fixture
def imported(run_import):
    SurveyFactory(slug="werkdruk-2024", respondents=200)
    run_import(base_rows())


def changed_rows(**figures):
    """The base rows with some figures changed: ``ja=65`` is v1/Ja in Totaal, ``email=82`` v2/E-mail."""
    rows = base_rows()
    if "ja" in figures:
        rows[0][5], rows[1][5] = figures["ja"], 100 - figures["ja"]
    if "email" in figures:
        rows[4][5] = figures["email"]
    return rows


def listed(client, params) -> str:
    return client.get(CHANGELIST, params).content.decode()


def test_a_changed_figure_cited_by_a_tag_lists_the_article_and_saving_shows_a_dated_note(
    run_import, imported, admin_client_logged_in, client
):
    article = ArticleFactory(
        title="Werkdruk blijft hoog",
        published_at=timezone.now() - timedelta(days=3),
        body="<p>Veel werkdruk ervaart [cijfer werkdruk-2024/v1/Ja].</p>",
    )
    assert "60 procent" in client.get(article.get_absolute_url()).content.decode()
    assert "Werkdruk blijft hoog" not in listed(admin_client_logged_in, CHANGED)

    run_import(changed_rows(ja=65))

    assert "Werkdruk blijft hoog" in listed(admin_client_logged_in, CHANGED)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "65 procent" in page
    assert "De cijfers in dit artikel zijn op" not in page

    article.refresh_from_db()
    article.save()

    page = client.get(article.get_absolute_url()).content.decode()
    today = date_format(timezone.localdate(), "j F Y")
    assert f"De cijfers in dit artikel zijn op {today} bijgewerkt." in page
    assert "Werkdruk blijft hoog" in listed(admin_client_logged_in, CHANGED)


def test_a_changed_figure_written_as_plain_text_lists_the_article_and_its_check_follows(
    run_import, imported, admin_client_logged_in
):
    article = ArticleFactory(
        title="Veel werkdruk",
        published_at=timezone.now() - timedelta(days=3),
        body="<p>Veel werkdruk ervaart 60 procent.</p><p>[grafiek werkdruk-2024/v1]</p>",
    )
    assert not FigureCheck.objects.get(article=article).has_mismatch

    run_import(changed_rows(ja=65))

    check = FigureCheck.objects.get(article=article)
    assert check.figures_changed_at is not None
    assert check.has_mismatch  # the text still says 60; the data now 65
    assert "Veel werkdruk" in listed(admin_client_logged_in, CHANGED)
    assert "Veel werkdruk" in listed(
        admin_client_logged_in, {"cijfers": "kloppen-niet"}
    )


def test_a_reimport_that_leaves_the_cited_figures_alone_lists_nothing(
    run_import, imported, admin_client_logged_in
):
    ArticleFactory(
        title="Alleen werkdruk",
        published_at=timezone.now() - timedelta(days=3),
        body="<p>Veel werkdruk ervaart [cijfer werkdruk-2024/v1/Ja].</p>",
    )

    run_import(changed_rows(email=82))  # another question changes
    run_import(changed_rows(email=82))  # and nothing at all

    assert "Alleen werkdruk" not in listed(admin_client_logged_in, CHANGED)


def test_drafts_are_not_listed_as_changed_since_publication(
    run_import, imported, admin_client_logged_in
):
    ArticleFactory(
        title="Nog een concept",
        draft=True,
        body="<p>Veel werkdruk ervaart [cijfer werkdruk-2024/v1/Ja].</p>",
    )

    run_import(changed_rows(ja=65))

    assert "Nog een concept" not in listed(admin_client_logged_in, CHANGED)
