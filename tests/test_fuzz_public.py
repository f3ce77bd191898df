"""Anything a visitor can send: the comment form, search, page numbers and slugs.

Property-based (hypothesis) for the breadth, by hand for the cases worth naming. The
rule everywhere: a page, a Dutch message or a 4xx, never a server error; a comment is
stored whole and clean, or not at all. The hand-written cases of search, pagination
and unknown slugs are in test_search.py and test_archives.py.
"""

import time
from urllib.parse import quote, quote_from_bytes

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.forms import CommentForm, make_form_token
from articles.models import Comment
from tests.factories import ArticleFactory, SurveyFactory, question_with_results
from tests.test_security_headers import inline_code

pytestmark = pytest.mark.django_db

# Deterministic in CI (the same examples every run) and no example database on disk;
# raise max_examples locally to search further.
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOT_FOUND = "Pagina niet gevonden"
NOT_POSTED = "Je reactie is nog niet geplaatst"

#: What attackers and unlucky readers send.
NASTY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR 1=1 --",
    "'; DROP TABLE articles_comment; --",
    "{{ 7*7 }}{% debug %}",
    "%(name)s %s {0}",
    "\x00",
    "\x1b[31m\x07\x08\x0c",
    "\u202etxt.exe",
    "\ufeff\u200b",
    "a\r\nb",
    "🙂" * 50,
    "",
    " ",
]
CONTROL = {chr(c) for c in range(32)} - {"\n", "\t"} | {chr(c) for c in range(127, 160)}
#: Invisible characters that reorder or hide text (bidi overrides, zero-width space, BOM).
INVISIBLE = set("\u200b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")

any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
nasty = st.sampled_from(NASTY)
huge = st.integers(min_value=5_000, max_value=100_000).map(lambda n: "a" * n)
field = st.one_of(any_text, nasty, st.tuples(any_text, nasty).map("".join), huge)


def valid_token() -> str:
    return make_form_token(shown_at=time.time() - 60)


VALID = {
    "name": "Anne de Boer",
    "email": "anne@example.org",
    "website": "",
    "body": "Herkenbaar onderzoek.",
    "telefoon": "",
}
OTHER_VALUES = {
    "email": st.one_of(st.emails(), field),
    "website": st.one_of(st.just("https://example.org/pad?x=1"), field),
}


@st.composite
def comment_posts(draw) -> dict:
    """A valid post with one to three fields replaced by anything at all."""
    data = {**VALID, "token": valid_token()}
    for name in draw(
        st.sets(st.sampled_from([*VALID, "token"]), min_size=1, max_size=3)
    ):
        data[name] = draw(OTHER_VALUES.get(name, field))
    if draw(st.booleans()):
        data[draw(any_text.filter(bool))] = draw(field)  # a field the form doesn't have
    return data


@pytest.fixture
def open_article(settings):
    settings.COMMENT_RATE = "100000/m"  # the examples all come from one address
    return ArticleFactory()


def assert_stored_clean(comment: Comment, data: dict) -> None:
    assert comment.status == Comment.Status.PENDING
    for name in ("name", "body"):
        value = getattr(comment, name)
        assert value.strip() == value and value, name
        assert not set(value) & CONTROL, name
        assert not set(value) & INVISIBLE, name
    assert len(comment.name) <= 100
    assert len(comment.body) <= 5000
    assert comment.email == data["email"].strip()
    assert comment.website == "" or comment.website.startswith("https://")
    assert "\x00" not in comment.email + comment.website


@FUZZ
@given(data=comment_posts())
def test_any_comment_post_is_stored_clean_or_refused_with_a_4xx(
    client, open_article, data
):
    before = Comment.objects.count()
    cleaned = CommentForm(data)
    is_repeat = (
        cleaned.is_valid()
        and open_article.comments.filter(
            email=cleaned.cleaned_data["email"], body=cleaned.cleaned_data["body"]
        ).exists()
    )

    response = client.post(open_article.get_absolute_url(), data)

    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 302 and is_repeat:
        # An earlier example posted the same comment: a repeat is stored once.
        assert Comment.objects.count() == before
    elif response.status_code == 302:
        assert Comment.objects.count() == before + 1
        assert_stored_clean(Comment.objects.latest("pk"), data)
    else:
        assert Comment.objects.count() == before
        content = response.content.decode()
        assert NOT_POSTED in content
        assert inline_code(content).problems == []


@pytest.mark.parametrize("payload", NASTY, ids=range(len(NASTY)))
@pytest.mark.parametrize("name", ["name", "email", "website", "body"])
def test_nasty_input_in_each_field_is_refused_or_stored_clean(
    client, open_article, comment_data, name, payload
):
    data = {**comment_data, name: payload}

    response = client.post(open_article.get_absolute_url(), data)

    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert_stored_clean(Comment.objects.get(), data)
    else:
        assert not Comment.objects.exists()
        assert inline_code(response.content.decode()).problems == []


def test_control_characters_are_removed_from_name_and_text(
    client, open_article, comment_data
):
    client.post(
        open_article.get_absolute_url(),
        {
            **comment_data,
            "name": "An\x07ne\u202e de Boer\x1b",
            "body": "Eerste regel\r\nTweede\x00 regel\x0c",
        },
    )

    comment = Comment.objects.get()
    assert comment.name == "Anne de Boer"
    assert comment.body == "Eerste regel\nTweede regel"


