"""A reader whose browser is set to English gets the interface in English and the Dutch
content marked ``lang="nl"`` (WCAG 3.1.2), and can switch the language in the header."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    CommentFactory,
    SurveyFactory,
    question_with_results,
)

pytestmark = pytest.mark.django_db

SWITCH = reverse("set-language")


def html_lang(content: str) -> str:
    return re.search(r'<html lang="([^"]+)"', content)[1]


@pytest.fixture
def article():
    question = question_with_results(
        labels=["Ja", "Nee"], percentages={"Totaal": [57, 43]}
    )
    article = ArticleFactory(
        title="Digitale dienstverlening",
        lead="Ambtenaren praten veel over digitalisering.",
        body=f"<p>Tekst.</p><p>[grafiek {question.survey.slug}/{question.code}]</p>",
    )
    CommentFactory(article=article, body="Herkenbaar verhaal.")
    return article


def test_an_english_browser_gets_english_chrome_over_dutch_content_marked_nl(
    client, article
):
    content = client.get(
        article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert html_lang(content) == "en"
    assert (
        '<h1 class="article__title" lang="nl">Digitale dienstverlening</h1>' in content
    )
    assert '<p class="article__lead" lang="nl">' in content
    assert '<div class="article-body" lang="nl">' in content
    assert '<div class="comment__body" lang="nl">' in content
    assert '<span class="chart__question" lang="nl">' in content
    assert '<th scope="row" lang="nl">Ja</th>' in content
    assert ">Comments<" in content  # the interface itself is in English


def test_the_question_page_and_lists_mark_the_dutch_texts(client, article):
    question = article.citations.get()
    url = reverse(
        "surveys:question-detail",
        kwargs={"survey_slug": question.survey_slug, "code": question.code},
    )
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    home = client.get(
        reverse("articles:home"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert re.search(r'<h1 class="page-title" lang="nl">Vraag nummer', page)
    assert '<h2 class="card__title" lang="nl">' in home


def test_every_page_has_a_language_switch_that_works_without_javascript(
    client, article
):
    content = client.get(article.get_absolute_url()).content.decode()

    form = re.search(
        r'<form class="language-switch" method="post" action="([^"]+)">(.*?)</form>',
        content,
        re.S,
    )
    assert form[1] == SWITCH
    assert f'name="next" value="{article.get_absolute_url()}"' in form[2]
    assert re.search(
        r'<button[^>]*type="submit" name="language" value="en" lang="en">', form[2]
    )
    assert "English" in form[2]


def test_switching_to_english_returns_to_the_same_page_in_english_past_the_page_cache(
    client, article
):
    url = article.get_absolute_url()
    assert html_lang(client.get(url).content.decode()) == "nl"  # now in the page cache

    response = client.post(SWITCH, {"language": "en", "next": url})

    assert response.status_code == 302
    assert response["Location"] == url
    assert response["Clear-Site-Data"] == '"cache"'
    assert response.cookies["django_language"].value == "en"
    english = client.get(url).content.decode()
    assert html_lang(english) == "en"
    assert 'value="nl" lang="nl"' in english and "Nederlands" in english

    client.post(SWITCH, {"language": "nl", "next": url})
    assert html_lang(client.get(url).content.decode()) == "nl"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/pad",
        "/\\evil.example",
        "javascript:alert(1)",
        "",
    ],
)
def test_the_switch_only_redirects_to_a_page_of_this_site(client, next_url):
    response = client.post(SWITCH, {"language": "en", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_switch_posted_from_another_site_is_refused(client):
    response = client.post(
        SWITCH, {"language": "en", "next": "/"}, HTTP_SEC_FETCH_SITE="cross-site"
    )

    assert response.status_code == 403
    assert "django_language" not in response.cookies


def test_the_feeds_say_their_articles_are_dutch_whatever_the_reader_language(
    client, article
):
    feed = client.get(
        reverse("articles:feed"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "<language>nl</language>" in feed


class _LanguageOfText(HTMLParser):
    """The language each piece of text is in: its nearest ``lang`` (WCAG 3.1.2)."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.texts: list[tuple[str, str]] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang") or (self.stack[-1] if self.stack else "")
        self.stack.append(lang)
        self.skip += tag in ("script", "style", "title")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        self.stack.pop()
        self.skip -= tag in ("script", "style", "title")

    def handle_data(self, data):
        if data.strip() and not self.skip:
            self.texts.append((" ".join(data.split()), self.stack[-1]))


def languages_of(content: str, text: str) -> set[str]:
    parser = _LanguageOfText()
    parser.feed(content)
    found = {lang for piece, lang in parser.texts if text in piece}
    assert found, f"{text!r} is not on the page"
    return found


def test_dutch_content_in_search_hits_method_box_and_survey_facts_is_marked_nl(
    client,
):
    survey = SurveyFactory(
        title="Werk en welzijn",
        respondents=None,
        respondents_note="ruim 1200",
        method="Online vragenlijst onder leden van het panel.",
    )
    question = question_with_results(
        survey=survey,
        text="Hoeveel dagen werkt u thuis?",
        labels=["Geen dag", "Twee dagen"],
        percentages={"Totaal": [40, 60]},
    )
    article = ArticleFactory(
        title="Thuiswerken blijft",
        lead="Ambtenaren werken vaak thuis.",
        body=f"<p>Tekst.</p><p>[grafiek {survey.slug}/{question.code}]</p>",
        category=CategoryFactory(name="Werkvloer"),
    )
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}

    hits = client.get(reverse("search:search") + "?q=thuis", **english)
    page = client.get(article.get_absolute_url(), **english)
    rounds = client.get(reverse("surveys:survey-list"), **english)
    round_page = client.get(survey.get_absolute_url(), **english)

    for text in [
        "Thuiswerken blijft",
        "Hoeveel dagen werkt u thuis?",
        "Werkvloer",
        "Werk en welzijn",
        "Twee dagen",
    ]:
        assert languages_of(hits.content.decode(), text) == {"nl"}, text
    for text in ["ruim 1200", "Online vragenlijst onder leden van het panel."]:
        assert languages_of(page.content.decode(), text) == {"nl"}, text
    for content in (rounds.content.decode(), round_page.content.decode()):
        assert languages_of(content, "ruim 1200") == {"nl"}
