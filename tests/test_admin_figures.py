"""Editors see the figure check in the admin, turn a figure into its tag, filter and publish."""

import re

import pytest
from django.urls import reverse

from articles.demo import load_demo
from articles.models import Article
from tests.factories import ArticleFactory, SurveyFactory, question_with_results

pytestmark = pytest.mark.django_db

INTRO_FINDING = (
    "43 procent — de gegevens zeggen 57 procent "
    "(Bent u bekend met de Agenda Digitale Overheid? — Ja)"
)
CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def link_url(article) -> str:
    return reverse("admin:articles_article_link_figure", args=[article.pk])


def form_data(article, **overrides) -> dict:
    """The change form as the browser sends it, with the article as stored."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "category": article.category_id,
        "author": article.author_id,
        "lead": article.lead,
        "body": article.body,
        "status": article.status,
        "published_at_0": article.published_at.strftime("%Y-%m-%d"),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
        "comments_open": "on",
        "search_description": article.search_description,
        "image_alt": "",
    }
    data.update(overrides)
    return data


def koppel_token(html: str) -> str:
    return re.search(r'name="_koppel" value="([^"]+)"', html)[1]


@pytest.fixture
def seed(db):
    return load_demo()


def test_the_change_page_lists_the_intros_mismatch_above_the_fields(
    admin_client_logged_in, seed
):
    html = admin_client_logged_in.get(change_url(seed)).content.decode()

    assert INTRO_FINDING in html
    assert html.index(INTRO_FINDING) < html.index('name="body"')
    assert html.index(INTRO_FINDING) < html.index('name="title"')
    assert "Koppel dit cijfer" in html
    assert "[cijfer digitale-dienstverlening/agenda-bekend/Ja]" in html


def test_one_click_turns_the_figure_into_its_tag_and_the_page_says_57_procent(
    admin_client_logged_in, client, seed
):
    token = koppel_token(admin_client_logged_in.get(change_url(seed)).content.decode())

    response = admin_client_logged_in.post(
        link_url(seed), {**form_data(seed), "_koppel": token}, follow=True
    )

    seed.refresh_from_db()
    assert response.redirect_chain[-1][0] == change_url(seed)
    assert (
        "slechts [cijfer digitale-dienstverlening/agenda-bekend/Ja] van de" in seed.lead
    )
    assert "43 procent" not in seed.lead
    html = response.content.decode()
    assert (
        "‘43 procent’ is vervangen door [cijfer digitale-dienstverlening/agenda-bekend/Ja]"
        in html
    )
    assert INTRO_FINDING not in html
    page = client.get(seed.get_absolute_url()).content.decode()
    question_url = reverse(
        "surveys:question-detail",
        kwargs={"survey_slug": "digitale-dienstverlening", "code": "agenda-bekend"},
    )
    assert f'slechts <a class="figure-link" href="{question_url}"' in page
    assert ">57 procent</a> van de overheidsmedewerkers" in page
    assert not seed.figure_check.has_mismatch


def test_the_link_is_refused_when_the_text_changed_since_the_page_was_shown(
    admin_client_logged_in, seed
):
    token = koppel_token(admin_client_logged_in.get(change_url(seed)).content.decode())
    Article.objects.filter(pk=seed.pk).update(lead="Een andere intro. " + seed.lead)
    changed = Article.objects.get(pk=seed.pk)

    response = admin_client_logged_in.post(
        link_url(seed), {**form_data(changed), "_koppel": token}, follow=True
    )

    assert "Het artikel is intussen gewijzigd" in response.content.decode()
    assert Article.objects.get(pk=seed.pk).lead == changed.lead


def test_the_link_is_refused_when_the_form_holds_edits_not_saved(
    admin_client_logged_in, seed
):
    token = koppel_token(admin_client_logged_in.get(change_url(seed)).content.decode())
    edited = form_data(seed, body=seed.body.replace("Ronkende taal", "Mooie woorden"))

    response = admin_client_logged_in.post(
        link_url(seed), {**edited, "_koppel": token}, follow=True
    )

    assert "nog niet zijn opgeslagen" in response.content.decode()
    seed.refresh_from_db()
    assert "43 procent" in seed.lead and "Ronkende taal" in seed.body


def test_the_link_needs_a_post_and_the_right_to_change_articles(
    admin_client_logged_in, moderator_client, seed
):
    token = koppel_token(admin_client_logged_in.get(change_url(seed)).content.decode())

    assert admin_client_logged_in.get(link_url(seed)).status_code == 405
    assert moderator_client.post(link_url(seed), {"_koppel": token}).status_code in (
        302,
        403,
    )
    seed.refresh_from_db()
    assert "43 procent" in seed.lead


def test_the_filter_cijfers_kloppen_niet_lists_only_articles_with_a_mismatch(
    admin_client_logged_in, seed
):
    ArticleFactory(title="Een artikel zonder cijfers")

    html = admin_client_logged_in.get(
        CHANGELIST, {"cijfers": "kloppen-niet"}
    ).content.decode()
    everything = admin_client_logged_in.get(CHANGELIST).content.decode()

    assert "Cijfers kloppen niet" in everything
    assert "Cijfers gewijzigd sinds publicatie" in everything
    assert seed.title in html
    assert "Een artikel zonder cijfers" not in html


@pytest.fixture
def werkdruk():
    return question_with_results(
        survey=SurveyFactory(slug="werken"),
        code="werkdruk",
        text="Ervaart u een hoge werkdruk?",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [61, 39]},
    )


@pytest.fixture
def wrong_draft(werkdruk):
    return ArticleFactory(
        draft=True,
        title="Werkdruk",
        body="<p>Een hoge werkdruk ervaart 66 procent.</p><p>[grafiek werken/werkdruk]</p>",
    )


def test_publishing_a_draft_with_a_mismatch_asks_first_and_stores_nothing_yet(
    admin_client_logged_in, wrong_draft
):
    response = admin_client_logged_in.post(
        change_url(wrong_draft),
        form_data(wrong_draft, status="published", _save="Opslaan"),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Publiceren met cijfers die niet kloppen?" in html
    assert (
        "66 procent — de gegevens zeggen 61 procent (Ervaart u een hoge werkdruk? — Ja)"
        in html
    )
    assert 'name="_figures_confirmed"' in html and 'name="csrfmiddlewaretoken"' in html
    wrong_draft.refresh_from_db()
    assert wrong_draft.status == Article.Status.DRAFT


def test_confirming_publishes_and_the_other_answer_saves_a_draft(
    admin_client_logged_in, wrong_draft
):
    data = form_data(
        wrong_draft, status="published", _save="Opslaan", title="Werkdruk hoog"
    )

    admin_client_logged_in.post(
        change_url(wrong_draft), {**data, "_figures_as_draft": "1"}
    )
    wrong_draft.refresh_from_db()
    assert (wrong_draft.title, wrong_draft.status) == (
        "Werkdruk hoog",
        Article.Status.DRAFT,
    )

    response = admin_client_logged_in.post(
        change_url(wrong_draft), {**data, "_figures_confirmed": "1"}
    )
    assert response.status_code == 302
    wrong_draft.refresh_from_db()
    assert wrong_draft.status == Article.Status.PUBLISHED


def test_publishing_a_draft_whose_figures_agree_asks_nothing(
    admin_client_logged_in, werkdruk
):
    draft = ArticleFactory(
        draft=True,
        body="<p>Een hoge werkdruk ervaart 61 procent.</p><p>[grafiek werken/werkdruk]</p>",
    )

    response = admin_client_logged_in.post(
        change_url(draft), form_data(draft, status="published", _save="Opslaan")
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED


def test_the_publish_action_asks_first_for_a_selection_with_a_mismatch(
    admin_client_logged_in, wrong_draft
):
    fine = ArticleFactory(draft=True, title="Zonder cijfers")
    selection = {"action": "publish", "_selected_action": [wrong_draft.pk, fine.pk]}

    asked = admin_client_logged_in.post(CHANGELIST, selection)

    html = asked.content.decode()
    assert asked.status_code == 200
    assert "66 procent — de gegevens zeggen 61 procent" in html
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 2

    done = admin_client_logged_in.post(
        CHANGELIST, {**selection, "post": "yes"}, follow=True
    )

    assert "2 artikelen gepubliceerd." in done.content.decode()
    assert not Article.objects.filter(status=Article.Status.DRAFT).exists()


def test_a_figure_in_the_body_is_linked_in_place_and_the_page_shows_the_data(
    admin_client_logged_in, client, werkdruk
):
    article = ArticleFactory(
        body="<p>Een hoge werkdruk ervaart 66&nbsp;procent.</p><p>[grafiek werken/werkdruk]</p>"
    )
    token = koppel_token(
        admin_client_logged_in.get(change_url(article)).content.decode()
    )

    admin_client_logged_in.post(
        link_url(article), {**form_data(article), "_koppel": token}
    )

    article.refresh_from_db()
    assert article.body.startswith(
        "<p>Een hoge werkdruk ervaart [cijfer werken/werkdruk/Ja].</p>"
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert ">61 procent</a>." in page
