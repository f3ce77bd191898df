"""The index follows every write: admin saves and deletes, bulk publishing, imports.

Each test searches as a reader would, before and after the write; no test touches
the index directly, except those of the rebuild (command and migration).
"""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from articles.models import Article
from search.indexing import rebuild
from search.models import SearchEntry, SearchWord
from surveys.importing import import_results
from surveys.models import AnswerOption, Question, Result
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    SurveyFactory,
    question_with_results,
)
from tests.spreadsheets import base_rows, write_csv

pytestmark = pytest.mark.django_db

SEARCH = reverse("search:search")


def titles_found(client, query: str) -> list[str]:
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return re.findall(
        r'<h2 class="card__title"><a href="[^"]*">([^<]*)</a>',
        response.content.decode(),
    )


def article_form(article: Article, **changes) -> dict:
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
        "image_alt": "",
        "search_description": "",
    }
    data.update(changes)
    return data


def test_an_article_changed_in_the_admin_is_found_by_its_new_words_only(
    admin_client_logged_in, client
):
    article = ArticleFactory(title="Over kwartiermakers", body="<p>Oude tekst.</p>")
    assert titles_found(client, "kwartiermakers") == ["Over kwartiermakers"]

    response = admin_client_logged_in.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(
            article,
            title="Over ketenpartners",
            body="<p>Nieuwe tekst over de ombudsman.</p>",
        ),
    )

    assert response.status_code == 302
    assert titles_found(client, "kwartiermakers") == []
    assert titles_found(client, "ketenpartners") == ["Over ketenpartners"]
    assert titles_found(client, "ombudsman") == ["Over ketenpartners"]


def test_an_article_made_a_draft_in_the_admin_is_no_longer_found(
    admin_client_logged_in, client
):
    article = ArticleFactory(title="Over kwartiermakers")

    admin_client_logged_in.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(article, status=Article.Status.DRAFT),
    )

    assert titles_found(client, "kwartiermakers") == []


def test_an_article_deleted_in_the_admin_is_no_longer_found(
    admin_client_logged_in, client
):
    article = ArticleFactory(title="Over kwartiermakers")

    admin_client_logged_in.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert not Article.objects.exists()
    assert titles_found(client, "kwartiermakers") == []
    assert not SearchWord.objects.filter(word="kwartiermakers").exists()


def test_articles_published_and_unpublished_in_bulk_are_found_and_hidden(
    admin_client_logged_in, client
):
    drafts = [
        ArticleFactory(title="Eerste over kwartiermakers", draft=True),
        ArticleFactory(title="Tweede over kwartiermakers", draft=True),
    ]
    changelist = reverse("admin:articles_article_changelist")
    selected = [article.pk for article in drafts]

    admin_client_logged_in.post(
        changelist, {"action": "publish", "_selected_action": selected, "index": 0}
    )
    assert sorted(titles_found(client, "kwartiermakers")) == [
        "Eerste over kwartiermakers",
        "Tweede over kwartiermakers",
    ]

    admin_client_logged_in.post(
        changelist,
        {"action": "unpublish", "_selected_action": selected[:1], "index": 0},
    )
    assert titles_found(client, "kwartiermakers") == ["Tweede over kwartiermakers"]


def test_a_renamed_category_shows_with_the_hits_of_its_articles(
    admin_client_logged_in, client
):
    category = CategoryFactory(name="iSamenleving", slug="isamenleving")
    ArticleFactory(title="Over kwartiermakers", category=category)

    admin_client_logged_in.post(
        reverse("admin:articles_category_change", args=[category.pk]),
        {"name": "Digitale samenleving", "slug": "isamenleving", "description": ""},
    )

    content = client.get(SEARCH, {"q": "kwartiermakers"}).content.decode()
    assert "Digitale samenleving" in content
    assert "iSamenleving" not in content


def run_import(tmp_path, rows, django_capture_on_commit_callbacks):
    data = write_csv(tmp_path / "r.csv", rows).read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        summary = import_results(file=data)
    assert summary.is_valid, summary.errors


def test_imported_questions_are_found_and_a_corrected_import_replaces_their_words(
    client, tmp_path, django_capture_on_commit_callbacks
):
    SurveyFactory(slug="werkdruk-2024", title="Werkdruk 2024")

    run_import(tmp_path, base_rows(), django_capture_on_commit_callbacks)

    assert sorted(titles_found(client, "werkdruk")) == [  # one by its round's title
        "Ervaart u veel werkdruk?",
        "Via welke kanalen neemt u contact op?",
    ]
    assert titles_found(client, "telefoon") == ["Via welke kanalen neemt u contact op?"]

    corrected = [row for row in base_rows() if row[4] != "Telefoon"]
    corrected = [
        [*row[:4], "Videobellen" if row[4] == "Chat" else row[4], *row[5:]]
        for row in corrected
    ]
    run_import(tmp_path, corrected, django_capture_on_commit_callbacks)

    assert titles_found(client, "telefoon") == []
    assert titles_found(client, "videobellen") == [
        "Via welke kanalen neemt u contact op?"
    ]


