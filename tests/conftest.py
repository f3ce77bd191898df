import time

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from articles.forms import make_form_token
from tests.factories import ArticleFactory

# A real background worker for the tests that need one: ``worker``, ``worker_process``.
pytest_plugins = ["tests.support.worker"]


@pytest.fixture(scope="session", autouse=True)
def _collected_static(tmp_path_factory):
    """Tests run with DEBUG off and the production static storage, which needs its manifest.

    Collected into a folder of this test run, so that runs side by side don't collide.
    """
    django_settings.STATIC_ROOT = tmp_path_factory.mktemp("staticfiles")
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _own_upload_folder(tmp_path_factory):
    """Import uploads wait in a folder of this test run, not in the one the site shares."""
    django_settings.IMPORT_UPLOAD_DIR = tmp_path_factory.mktemp("uploads")
    django_settings.PENDING_IMAGE_DIR = tmp_path_factory.mktemp("pending-images")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """A request in English leaves English active in the thread (LocaleMiddleware
    activates, nothing deactivates): the next test starts in the site's language."""
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def no_page_cache(settings):
    """Every page rendered by its view: for tests that count the queries of a view."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser(
        "beheer", "beheer@example.org", "geheim-wachtwoord-123"
    )


@pytest.fixture
def admin_client_logged_in(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def article(db):
    return ArticleFactory()


def _staff_member(username: str, group_name: str) -> User:
    user = User.objects.create_user(
        username, f"{username}@example.org", "geheim-wachtwoord-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _logged_in_client(user: User) -> Client:
    """A client of its own, so that a test can also use the anonymous ``client``."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def moderator(db) -> User:
    """A staff member in the group Moderatie (created by a migration)."""
    return _staff_member("moderator", "Moderatie")


@pytest.fixture
def moderator_client(moderator) -> Client:
    return _logged_in_client(moderator)


@pytest.fixture
def editor(db) -> User:
    """A staff member in the group Redactie (created by a migration)."""
    return _staff_member("redacteur", "Redactie")


@pytest.fixture
def editor_client(editor) -> Client:
    return _logged_in_client(editor)


@pytest.fixture
def researcher(db) -> User:
    """A staff member in the group Onderzoek (created by a migration): imports survey data."""
    return _staff_member("onderzoeker", "Onderzoek")


@pytest.fixture
def researcher_client(researcher) -> Client:
    return _logged_in_client(researcher)


@pytest.fixture
def comment_data() -> dict:
    """A valid comment post: the form was shown a minute ago, the honeypot is empty."""
    return {
        "name": "Anne de Boer",
        "email": "anne.deboer@example.org",
        "website": "",
        "body": "Herkenbaar onderzoek, bij ons gaat het net zo.",
        "telefoon": "",
        "token": make_form_token(shown_at=time.time() - 60),
    }
