"""An editor writes [cijfer ronde/vraag/antwoord] in a sentence; the reader sees the stored figure."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.figures.rendering import rendered_plain_text
from surveys.models import Result
from tests.factories import ArticleFactory, SurveyFactory, question_with_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    return SurveyFactory(title="Werken bij de overheid", slug="werken", respondents=612)


@pytest.fixture
def werkdruk(survey):
    return question_with_results(
        survey=survey,
        code="werkdruk",
        text="Ervaart u een hoge werkdruk?",
        labels=["Ja", "Nee", "Weet niet"],
        percentages={"Totaal": [61, 33, 6], "Gemeente": [58, 36, 6]},
    )


@pytest.fixture
def thuiswerken(survey):
    return question_with_results(
        survey=survey,
        code="thuis",
        text="Hoe vaak werkt u thuis?",
        labels=["Nooit", "Soms", "Vaak", "Altijd"],
        percentages={"Totaal": ["8.00", "22.50", "40.80", "28.70"]},
    )


def page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def figure_links(html: str) -> list[tuple[str, str, str]]:
    return re.findall(
        r'<a class="figure-link" href="([^"]+)" title="([^"]+)">([^<]+)</a>', html
    )


def test_a_tag_in_a_sentence_shows_the_stored_figure_linked_to_its_question(
    client, werkdruk
):
    article = ArticleFactory(
        body="<p>Een hoge werkdruk ervaart [cijfer werken/werkdruk/Ja] van de ambtenaren.</p>"
    )

    html = page(client, article)

    assert "[cijfer" not in html
    assert figure_links(html) == [
        (
            werkdruk.get_absolute_url(),
            "Ervaart u een hoge werkdruk? — Ja · n = 612",
            "61 procent",
        )
    ]
    assert "Een hoge werkdruk ervaart <a" in html
    assert "</a> van de ambtenaren." in html


def test_a_tag_inside_the_editors_own_link_shows_its_figure_without_a_link_in_a_link(
    client, werkdruk
):
    article = ArticleFactory(
        body=(
            '<p><a href="https://www.example.org/rapport">Volgens '
            "[cijfer werken/werkdruk/Ja] van de ambtenaren</a> is het druk; "
            "[cijfer werken/werkdruk/Nee] vindt van niet.</p>"
        )
    )

    body = page(client, article).split('class="article-body"')[1]
    body = body.split("</div>")[0]

    assert body.count("<a ") == 2  # the editor's link and the second figure's
    assert (
        '<span class="figure-link" title="Ervaart u een hoge werkdruk? — Ja · n = 612">'
        "61 procent</span> van de ambtenaren</a>"
    ) in body
    assert [text for _, _, text in figure_links(body)] == ["33 procent"]


def test_decimals_show_as_stored_without_trailing_zeros_and_sums_add_up(
    client, thuiswerken
):
    article = ArticleFactory(
        body=(
            "<p>Vaak: [cijfer werken/thuis/Vaak]. Nooit: [cijfer werken/thuis/Nooit]. "
            "Vaak of altijd: [cijfer werken/thuis/Vaak+Altijd].</p>"
        )
    )

    texts = [text for _url, _title, text in figure_links(page(client, article))]

    assert texts == ["40,8 procent", "8 procent", "69,5 procent"]


def test_labels_match_case_insensitively_and_a_segment_picks_its_group(
    client, werkdruk
):
    article = ArticleFactory(
        body="<p>[cijfer werken/werkdruk/ja] en bij gemeenten [cijfer werken/werkdruk/JA@gemeente].</p>"
    )

    links = figure_links(page(client, article))

    assert [text for _u, _t, text in links] == ["61 procent", "58 procent"]
    assert links[1][1] == "Ervaart u een hoge werkdruk? — Ja · Gemeente"


def test_a_tag_typed_with_non_breaking_spaces_and_entities_still_shows(client, survey):
    question_with_results(
        survey=survey,
        code="tevreden",
        text="Hoe tevreden bent u?",
        labels=["Tevreden & blij", "Anders"],
        percentages={"Totaal": [70, 30]},
    )
    article = ArticleFactory(
        body="<p>Zo is [cijfer&nbsp;werken/tevreden/Tevreden &amp; blij&nbsp;] het.</p>"
    )
    article.full_clean()

    assert [t for _u, _t, t in figure_links(page(client, article))] == ["70 procent"]


def test_a_suppressed_figure_says_too_few_respondents_and_never_a_number(
    client, werkdruk
):
    Result.objects.filter(option__question=werkdruk, segment__name="Gemeente").update(
        is_suppressed=True, percentage=None, count=None
    )
    article = ArticleFactory(
        body=(
            "<p>Bij gemeenten: [cijfer werken/werkdruk/Ja@Gemeente]; samen met nee: "
            "[cijfer werken/werkdruk/Ja+Nee@Gemeente].</p>"
        )
    )

    html = page(client, article)

    assert [t for _u, _t, t in figure_links(html)] == [
        "(te weinig respondenten)",
        "(te weinig respondenten)",
    ]
    start = html.index('<div class="article-body" lang="nl">')
    body = html[start : html.index("</div>", start)]
    assert "58" not in body and "94" not in body


def test_a_computed_breakdown_is_named_by_its_value_alone_when_that_is_unique(
    client, survey
):
    question_with_results(
        survey=survey,
        code="thuiswerk",
        text="Werkt u thuis?",
        labels=["Ja", "Nee"],
        percentages={
            "Totaal": [40, 60],
            "Organisatie: Gemeente": [35, 65],
            "Organisatie: Provincie": [52, 48],
            "Functie: Adviseur": [45, 55],
        },
    )
    article = ArticleFactory(
        body=(
            "<p>Bij gemeenten [cijfer werken/thuiswerk/Ja@Gemeente], bij provincies "
            "[cijfer werken/thuiswerk/Ja@Organisatie: Provincie].</p>"
        )
    )
    article.full_clean()
    Result.objects.filter(segment__name="Organisatie: Gemeente").update(n=120)

    links = figure_links(page(client, article))
    assert [text for _url, _title, text in links] == ["35 procent", "52 procent"]
    assert links[0][1] == "Werkt u thuis? — Ja · Organisatie: Gemeente · n = 120"


def test_a_value_that_two_breakdowns_share_must_be_named_in_full(survey):
    question_with_results(
        survey=survey,
        code="thuiswerk",
        text="Werkt u thuis?",
        labels=["Ja", "Nee"],
        percentages={
            "Totaal": [40, 60],
            "Organisatie: Anders": [35, 65],
            "Functie: Anders": [45, 55],
        },
    )
    article = ArticleFactory.build(
        body="<p>Zo [cijfer werken/thuiswerk/Ja@Anders].</p>"
    )

    with pytest.raises(ValidationError) as refused:
        article.full_clean()

    assert any(
        "onbekend segment ‘Anders’" in text
        for text in refused.value.message_dict["body"]
    )


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("[cijfer onbekend/werkdruk/Ja]", "onbekende enquête onbekend"),
        ("[cijfer werken/stress/Ja]", "onbekende vraag stress in enquête werken"),
        (
            "[cijfer werken/werkdruk/Misschien]",
            "onbekend antwoord ‘Misschien’ bij vraag werkdruk",
        ),
        (
            "[cijfer werken/werkdruk/Ja+Soms]",
            "onbekend antwoord ‘Soms’ bij vraag werkdruk",
        ),
        (
            "[cijfer werken/werkdruk/Ja@Provincie]",
            "onbekend segment ‘Provincie’ bij vraag werkdruk",
        ),
    ],
)
def test_saving_a_tag_that_names_nothing_stored_is_refused_naming_what_is_unknown(
    werkdruk, tag, message
):
    article = ArticleFactory.build(body=f"<p>Volgens {tag} is het zo.</p>")

    with pytest.raises(ValidationError) as refused:
        article.full_clean()

    assert any(message in text for text in refused.value.message_dict["body"])


def test_the_admin_refuses_an_unknown_answer_in_the_lead_and_stores_nothing(
    admin_client_logged_in, werkdruk
):
    article = ArticleFactory(lead="Een korte inleiding.")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = {
        "title": article.title,
        "slug": article.slug,
        "category": article.category_id,
        "author": article.author_id,
        "lead": "Volgens [cijfer werken/werkdruk/Misschien] wel.",
        "body": article.body,
        "status": article.status,
        "published_at_0": article.published_at.strftime("%Y-%m-%d"),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
        "comments_open": "on",
    }

    response = admin_client_logged_in.post(url, data)

    assert response.status_code == 200
    assert (
        "onbekend antwoord ‘Misschien’ bij vraag werkdruk. Kies uit: Ja, Nee, Weet niet."
        in response.content.decode()
    )
    article.refresh_from_db()
    assert article.lead == "Een korte inleiding."


def test_a_tag_in_the_title_is_refused(werkdruk):
    article = ArticleFactory.build(title="[cijfer werken/werkdruk/Ja] ervaart werkdruk")

    with pytest.raises(ValidationError) as refused:
        article.full_clean()

    assert "title" in refused.value.message_dict


def test_a_tag_whose_question_was_deleted_later_shows_that_the_figure_is_missing(
    client, werkdruk
):
    article = ArticleFactory(body="<p>Het is [cijfer werken/werkdruk/Ja].</p>")
    werkdruk.delete()

    html = page(client, article)

    assert '<span class="figure-missing">(cijfer ontbreekt)</span>' in html


def test_a_tag_in_the_lead_shows_its_figure_and_the_share_description_its_words(
    client, werkdruk
):
    article = ArticleFactory(
        lead="Maar liefst [cijfer werken/werkdruk/Ja] ervaart een hoge werkdruk."
    )

    html = page(client, article)

    lead = html[html.index('class="article__lead"') :]
    assert lead.index("61 procent</a> ervaart") < lead.index("</p>")
    assert (
        '<meta name="description" content="Maar liefst 61 procent ervaart een hoge werkdruk.">'
        in html
    )
    assert (
        '<meta property="og:description" content="Maar liefst 61 procent ervaart een hoge werkdruk.">'
        in html
    )
    assert "[cijfer" not in html


def test_feeds_and_article_cards_show_the_figure_in_words(client, werkdruk):
    ArticleFactory(lead="Volgens [cijfer werken/werkdruk/Nee] valt het mee.")

    feed = ET.fromstring(client.get(reverse("articles:feed")).content)
    home = client.get(reverse("articles:home")).content.decode()

    assert (
        feed.find("channel/item/description").text == "Volgens 33 procent valt het mee."
    )
    assert "Volgens 33 procent valt het mee." in home
    assert "[cijfer" not in home


def test_the_rendered_plain_text_has_no_markup_no_chart_markers_and_tags_as_words(
    werkdruk,
):
    article = ArticleFactory(
        title="Werkdruk",
        lead="Volgens [cijfer werken/werkdruk/Ja] is die hoog.",
        body=(
            "<h2>Werkdruk</h2><p>Het <strong>is</strong> [cijfer werken/werkdruk/Nee@Gemeente] &amp; meer.</p>"
            "<p>[grafiek werken/werkdruk]</p><p>Einde.</p>"
        ),
    )

    text = rendered_plain_text(article)

    assert text.title == "Werkdruk"
    assert text.lead == "Volgens 61 procent is die hoog."
    assert text.body == "Werkdruk\nHet is 36 procent & meer.\nEinde."
    assert str(text) == "Werkdruk\n\nVolgens 61 procent is die hoog.\n\n" + text.body


def test_the_article_page_costs_the_same_queries_with_one_and_with_twenty_tags(
    client, werkdruk, thuiswerken, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    one = ArticleFactory(body="<p>[cijfer werken/werkdruk/Ja]</p>")
    labels = ["Nooit", "Soms", "Vaak", "Altijd"]
    many = ArticleFactory(
        lead="Intro met [cijfer werken/werkdruk/Nee].",
        body="".join(
            f"<p>[cijfer werken/thuis/{labels[i % 4]}] en [cijfer werken/werkdruk/Ja@Gemeente]</p>"
            for i in range(10)
        ),
    )
    client.get(one.get_absolute_url())  # settle the session-less path once

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as with_one:
        client.get(one.get_absolute_url())
    with django_assert_num_queries(len(with_one)):
        html = page(client, many)

    assert len(figure_links(html)) == 21


def test_figures_follow_a_changed_result_on_the_cached_page(client, werkdruk):
    article = ArticleFactory(body="<p>[cijfer werken/werkdruk/Ja]</p>")
    assert "61 procent" in page(client, article)

    result = Result.objects.get(
        option__question=werkdruk, option__label="Ja", segment__name="Totaal"
    )
    result.percentage = Decimal("62.5")
    result.save()

    assert "62,5 procent" in page(client, article)