@pytest.fixture
def question():
    return question_with_results(
        survey=SurveyFactory(title="Werken op afstand", slug="afstand"),
        code="v4",
        text="Welke voorzieningen krijgt u?",
        labels=["Bureaustoel", "Laptop"],
        percentages={"Totaal": [40, 60]},
    )


def test_a_question_edited_in_the_admin_is_found_by_its_new_answers(
    admin_client_logged_in, client, question
):
    bureaustoel, laptop = question.options.order_by("order")
    response = admin_client_logged_in.post(
        reverse("admin:surveys_question_change", args=[question.pk]),
        {
            "survey": question.survey_id,
            "code": "v4",
            "text": "Welke voorzieningen krijgt u voor thuis?",
            "type": "single",
            "order": question.order,
            "options-TOTAL_FORMS": "2",
            "options-INITIAL_FORMS": "2",
            "options-MIN_NUM_FORMS": "0",
            "options-MAX_NUM_FORMS": "1000",
            "options-0-id": bureaustoel.pk,
            "options-0-question": question.pk,
            "options-0-label": "Zit-stabureau",
            "options-0-order": "0",
            "options-1-id": laptop.pk,
            "options-1-question": question.pk,
            "options-1-label": "Laptop",
            "options-1-order": "1",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert titles_found(client, "bureaustoel") == []
    assert titles_found(client, "stabureau") == [
        "Welke voorzieningen krijgt u voor thuis?"
    ]


def test_a_deleted_answer_a_deleted_question_and_a_deleted_round_are_not_found(
    client, question
):
    AnswerOption.objects.filter(label="Bureaustoel").delete()
    assert titles_found(client, "bureaustoel") == []
    assert titles_found(client, "laptop") == ["Welke voorzieningen krijgt u?"]

    Question.objects.filter(pk=question.pk).delete()
    assert titles_found(client, "laptop") == []

    other = question_with_results(
        survey=question.survey,
        text="Heeft u een laptop?",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [90, 10]},
    )
    assert titles_found(client, "laptop") == [other.text]
    question.survey.delete()
    assert titles_found(client, "laptop") == []
    assert not SearchEntry.objects.exists()


def test_a_renamed_round_moves_the_links_of_its_questions(client, question):
    survey = question.survey
    survey.title = "Thuis en op kantoor"
    survey.slug = "thuis-en-kantoor"
    survey.save()

    content = client.get(SEARCH, {"q": "bureaustoel"}).content.decode()
    assert 'href="/onderzoek/thuis-en-kantoor/v4/"' in content
    assert "Thuis en op kantoor" in content
    assert titles_found(client, "kantoor") == ["Welke voorzieningen krijgt u?"]


def test_rebuild_search_index_restores_a_lost_index_and_says_what_it_indexed(
    client, question, capsys
):
    ArticleFactory(title="Over kwartiermakers")
    ArticleFactory(title="Concept over kwartiermakers", draft=True)
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    assert titles_found(client, "kwartiermakers") == []

    call_command("rebuild_search_index")

    assert capsys.readouterr().out.strip() == (
        "Zoekindex opgebouwd: 1 artikel, 1 onderzoeksvraag, "
        f"{SearchWord.objects.count()} woorden."
    )
    assert titles_found(client, "kwartiermakers") == ["Over kwartiermakers"]
    assert titles_found(client, "bureaustoel") == ["Welke voorzieningen krijgt u?"]


def test_the_migration_indexes_what_exists_with_the_models_of_its_time(
    client, question
):
    """Migration 0001 runs the same rebuild with its historical models."""
    ArticleFactory(title="Over kwartiermakers")
    SearchEntry.objects.all().delete()
    state = MigrationExecutor(connection).loader.project_state(
        ("search", "0001_search_index")
    )

    summary = rebuild(apps=state.apps)

    assert (summary.articles, summary.questions) == (1, 1)
    assert titles_found(client, "kwartiermakers") == ["Over kwartiermakers"]
    assert titles_found(client, "bureaustoel") == ["Welke voorzieningen krijgt u?"]


def test_figures_in_the_text_are_found_by_their_rendered_words_never_by_the_tag(
    client,
):
    question_with_results(
        survey=SurveyFactory(slug="ronde", title="Ronde"),
        code="bekend",
        text="Bent u bekend met de agenda?",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [57, 43], "Gemeente": [30, 70]},
    )
    Result.objects.filter(segment__name="Gemeente").update(
        is_suppressed=True, percentage=None
    )
    ArticleFactory(
        title="Bekendheid",
        lead="Volgens [cijfer ronde/bekend/Nee] kent men haar niet.",
        body="<p>Dat is [cijfer ronde/bekend/Ja] van de ambtenaren; bij gemeenten "
        "[cijfer ronde/bekend/Ja@Gemeente].</p>",
    )

    assert titles_found(client, "57 procent") == ["Bekendheid"]
    assert titles_found(client, "43 procent") == ["Bekendheid"]
    assert titles_found(client, "cijfer") == []
    assert titles_found(client, "ronde bekend") == ["Bent u bekend met de agenda?"]
