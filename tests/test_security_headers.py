"""Security headers on every response, and a production configuration that Django passes.

Content-Security-Policy (django-csp) allows scripts, styles and images from the site
itself only; the pages therefore hold no inline script, style or event handler, and
chart data travels in ``json_script`` blocks. With ``HTTPS=1`` (PRODUCT.md,
Environment) the site adds HSTS, redirects to https and marks its cookies Secure;
``check --deploy`` then has nothing to report.
"""

import base64
import hashlib
import re
import secrets
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from ambtenarenpanel.security import (
    TIPTAP_CSS,
    prose_editor_importmap_hash,
    prose_editor_style_hashes,
)
from articles.forms import make_form_token
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    SurveyFactory,
    question_with_results,
)
from tests.support.processes import run_manage, run_python

pytestmark = pytest.mark.django_db

SITE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as directive → sources."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_security_headers(response, url: str) -> None:
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "same-origin", url
    assert response["X-Frame-Options"] == "DENY", url
    directives = policy(response)
    assert directives["frame-ancestors"] == ["'none'"], url
    assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
    assert "'unsafe-eval'" not in response["Content-Security-Policy"], url


@pytest.fixture
def site():
    """An article with a chart and an approved comment, a round, a question."""
    survey = SurveyFactory(slug="digitale-dienstverlening")
    question = question_with_results(
        survey=survey,
        code="agenda",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [57, 43], "Gemeente": [60, 40]},
    )
    article = ArticleFactory(
        body="<p>Inleiding.</p><p>[grafiek digitale-dienstverlening/agenda]</p>"
    )
    CommentFactory(article=article, body="Een goedgekeurde reactie.")
    return {"article": article, "survey": survey, "question": question}


def public_urls(site) -> list[str]:
    article, survey, question = site["article"], site["survey"], site["question"]
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        article.author.get_absolute_url(),
        article.category.get_absolute_url(),
        reverse("search:search") + "?q=inleiding",
        reverse("articles:feed"),
        reverse("articles:category-feed", kwargs={"slug": article.category.slug}),
        reverse("sitemap"),
        reverse("robots-txt"),
        reverse("accessibility"),
        reverse("privacy"),
        reverse("surveys:survey-list"),
        survey.get_absolute_url(),
        reverse("surveys:survey-csv", kwargs={"slug": survey.slug}),
        question.get_absolute_url(),
        reverse(
            "surveys:question-chart",
            kwargs={"survey_slug": survey.slug, "code": question.code},
        ),
        "/bestaat-niet/",
    ]


# --- Every response ------------------------------------------------------------------


def test_every_public_response_carries_the_security_headers_and_the_site_policy(
    client, site
):
    for url in public_urls(site):
        # The second time, a cached page may answer: it must carry the headers too.
        for _ in range(2):
            response = client.get(url)
            assert response.status_code in (200, 404), url
            assert_security_headers(response, url)
            assert policy(response) == SITE_POLICY, url


def test_refusals_carry_the_security_headers_too(client, site, settings):
    article = site["article"]
    url = article.get_absolute_url()
    responses = {
        "invalid comment (400)": client.post(url, {"token": make_form_token()}),
        "method not allowed (405)": client.put(url),
        "missing page (404)": client.get("/artikelen/bestaat-niet/"),
        "bad page number (404)": client.get(reverse("articles:home") + "?pagina=abc"),
        "login redirect (302)": client.get(
            reverse("articles:article-preview", kwargs={"slug": article.slug})
        ),
    }
    csrf_client = Client(enforce_csrf_checks=True)
    responses["cross-site post (403)"] = csrf_client.post(url, {"name": "x"})

    for name, response in responses.items():
        assert_security_headers(response, name)
        assert policy(response) == SITE_POLICY, name


def test_a_rate_limited_comment_carries_the_security_headers(client, site):
    article = site["article"]
    for _ in range(6):
        response = client.post(
            article.get_absolute_url(), {"token": "x"}, REMOTE_ADDR="192.0.2.99"
        )

    assert response.status_code == 429
    assert_security_headers(response, "429")


def test_static_files_served_by_whitenoise_carry_the_security_headers(client):
    from django.templatetags.static import static

    for path in [static("css/site.css"), static("js/charts.js")]:
        response = client.get(path)
        assert response.status_code == 200, path
        content = b"".join(response.streaming_content)
        assert content, path
        assert_security_headers(response, path)


# --- No inline script or style on public pages ---------------------------------------


