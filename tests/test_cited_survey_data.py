"""Survey data that articles cite: the Citation index, deleting cited data in the
admin, and articles whose chart broke."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from articles.embeds import articles_citing
from articles.models import Article, Citation
from surveys.models import AnswerOption, Question, Survey
from tests.factories import ArticleFactory, question_with_results
from tests.support.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def question():
    return question_with_results(
        labels=["Ja", "Nee"], percentages={"Totaal": [57, 43]}, code="bekend"
    )


def chart_line(question) -> str:
    return f"<p>[grafiek {question.survey.slug}/{question.code}]</p>"


def cited_pairs(article) -> set[tuple[str, str]]:
    return set(article.citations.values_list("survey_slug", "code"))


def test_the_citations_follow_the_body_on_every_save(question):
    other = question_with_results(labels=["A", "B"], percentages={"Totaal": [50, 50]})
    article = ArticleFactory(
        body=chart_line(question) + "<p>Tekst</p>" + chart_line(other)
    )
    assert cited_pairs(article) == {
        (question.survey.slug, "bekend"),
        (other.survey.slug, other.code),
    }

    article.body = chart_line(other)
    article.save()
    assert cited_pairs(article) == {(other.survey.slug, other.code)}


def test_a_figure_in_the_lead_or_body_cites_its_question_like_a_chart(question):
    other = question_with_results(labels=["A", "B"], percentages={"Totaal": [50, 50]})
    article = ArticleFactory(
        lead=f"Volgens [cijfer {question.survey.slug}/bekend/Ja] is het bekend.",
        body=f"<p>En [cijfer {other.survey.slug}/{other.code}/A] kiest A.</p>",
    )

    assert cited_pairs(article) == {
        (question.survey.slug, "bekend"),
        (other.survey.slug, other.code),
    }
    question = Question.objects.select_related("survey").get(pk=question.pk)
    assert [found.pk for found in articles_citing(question)] == [article.pk]


def test_the_articles_citing_a_question_cost_one_query_however_many_articles(
    question, django_assert_num_queries
):
    ArticleFactory.create_batch(30, body="<p>Zonder grafiek</p>")
    citing = ArticleFactory.create_batch(3, body=chart_line(question))
    ArticleFactory(body=chart_line(question), draft=True)
    question = Question.objects.select_related("survey").get(pk=question.pk)

    with django_assert_num_queries(1):
        found = articles_citing(question)

    assert {article.pk for article in found} == {article.pk for article in citing}


def test_the_data_migration_fills_the_same_citations_as_saving(question):
    article = ArticleFactory(body=chart_line(question) + chart_line(question))
    saved = cited_pairs(article)
    Citation.objects.all().delete()

    importlib.import_module("articles.migrations.0004_fill_citations").fill_citations(
        apps, None
    )

    assert cited_pairs(article) == saved == {(question.survey.slug, "bekend")}


def delete_page(client, obj):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])
    return url, client.get(url)


@pytest.mark.parametrize("target", ["survey", "question", "option"])
def test_deleting_data_a_published_article_cites_is_refused_and_names_the_article(
    admin_client_logged_in, question, target
):
    ArticleFactory(title="Digitale dienstverlening", body=chart_line(question))
    obj = {
        "survey": question.survey,
        "question": question,
        "option": question.options.first(),
    }[target]

    url, page = delete_page(admin_client_logged_in, obj)
    content = page.content.decode()
    assert "kan niet worden verwijderd zolang deze gepubliceerde artikelen" in content
    assert "Artikel ‘Digitale dienstverlening’ (gepubliceerd)" in content
    assert 'name="post"' not in content

    admin_client_logged_in.post(url, {"post": "yes"})
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_the_bulk_delete_action_refuses_cited_questions_too(
    admin_client_logged_in, question
):
    ArticleFactory(
        title="Digitale dienstverlening", body=chart_line(question), scheduled=True
    )
    loose = question_with_results(labels=["A"], percentages={"Totaal": [100]})
    changelist = reverse("admin:surveys_question_changelist")
    action = {"action": "delete_selected", "_selected_action": [question.pk, loose.pk]}

    page = admin_client_logged_in.post(changelist, action).content.decode()
    admin_client_logged_in.post(changelist, {**action, "post": "yes"})

    assert "kunnen niet worden verwijderd zolang deze gepubliceerde artikelen" in page
    assert "Artikel ‘Digitale dienstverlening’ (gepland)" in page
    assert Question.objects.filter(pk__in=[question.pk, loose.pk]).count() == 2


def test_an_inline_delete_box_cannot_remove_a_cited_answer(
    admin_client_logged_in, question
):
    ArticleFactory(body=chart_line(question))
    url = reverse("admin:surveys_question_change", args=[question.pk])
    data = form_data(admin_client_logged_in.get(url).content, "question_form")

    response = admin_client_logged_in.post(url, {**data, "options-0-DELETE": "on"})

    assert response.status_code == 200
    assert (
        "Niet verwijderd: hierin staat een grafiek of cijfer uit een gepubliceerd artikel"
        in (response.content.decode())
    )
    assert AnswerOption.objects.filter(question=question).count() == 2


def test_a_draft_that_cites_a_deleted_question_still_renders_and_can_be_saved(
    admin_client_logged_in, client, question
):
    draft = ArticleFactory(
        title="Concept", draft=True, body="<p>Inleiding.</p>" + chart_line(question)
    )
    url, page = delete_page(admin_client_logged_in, question)
    assert "Artikel ‘Concept’ (concept)" in page.content.decode()
    admin_client_logged_in.post(url, {"post": "yes"})
    assert not Question.objects.filter(pk=question.pk).exists()

    preview = admin_client_logged_in.get(draft.get_preview_url()).content.decode()
    assert "Grafiek ontbreekt" in preview
    assert f"‘{question.survey.slug}/bekend’ bestaat niet meer" in preview

    change = reverse("admin:articles_article_change", args=[draft.pk])
    data = form_data(admin_client_logged_in.get(change).content, "article_form")
    saved = admin_client_logged_in.post(
        change,
        {**data, "lead": "Typfout hersteld.", "status": "published"},
        follow=True,
    )
    assert "bestaat niet meer: lezers zien hem niet" in saved.content.decode()
    draft.refresh_from_db()
    assert draft.lead == "Typfout hersteld."

    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Inleiding." in page
    assert "Grafiek ontbreekt" not in page
    assert "[grafiek" not in page

    # A new reference to a question that does not exist is still refused.
    refused = admin_client_logged_in.post(
        change, {**data, "body": data["body"] + "<p>[grafiek bestaat/niet]</p>"}
    )
    assert refused.status_code == 200
    assert "onbekende enquête bestaat" in refused.content.decode()


def test_deleting_a_round_no_article_cites_goes_ahead(admin_client_logged_in, question):
    ArticleFactory(body="<p>Geen grafiek</p>")
    url, page = delete_page(admin_client_logged_in, question.survey)

    admin_client_logged_in.post(url, {"post": "yes"})

    assert not Survey.objects.filter(pk=question.survey.pk).exists()
    assert Article.objects.count() == 1
