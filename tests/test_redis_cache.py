"""With ``REDIS_URL`` every process of the site shares one cache: pages and their version.

Runs against the shared Redis (``.ci/run`` starts it) at ``TEST_REDIS_URL``, default
``redis://127.0.0.1:6379/5``; each test keeps its keys under a prefix of its own and
removes them afterwards, so that test runs side by side never meet (nothing is flushed).
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Comment
from tests.factories import ArticleFactory, CommentFactory

PROJECT_DIR = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def _redis_is_running() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return False


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not _redis_is_running(),
        reason=f"Redis is not running at {REDIS_URL} (.ci/run starts it for CI)",
    ),
]


@pytest.fixture
def shared_cache(settings):
    """The site's cache in Redis, under a key prefix of this test's own."""
    cache_settings = {
        "default": {
            "BACKEND": "ambtenarenpanel.cache_backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{secrets.token_hex(6)}",
        }
    }
    settings.CACHES = cache_settings
    yield cache_settings
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{cache_settings['default']['KEY_PREFIX']}:*"):
        client.delete(key)


def in_another_process(code: str, cache_settings: dict, database: Path) -> str:
    """Run ``code`` in a new Python process of the site with this cache and ``database``."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "STATIC_ROOT": str(django_settings.STATIC_ROOT),
    }
    prelude = (
        "import django\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        f"settings.CACHES = {cache_settings!r}\n"
        "from django.test.utils import setup_test_environment\n"
        "setup_test_environment()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", prelude + code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def queries_for(url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


def test_a_page_cached_by_one_process_is_served_by_another(shared_cache, tmp_path):
    """The other process has an empty database: it can only answer from Redis."""
    article = ArticleFactory(title="Gedeeld via Redis")
    queries_for(article.get_absolute_url())

    output = in_another_process(
        "from django.test import Client\n"
        f"response = Client().get({article.get_absolute_url()!r})\n"
        "print(response.status_code, 'Gedeeld via Redis' in response.content.decode())",
        shared_cache,
        tmp_path / "leeg.sqlite3",
    )

    assert output.split() == ["200", "True"]


def test_an_invalidation_in_another_process_reaches_this_one(shared_cache, tmp_path):
    """E.g. a bulk write from a cron job while gunicorn workers serve the site."""
    article = ArticleFactory(slug="gedeeld")
    queries_for(article.get_absolute_url())
    assert queries_for(article.get_absolute_url()) == 0

    in_another_process(
        "from ambtenarenpanel.caching import invalidate\ninvalidate()",
        shared_cache,
        tmp_path / "leeg.sqlite3",
    )

    assert queries_for(article.get_absolute_url()) > 0


def test_approving_a_comment_shows_it_at_once_with_redis(
    shared_cache, moderator_client, article
):
    comment = CommentFactory(
        article=article, body="Wacht op Redis.", status=Comment.Status.PENDING
    )
    queries_for(article.get_absolute_url())
    assert queries_for(article.get_absolute_url()) == 0

    moderator_client.post(
        reverse("admin:articles_comment_changelist"),
        {"action": "approve", "_selected_action": [comment.pk], "index": 0},
    )

    assert (
        "Wacht op Redis." in Client().get(article.get_absolute_url()).content.decode()
    )
