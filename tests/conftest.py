import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command

from tests.factories import ArticleFactory


@pytest.fixture(scope="session", autouse=True)
def _collected_static():
    """Tests run with DEBUG off and the production static storage, which needs its manifest."""
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


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
