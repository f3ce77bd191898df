"""With ``REDIS_URL`` the page cache lives in Redis, shared by every process of the site.

Runs against the real Redis on 127.0.0.1:6379 (``.ci/run`` starts it), in database 5,
which these tests empty before and after use.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Comment
from tests.factories import ArticleFactory, CommentFactory

PROJECT_DIR = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/5"


def _redis_is_running() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return False


needs_redis = pytest.mark.skipif(
    not _redis_is_running(),
    reason="Redis is not running on 127.0.0.1:6379 (.ci/run starts it for CI)",
)


def run_python(code: str, **environ: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a new Python process of the site, the way a second worker would."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "ambtenarenpanel.settings",
        "SECRET_KEY": "insecure-key-for-tests-only",
        **environ,
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_redis_url_selects_djangos_own_redis_backend():
    result = run_python(
        "from django.conf import settings\n"
        "cache = settings.CACHES['default']\n"
        "print(cache['BACKEND'], cache['LOCATION'])",
        REDIS_URL=REDIS_URL,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        REDIS_URL,
    ]


def test_without_redis_url_the_cache_is_local_memory():
    result = run_python(
        "from django.conf import settings\nprint(settings.CACHES['default']['BACKEND'])"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture
def redis_db(settings):
    """The site's default cache in Redis database 5, empty."""
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    yield client
    client.flushdb()


def queries_for(url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


@needs_redis
@pytest.mark.django_db
def test_a_cached_page_is_kept_in_redis_and_served_from_there(redis_db, article):
    assert queries_for(article.get_absolute_url()) > 0

    keys = [key.decode() for key in redis_db.keys("*")]
    assert any("pagecache:page:" in key for key in keys)
    assert queries_for(article.get_absolute_url()) == 0


@needs_redis
@pytest.mark.django_db
def test_approving_a_comment_shows_it_at_once_with_redis(
    redis_db, moderator_client, article
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


@needs_redis
@pytest.mark.django_db
def test_an_invalidation_in_another_process_reaches_this_one(redis_db):
    """E.g. ``import_results`` run from cron while gunicorn workers serve the site."""
    article = ArticleFactory(slug="gedeeld")
    queries_for(article.get_absolute_url())
    assert queries_for(article.get_absolute_url()) == 0

    result = run_python(
        "import django; django.setup()\n"
        "from ambtenarenpanel.caching import ARTICLES, invalidate\n"
        "invalidate(ARTICLES)",
        REDIS_URL=REDIS_URL,
    )

    assert result.returncode == 0, result.stderr
    assert queries_for(article.get_absolute_url()) > 0