class _InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts, styles and handlers."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.json_blocks = 0
        self._in_script = False
        self._script_is_data = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, _value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script":
            self._in_script = "src" not in attributes
            self._script_is_data = attributes.get("type") == "application/json"
            if self._script_is_data:
                self.json_blocks += 1
        for name in ("href", "src", "action"):
            if (attributes.get(name) or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL in <{tag} {name}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and not self._script_is_data and data.strip():
            self.problems.append(f"inline script: {data.strip()[:60]}")


def inline_code(html: str) -> _InlineCode:
    parser = _InlineCode()
    parser.feed(html)
    return parser


def test_public_pages_have_no_inline_script_style_or_event_handler(client, site):
    for url in public_urls(site):
        response = client.get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        assert inline_code(response.content.decode()).problems == [], url


def test_a_comment_form_with_errors_has_no_inline_code_either(client, site):
    response = client.post(
        site["article"].get_absolute_url(),
        {"name": "<script>alert(1)</script>", "email": "x", "token": "x"},
    )

    assert response.status_code == 400
    assert inline_code(response.content.decode()).problems == []


def test_chart_data_reaches_the_page_as_a_json_block_and_scripts_are_static_files(
    client, site
):
    html = client.get(site["article"].get_absolute_url()).content.decode()

    assert inline_code(html).json_blocks == 1
    for src in re.findall(r'<script[^>]* src="([^"]+)"', html):
        assert src.startswith(settings.STATIC_URL), src


# --- The admin's one exception ---------------------------------------------------------


def test_the_admin_login_carries_the_security_headers(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 200
    assert_security_headers(response, "admin login")


def test_admin_pages_allow_only_the_article_editors_import_map_and_base_style(
    admin_client_logged_in, site
):
    article = site["article"]
    response = admin_client_logged_in.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    html = response.content.decode()
    directives = policy(response)

    importmaps = re.findall(r'<script type="importmap"[^>]*>(.*?)</script>', html, re.S)
    assert len(importmaps) == 1
    digest = base64.b64encode(hashlib.sha256(importmaps[0].encode()).digest()).decode()
    assert directives["script-src"] == ["'self'", f"'sha256-{digest}'"]
    assert directives["script-src"][1] == prose_editor_importmap_hash()
    assert directives["style-src"] == ["'self'", *prose_editor_style_hashes()]
    assert directives["frame-ancestors"] == ["'none'"]
    assert_security_headers(response, "admin")


def test_the_editors_base_style_is_found_in_its_bundle():
    """An upgrade of django-prose-editor that changes its bundle must not go unnoticed."""
    import django_prose_editor

    bundle = (
        Path(django_prose_editor.__file__).parent
        / "static/django_prose_editor/editor.js"
    ).read_text()

    assert len(TIPTAP_CSS.findall(bundle)) == 1
    assert len(prose_editor_style_hashes()) == 1


def test_the_public_site_does_not_get_the_admin_exception(client, site):
    response = client.get(site["article"].get_absolute_url())

    assert "sha256-" not in response["Content-Security-Policy"]


# --- Cookies ------------------------------------------------------------------------------


def test_the_csrf_and_session_cookies_are_httponly_and_samesite_lax(superuser):
    client = Client()
    login_page = client.get(reverse("admin:login"))
    csrf = login_page.cookies["csrftoken"]
    response = client.post(
        reverse("admin:login"),
        {
            "username": "beheer",
            "password": "geheim-wachtwoord-123",
            "csrfmiddlewaretoken": csrf.value,
        },
    )

    session = response.cookies["sessionid"]
    assert response.status_code == 302
    for cookie in (csrf, session):
        assert cookie["httponly"] is True, cookie.key
        assert cookie["samesite"] == "Lax", cookie.key


# --- Production: HTTPS=1 ----------------------------------------------------------------------

# Runs in a fresh interpreter with HTTPS=1, as the production server starts.
HTTPS_PROBE = """
import sys
import django
from django.conf import settings

django.setup()
settings.STATIC_ROOT = sys.argv[1]
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth.models import User
User.objects.create_user("beheer", password="geheim-wachtwoord-123", is_staff=True)
from django.test import Client

client = Client()
plain = client.get("/robots.txt", HTTP_HOST="panel.example.nl")
print("PLAIN", plain.status_code, plain.get("Location"))
secure = client.get("/robots.txt", secure=True, HTTP_HOST="panel.example.nl")
print("HSTS", secure.status_code, secure.get("Strict-Transport-Security"))
print("CSP", secure.get("Content-Security-Policy"))
login = client.get("/admin/login/", secure=True, HTTP_HOST="panel.example.nl")
csrf = login.cookies["csrftoken"]
response = client.post(
    "/admin/login/",
    {"username": "beheer", "password": "geheim-wachtwoord-123",
     "csrfmiddlewaretoken": csrf.value},
    secure=True, HTTP_HOST="panel.example.nl",
    HTTP_REFERER="https://panel.example.nl/admin/login/",
)
print("LOGIN", response.status_code)
for cookie in (csrf, response.cookies["sessionid"]):
    print("COOKIE", cookie.key, bool(cookie["secure"]), bool(cookie["httponly"]), cookie["samesite"])
"""


def production_environment(tmp_path, **extra) -> dict[str, str]:
    return {
        "DEBUG": "0",
        "HTTPS": "1",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "panel.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'productie.sqlite3'}",
        **extra,
    }


def test_check_deploy_reports_nothing_with_debug_off_and_https_on(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **production_environment(tmp_path),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_with_https_on_http_redirects_hsts_is_sent_and_cookies_are_secure(tmp_path):
    result = run_python(
        HTTPS_PROBE,
        str(settings.STATIC_ROOT),
        timeout=180,
        **production_environment(
            tmp_path, DJANGO_SETTINGS_MODULE="ambtenarenpanel.settings"
        ),
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())

    assert lines["PLAIN"] == "301 https://panel.example.nl/robots.txt"
    assert lines["HSTS"] == "200 max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in lines["CSP"]
    assert lines["LOGIN"] == "302"
    cookies = [line for line in result.stdout.splitlines() if line.startswith("COOKIE")]
    assert cookies == [
        "COOKIE csrftoken True True Lax",
        "COOKIE sessionid True True Lax",
    ]


def test_every_response_says_other_sites_may_not_embed_it(client, settings, tmp_path):
    from tests.factories import ArticleFactory as Article_

    article = Article_()
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    urls = [
        article.get_absolute_url(),
        reverse("articles:feed"),
        "/static/css/site.css",
        "/media/foto.png",
        "/bestaat-niet/",
    ]
    for url in urls:
        response = client.get(url)
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", url