def test_a_name_of_only_control_characters_counts_as_empty(
    client, open_article, comment_data
):
    response = client.post(
        open_article.get_absolute_url(), {**comment_data, "name": "\x07\x1b\u202e"}
    )

    assert response.status_code == 400
    assert "Vul je naam in." in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("name", "a" * 101, "100"),
        ("body", "a" * 100_000, "5000"),
        ("email", "a" * 250 + "@example.org", "e-mailadres"),
        ("website", "https://example.org/" + "a" * 300, "200"),
    ],
)
def test_a_huge_field_is_refused_with_a_dutch_message(
    client, open_article, comment_data, name, value, message
):
    response = client.post(
        open_article.get_absolute_url(), {**comment_data, name: value}
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


# --- Cross-site posts ------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_ORIGIN": "https://aanvaller.example"},
        {
            "HTTP_SEC_FETCH_SITE": "cross-site",
            "HTTP_ORIGIN": "https://aanvaller.example",
        },
        {"HTTP_REFERER": "https://aanvaller.example/formulier.html"},
        {"HTTP_ORIGIN": "null"},
    ],
    ids=[
        "no-token-no-origin",
        "other-origin",
        "cross-site",
        "other-referer",
        "null-origin",
    ],
)
def test_a_cross_site_comment_post_is_refused_and_stores_nothing(
    open_article, comment_data, headers
):
    csrf_client = Client(enforce_csrf_checks=True)

    response = csrf_client.post(
        open_article.get_absolute_url(), comment_data, **headers
    )

    assert 400 <= response.status_code < 500
    assert not Comment.objects.exists()


def test_a_post_from_the_article_page_itself_is_accepted(open_article, comment_data):
    """The positive control for the refusals above: a browser on the page itself."""
    import re

    browser = Client(enforce_csrf_checks=True)
    url = open_article.get_absolute_url()
    page = browser.get(url).content.decode()
    data = dict(comment_data)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token:
        data["csrfmiddlewaretoken"] = token.group(1)

    response = browser.post(
        url,
        data,
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_REFERER=f"http://testserver{url}",
    )

    assert response.status_code == 302
    assert Comment.objects.count() == 1


# --- Search, page numbers, slugs --------------------------------------------------------


@pytest.fixture
def site(settings):
    settings.SEARCH_RATE = "100000/m"  # the examples all come from one address
    article = ArticleFactory(title="Werkdruk bij gemeenten")
    survey = SurveyFactory(slug="werkdruk")
    question_with_results(
        survey=survey, code="v1", labels=["Ja", "Nee"], percentages={"Totaal": [60, 40]}
    )
    return article


query_text = st.one_of(
    any_text,
    nasty,
    st.text(alphabet="%_*.\\[](){}|^$?+'\"&!:<>-", max_size=50),
    st.integers(min_value=1, max_value=10_000).map(lambda n: "ab" * (n // 2)),
)
page_number = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    any_text,
    st.sampled_from(["", "0", "-1", "abc", "1e3", "1.0", " 2", "9" * 5000, "١"]),
)


@FUZZ
@given(q=query_text, pagina=page_number)
def test_any_search_gives_a_page_or_the_site_404(client, site, q, pagina):
    response = client.get(reverse("search:search"), {"q": q, "pagina": pagina})

    assert response.status_code in (200, 404)
    content = response.content.decode()
    if response.status_code == 404:
        assert NOT_FOUND in content
    assert inline_code(content).problems == []


@FUZZ
@given(pagina=page_number, which=st.sampled_from(["home", "author", "category"]))
def test_any_page_number_gives_a_page_or_the_site_404(client, site, pagina, which):
    url = {
        "home": reverse("articles:home"),
        "author": site.author.get_absolute_url(),
        "category": site.category.get_absolute_url(),
    }[which]

    response = client.get(url, {"pagina": pagina})

    assert response.status_code in (200, 404)
    if response.status_code == 404:
        assert NOT_FOUND in response.content.decode()


slug_part = st.one_of(
    any_text.filter(bool).map(lambda text: quote(text, safe="")),
    st.binary(min_size=1, max_size=40).map(lambda raw: quote_from_bytes(raw, safe="")),
    st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True),
    st.sampled_from(["..", "%2e%2e", "%00", "%2F", "werkdruk", "v1"]),
)
URL_PATTERNS = [
    "/artikelen/{}/",
    "/artikelen/{}/voorbeeld/",
    "/auteur/{}/",
    "/categorie/{}/",
    "/categorie/{}/feed/",
    "/onderzoek/{}/",
    "/onderzoek/{}/data.csv",
    "/onderzoek/werkdruk/{}/",
    "/onderzoek/werkdruk/{}/grafiek.json",
    "/onderzoek/{}/v1/",
]


@FUZZ
@given(part=slug_part, pattern=st.sampled_from(URL_PATTERNS))
def test_any_slug_gives_a_page_or_the_site_404(client, site, part, pattern):
    response = client.get(pattern.format(part))

    # 302: the preview sends visitors to the login; 200: a slug that exists.
    assert response.status_code in (200, 302, 404), pattern.format(part)
    if response.status_code == 404:
        assert NOT_FOUND in response.content.decode()


def test_the_known_slugs_of_the_fuzzed_patterns_do_exist(client, site):
    """The control for the property above: its patterns reach real pages."""
    assert client.get("/onderzoek/werkdruk/").status_code == 200
    assert client.get("/onderzoek/werkdruk/v1/").status_code == 200
    assert client.get("/onderzoek/werkdruk/v1/grafiek.json").status_code == 200
    assert client.get(site.get_absolute_url()).status_code == 200
