"""The reading side's chrome and templates: share links, pagination, error pages, statements, English."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings as django_settings
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse, set_script_prefix

from ambtenarenpanel.views import server_error
from articles.templatetags.article_tags import build_share_links
from tests.factories import ArticleFactory, CategoryFactory

PO_FILE = Path(django_settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
STATIC = Path(django_settings.BASE_DIR) / "static"

TRICKY_TITLE = "Eén & ander: 76% zegt “ja” + #1?"
TRICKY_URL = "https://ambtenarenpanel.nl/artikelen/een-en-ander/?a=1&b=2"


def share_query(network: str) -> dict[str, list[str]]:
    links = {
        link.network: link.url
        for link in build_share_links(url=TRICKY_URL, title=TRICKY_TITLE)
    }
    return parse_qs(urlsplit(links[network]).query, keep_blank_values=True)


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        (
            "email",
            {"subject": [TRICKY_TITLE], "body": [f"{TRICKY_TITLE}\n{TRICKY_URL}"]},
        ),
        ("linkedin", {"url": [TRICKY_URL]}),
        ("x", {"url": [TRICKY_URL], "text": [TRICKY_TITLE]}),
        ("facebook", {"u": [TRICKY_URL]}),
        ("whatsapp", {"text": [f"{TRICKY_TITLE} {TRICKY_URL}"]}),
    ],
)
def test_share_links_carry_the_title_and_address_whole_whatever_characters_they_hold(
    network, expected
):
    assert share_query(network) == expected


def test_share_links_encode_spaces_as_percent_20_so_mail_clients_show_no_plus_signs():
    for link in build_share_links(url=TRICKY_URL, title=TRICKY_TITLE):
        query = urlsplit(link.url).query
        assert " " not in query
        assert "+" not in query
        assert "%20" in query or link.network in {"linkedin", "facebook"}


def test_share_links_on_the_page_use_the_absolute_article_address_with_escaped_ampersands(
    client, db
):
    article = ArticleFactory(title="Lonen & loopbaan", slug="lonen-en-loopbaan")

    page = client.get(article.get_absolute_url()).content.decode()

    assert (
        'href="https://x.com/intent/post?url=http%3A%2F%2Ftestserver%2Fartikelen%2Flonen-en-loopbaan%2F'
        '&amp;text=Lonen%20%26%20loopbaan"' in page
    )
    assert 'href="mailto:?subject=Lonen%20%26%20loopbaan&amp;body=' in page


def test_the_500_page_renders_without_a_request_or_context_processors():
    html = render_to_string("500.html")

    assert '<html lang="nl">' in html
    assert "Er ging iets mis" in html
    assert "Door een fout op onze server" in html
    assert 'href="/"' in html
    assert "/static/css/site" in html


def test_the_server_error_handler_answers_500_with_the_sites_page():
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_a_bad_request_gets_the_sites_dutch_400_page(client):
    response = client.get("/", HTTP_HOST="niet-toegestaan.example")

    assert response.status_code == 400
    content = response.content.decode()
    assert '<h1 class="page-title">Ongeldig verzoek</h1>' in content
    assert '<html lang="nl">' in content
    assert "Bad Request" not in content


def test_a_forged_host_header_is_logged_as_one_line_without_a_traceback(
    client, db, caplog
):
    client.get("/", HTTP_HOST="niet-toegestaan.example")

    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    assert "niet-toegestaan.example" in records[0].getMessage()
    assert records[0].exc_info is None and not records[0].exc_text


def test_a_tampered_admin_address_is_a_400_logged_without_a_traceback(
    admin_client_logged_in, caplog
):
    response = admin_client_logged_in.get(
        reverse("admin:articles_article_changelist") + "?_to_field=password"
    )

    assert response.status_code == 400
    records = [r for r in caplog.records if r.name.startswith("django.security.")]
    assert records and all(r.exc_info is None for r in records)


def test_the_400_page_speaks_the_readers_language_not_that_of_the_previous_request(
    client, db
):
    # The thread served an English reader just before; a forged Host header fails
    # before the language of the request is chosen.
    client.get("/privacy/", HTTP_ACCEPT_LANGUAGE="en")

    dutch = client.get("/", HTTP_HOST="niet-toegestaan.example")
    english = client.get(
        "/", HTTP_HOST="niet-toegestaan.example", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert dutch.status_code == english.status_code == 400
    assert '<html lang="nl">' in dutch.content.decode()
    assert "Ongeldig verzoek" in dutch.content.decode()
    assert '<html lang="en">' in english.content.decode()


def test_the_accessibility_statement_claims_wcag_21_aa_and_says_how_to_report_a_problem(
    client,
):
    response = client.get(reverse("accessibility"))
    page = response.content.decode()

    assert response.status_code == 200
    assert "<h1" in page and "Toegankelijkheid</h1>" in page
    assert "Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA" in page
    assert "axe-core" in page
    assert "alleen het toetsenbord" in page
    assert 'href="mailto:toegankelijkheid@ambtenarenpanel.nl"' in page


def test_the_privacy_statement_says_what_a_comment_stores_and_for_how_long(client):
    response = client.get(reverse("privacy"))
    page = response.content.decode()

    assert response.status_code == 200
    assert (
        "Je e-mailadres. Dat wordt nooit gepubliceerd; alleen de moderatoren zien het"
        in page
    )
    assert "Het IP-adres bewaren we hoogstens 30 dagen" in page
    assert "purge_comment_ips" not in page, "no internal command on a public page"
    assert "geen trackers" in page
    assert "alleen functionele cookies" in page
    assert 'href="mailto:privacy@ambtenarenpanel.nl"' in page


def test_every_page_has_the_skip_link_menu_search_and_footer(client, db):
    page = client.get(reverse("articles:home")).content.decode()

    assert '<a class="skip-link" href="#inhoud">Naar de inhoud</a>' in page
    assert '<main id="inhoud"' in page
    assert 'aria-current="page">Home</a>' in page
    assert f'action="{reverse("search:search")}"' in page
    assert 'name="q"' in page
    for name in ["accessibility", "privacy", "articles:feed"]:
        assert f'href="{reverse(name)}"' in page
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Ambtenarenpanel: nieuwste artikelen" href="{reverse("articles:feed")}">'
        in page
    )
    assert "EUPL-1.2" in page


def test_a_category_page_offers_its_own_feed(client, db):
    category = CategoryFactory(name="iSamenleving", slug="isamenleving")
    feed = reverse("articles:category-feed", kwargs={"slug": "isamenleving"})

    page = client.get(category.get_absolute_url()).content.decode()

    assert (
        f'type="application/rss+xml" title="Ambtenarenpanel: iSamenleving" href="{feed}"'
        in page
    )
    assert f'<a class="feed-link" href="{feed}">RSS-feed van iSamenleving</a>' in page


def test_page_links_on_the_search_page_keep_the_query_and_mark_the_current_page(
    client, db
):
    for number in range(11):
        ArticleFactory(title=f"Kwartiermakers {number}")

    page = client.get(
        reverse("search:search"), {"q": "kwartiermakers", "pagina": 2}
    ).content.decode()

    assert '<nav class="pagination" aria-label="Paginering">' in page
    assert 'href="?q=kwartiermakers" rel="prev"' in page
    assert 'href="?q=kwartiermakers&amp;pagina=2" aria-current="page"' in page
    assert 'rel="next"' not in page


def test_the_canonical_address_of_a_later_page_names_the_page(client, db):
    for number in range(11):
        ArticleFactory(title=f"Artikel {number}")

    first = client.get(
        reverse("articles:home"), {"utm_source": "nieuwsbrief"}
    ).content.decode()
    second = client.get(reverse("articles:home"), {"pagina": 2}).content.decode()

    assert '<link rel="canonical" href="http://testserver/">' in first
    assert '<link rel="canonical" href="http://testserver/?pagina=2">' in second


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    wrapper = page[page.rindex("<div", 0, page.index('name="telefoon"')) :]

    assert wrapper.startswith(
        '<div class="visually-hidden-offscreen" aria-hidden="true">'
    )
    assert 'tabindex="-1"' in wrapper[: wrapper.index("</div>")]
    assert "display:none" not in page.replace(" ", "")


def test_a_refused_comment_links_each_error_to_its_field(client, article):
    response = client.post(
        article.get_absolute_url(), {"name": "", "email": "geen-adres", "body": ""}
    )
    page = response.content.decode()
    summary = page[
        page.index('<div class="error-summary"') : page.index(
            "</ul>", page.index('<div class="error-summary"')
        )
    ]

    assert response.status_code == 400
    assert 'role="alert"' in summary
    assert "Je reactie is nog niet geplaatst" in summary
    assert '<a href="#id_name">Naam: Vul je naam in.</a>' in summary
    assert '<a href="#id_body">Reactie: Schrijf je reactie.</a>' in summary
    for field in ["name", "email", "body"]:
        assert f'id="id_{field}_error"' in page
        assert (
            f'aria-invalid="true" aria-describedby="id_{field}_error" id="id_{field}"'
            in page
        )
    assert 'aria-describedby="id_website_error"' not in page


def test_the_english_catalogue_translates_every_message_without_fuzzy_entries():
    with PO_FILE.open("rb") as po:
        catalogue = read_po(po)
    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            message.fuzzy
            or not all(
                message.string
                if isinstance(message.string, tuple)
                else [message.string]
            )
        )
    ]

    assert untranslated == []


def test_a_visitor_who_prefers_english_gets_the_site_in_english(
    client, db, settings, tmp_path
):
    target = tmp_path / "en" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with PO_FILE.open("rb") as po, (target / "django.mo").open("wb") as mo:
        write_mo(mo, read_po(po))
    settings.LOCALE_PATHS = [tmp_path]
    article = ArticleFactory(title="Werkdruk")

    page = client.get(
        article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert '<html lang="en">' in page
    assert "Skip to content" in page
    assert (
        "Your email address will not be published. Required fields are marked with *"
        in page
    )
    assert "Post comment</button>" in page
    assert "Naar de inhoud" not in page


def test_the_stylesheets_stay_light():
    sizes = [
        (STATIC / "css" / "site.css").stat().st_size,
        (STATIC / "vendor" / "utrecht" / "utrecht.min.css").stat().st_size,
    ]

    assert sum(sizes) < 90_000


def test_a_form_posted_without_its_csrf_cookie_gets_the_sites_dutch_403_page(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        "/admin/login/", {"username": "redacteur", "password": "geheim"}
    )

    assert response.status_code == 403
    content = response.content.decode()
    assert '<html lang="nl">' in content
    assert '<h1 class="page-title">Formulier niet verstuurd</h1>' in content
    assert "cookies" in content
    assert 'href="/"' in content
    assert "Forbidden" not in content


def test_a_page_a_staff_member_may_not_see_gets_the_sites_dutch_403_page(
    moderator_client, article
):
    response = moderator_client.get(
        reverse("articles:article-preview", kwargs={"slug": article.slug})
    )

    assert response.status_code == 403
    content = response.content.decode()
    assert '<html lang="nl">' in content
    assert '<h1 class="page-title">Geen toegang</h1>' in content
    assert "Forbidden" not in content


def test_favicon_ico_leads_to_the_sites_icon_for_pages_without_an_icon_link(client, db):
    # The admin's pages name no icon: browsers then ask for /favicon.ico.
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert re.fullmatch(r"/static/img/favicon\.[0-9a-f]+\.svg", response["Location"])
    assert "max-age" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_links_on_every_page_follow_the_address_prefix_of_the_request():
    """The header and footer links are worked out once (``{% site_url %}``), yet a site
    served under a prefix gets its own."""
    client = Client(HTTP_AUTHORIZATION="Bearer geen-cache")  # never from the page cache
    plain = client.get("/").content.decode()
    set_script_prefix("/panel/")
    try:
        prefixed = client.get("/").content.decode()
    finally:
        set_script_prefix("/")
    again = client.get("/").content.decode()

    for html, prefix in ((plain, ""), (prefixed, "/panel"), (again, "")):
        for path in ("/toegankelijkheid/", "/privacy/", "/feed/", "/onderzoek/"):
            assert f'href="{prefix}{path}"' in html
        assert f'action="{prefix}/taal/"' in html
        assert f'action="{prefix}/zoeken/"' in html
