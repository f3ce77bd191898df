"""Browser tests: Debian's Chromium, driven by Playwright, against a live test server.

Every test in this folder gets the marker ``browser``, a live server on 127.0.0.1 that
serves the site as production does (DEBUG off, WhiteNoise serving the collected static
files), the demo content, and a fresh browser context (``page``) in Dutch.

Without /usr/bin/chromium or node_modules/axe-core the tests are skipped with one line
saying how to enable them; with ``BROWSER_TESTS=required`` (as .ci/run sets) a missing
browser fails the run instead.
"""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.core.management import call_command
from django.test.testcases import LiveServerThread

# The helpers' asserts explain themselves in a failure too.
pytest.register_assert_rewrite("tests.browser.helpers")

# Playwright's sync API runs an asyncio event loop in the test thread. Django then refuses
# ORM calls from that thread (SynchronousOnlyOperation), although they are plain
# synchronous calls that never run inside the loop. The tests only set up and check rows
# between browser steps, so the guard is lifted for the browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HERE = Path(__file__).resolve().parent

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

SKIP_REASON = (
    "Browsertests overgeslagen: installeer Chromium (apt-get install -y chromium) "
    "en axe-core (npm ci) om ze te draaien."
)


def _missing() -> list[str]:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium ({CHROMIUM})")
    if not AXE_JS.exists():
        missing.append(f"axe-core ({AXE_JS.relative_to(settings.BASE_DIR)})")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright")
    return missing


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if HERE in Path(item.path).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if not browser_items:
        return
    missing = _missing()
    if not missing:
        return
    if os.environ.get("BROWSER_TESTS") == "required":
        raise pytest.UsageError(
            "BROWSER_TESTS=required, but missing: " + ", ".join(missing)
        )
    config._browser_tests_skipped = len(browser_items)
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in browser_items:
        item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = getattr(config, "_browser_tests_skipped", 0)
    if skipped:
        terminalreporter.write_line(f"{SKIP_REASON} ({skipped} tests)", yellow=True)


class _SiteServer:
    """What pytest-django's ``live_server`` offers (``url``), serving static files
    through WhiteNoise from the collected STATIC_ROOT instead of Django's finders,
    which do not know the hashed names of the manifest storage used with DEBUG off."""

    def __init__(self):
        from django.db import connections
        from django.test.utils import modify_settings

        # An in-memory SQLite test database exists only in its connection: the server
        # thread uses the tests' connection, as Django's LiveServerTestCase does.
        self.shared_connections = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in self.shared_connections.values():
            conn.inc_thread_sharing()
        self.thread = LiveServerThread(
            "127.0.0.1",
            static_handler=lambda handler: handler,
            connections_override=self.shared_connections,
        )
        self.thread.daemon = True
        self._live_server_modified_settings = modify_settings(
            ALLOWED_HOSTS={"append": "127.0.0.1"}
        )
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            self.stop()
            raise self.thread.error

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.thread.port}"

    def __str__(self) -> str:
        return self.url

    def stop(self) -> None:
        self.thread.terminate()
        for conn in self.shared_connections.values():
            conn.dec_thread_sharing()


@pytest.fixture(scope="session")
def live_server(_collected_static):
    """Overrides pytest-django's fixture of the same name, so that its helper still gives
    each test transactional database access and the settings of the live server."""
    server = _SiteServer()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def demo_site(live_server, settings):
    """The demo content on a live server, and the staff groups.

    A transactional test empties the database afterwards, which also removes the
    groups that a data migration created, so they are made again here.
    """
    from articles.roles import sync_roles

    sync_roles(django_apps)
    call_command("loaddemo", stdout=StringIO())
    # The comment form's wait before posting stays on, shorter so the tests are quick.
    settings.COMMENT_MIN_SECONDS = 1
    # Staff log in with a password: a fast hasher, since none of these tests is about it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return live_server


@pytest.fixture
def many_articles(demo_site):
    """Enough published articles beside the demo one for the home page to have pages."""
    from articles.models import Article
    from tests.factories import ArticleFactory

    demo = Article.objects.get(slug="digitale-dienstverlening")
    return ArticleFactory.create_batch(24, category=demo.category, author=demo.author)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _console_error(message, errors: list[str]) -> None:
    # Chromium logs every 4xx response, also the 404 page a test asks for on purpose;
    # failed loads are judged by status in the response handler instead.
    if message.type == "error" and not message.text.startswith(
        "Failed to load resource"
    ):
        errors.append(f"console error: {message.text}")


@pytest.fixture
def new_page(browser, live_server):
    """Opens a page in a context of its own: ``new_page(width=375, javascript=False)``.

    Each page records uncaught script errors, console errors and failed requests; the
    test fails when there were any (a chart script that breaks, a missing static file).
    """
    contexts = []
    errors: list[str] = []

    def open_page(*, width: int = DESKTOP["width"], javascript: bool = True):
        viewport = PHONE if width == PHONE["width"] else {**DESKTOP, "width": width}
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
            java_script_enabled=javascript,
            # Charts are drawn at once, without the growing bars, so a test reads the
            # finished picture (static/js/charts.js honours this setting).
            reduced_motion="reduce",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
        page.on("console", lambda message: _console_error(message, errors))
        page.on(
            "response",
            lambda response: (
                errors.append(f"HTTP {response.status}: {response.url}")
                if response.status >= 500
                or ("/static/" in response.url and response.status >= 400)
                else None
            ),
        )
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not errors, "The browser reported errors:\n" + "\n".join(errors)


@pytest.fixture
def page(new_page):
    """A desktop-wide page with JavaScript on."""
    return new_page()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")
