"""Settings for the Ambtenarenpanel site, read from environment variables.

See PRODUCT.md (Environment): DATABASE_URL, DEBUG, SECRET_KEY, ALLOWED_HOSTS,
HTTPS, REDIS_URL and MEDIA_ROOT. The defaults make a local development run work.
A missing or invalid value raises ImproperlyConfigured with a one-line message, which
``manage.py`` and ``wsgi.py`` print without a traceback (ambtenarenpanel/startup.py).
"""

import hashlib
import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

from ambtenarenpanel.env import (
    env_choice,
    env_flag,
    env_int,
    env_int_between,
    env_list,
    env_seconds,
    env_secret_key,
)
from ambtenarenpanel.logs import logging_config
from ambtenarenpanel.object_storage import s3_storage

BASE_DIR = Path(__file__).resolve().parent.parent

# --- A development .env file ------------------------------------------------------
# `make run` writes .env in the project folder (DEBUG=1 and a key of its own; git
# ignores it), so that the README's `manage.py` commands work as written. Variables
# set in the environment win over the file. ENV_FILE names another file; an empty
# ENV_FILE reads none (tests/settings.py: a developer's .env never reaches the tests).
ENV_FILE = os.environ.get("ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    load_dotenv(ENV_FILE, override=False)

DEBUG = env_flag("DEBUG")

SECRET_KEY = env_secret_key(DEBUG)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_prose_editor",
    "import_export",
    "csp",  # Content-Security-Policy header (see the security block below)
    "axes",  # failed-login limits (see the security block below)
    "articles",
    "surveys",
    # Background imports (see the block "Background work" below).
    "django_tasks",
    "django_tasks_db",
    "surveys.jobs",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, so that static files get the security headers too.
    "ambtenarenpanel.security.CrossOriginResourcePolicyMiddleware",
    "ambtenarenpanel.security.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and messages: a cached page is served without touching them.
    "ambtenarenpanel.caching.PageCacheMiddleware",
    # After the page cache: a page is compressed once, when it is stored.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ambtenarenpanel.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "ambtenarenpanel.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=0,
    )
}
# Each thread keeps its connection for a minute instead of opening one per request: on
# PostgreSQL that alone halves the page rate; on SQLite a new connection runs the
# PRAGMAs below each time (bench/pages.py: the uncached article went from about 320 to
# about 460 requests per second). Checked before reuse, so that a restarted database or
# a dropped connection costs one retry, never an error page.
DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# --- SQLite beside other processes (docs/caching.md, "Several processes on SQLite")
# WAL: readers never wait for a writer (pages keep loading while a background import
# saves). A writer waits up to SQLITE_TIMEOUT seconds (default 20) for another process's
# write (import_results, the import worker, a second gunicorn worker) instead of failing
# at once; IMMEDIATE takes the write lock when a transaction
# begins, so that a transaction that has read never fails on upgrading to a write.
# If the wait still runs out, the reader gets the form back with a Dutch "try again"
# (503), never a 500. synchronous=NORMAL is safe with WAL and spares a sync per write.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "timeout": env_seconds("SQLITE_TIMEOUT", 20),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Survey figures computed from respondent-level answers (surveys/respondents/): a
# segment with fewer respondents than this is never shown as a figure anywhere ("te
# weinig respondenten"). A whole number from 5 to 20; surveys/checks.py checks a value
# set in another settings module too.
MIN_GROUP_SIZE_RANGE = (5, 20)
MIN_GROUP_SIZE = env_int_between("MIN_GROUP_SIZE", 10, *MIN_GROUP_SIZE_RANGE)

# --- Cache: pages, rate limits (ambtenarenpanel/caching.py, docs/caching.md) ---------
# Shared by every process of the site: without REDIS_URL a folder on this machine
# (CACHE_DIR, default .cache/<database> in the project folder), with it Redis, for
# several machines. A failing cache (Redis stopped, folder not writable) answers like
# an empty one: pages are served uncached and a warning is logged once a minute.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "ambtenarenpanel.cache_backends.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that does not answer costs a request a second at most.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    _database = DATABASES["default"]
    _database_id = "|".join(
        str(_database.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME")
    )
    CACHES = {
        "default": {
            "BACKEND": "ambtenarenpanel.cache_backends.FileCache",
            # One folder per database, so that two sites in one folder never share pages.
            "LOCATION": os.environ.get("CACHE_DIR")
            or str(
                BASE_DIR
                / ".cache"
                / hashlib.sha256(_database_id.encode()).hexdigest()[:12]
            ),
            # Room for every page of a small site in both languages (default: 300).
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Public pages for anonymous readers are kept at most this long in the cache above;
# every write makes every page stale at once, and no page outlives the publish time
# of a scheduled article. 0 turns the page cache off.
PAGE_CACHE_SECONDS = 600
# What front caches (nginx, a CDN, browsers) are told: fresh for a minute, then
# served stale for at most another minute while they fetch the new version.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_STALE_WHILE_REVALIDATE = env_int("PAGE_CACHE_STALE_WHILE_REVALIDATE", 60)
# Comment rate limits count in the cache: while it fails, nothing is counted and
# comments are let through (they wait for moderation) instead of all refused.
RATELIMIT_FAIL_OPEN = True

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic writes (and WhiteNoise serves from) with DEBUG=0.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

SITE_NAME = "Ambtenarenpanel"

# Comments: spam defence without third parties (see articles/forms.py).
COMMENT_MIN_SECONDS = env_int("COMMENT_MIN_SECONDS", 3)
COMMENT_RATE = os.environ.get("COMMENT_RATE", "5/10m")
COMMENT_IP_RETENTION_DAYS = 30
# Where the visitor's IP address is read from: REMOTE_ADDR, or behind a reverse proxy
# the header it sets (e.g. HTTP_X_REAL_IP). Used for the comment rate limit and the
# address kept with a comment.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "REMOTE_ADDR")
# Search is never served from the page cache: searches per address (CLIENT_IP_HEADER)
# are limited, so that a few clients cannot keep every worker busy.
SEARCH_RATE = os.environ.get("SEARCH_RATE", "30/m")
# The rate limit counts in the default cache, shared by every process (see above).

# django-import-export (survey results, see surveys/admin.py). Without these,
# any staff member could open the import or export of an admin that offers it;
# now it takes the model's add or view permission (ResultAdmin asks for more:
# surveys.admin.IMPORT_PERMISSIONS). Formats are set per admin.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

HTTPS = env_flag("HTTPS")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# --- Security: CSP, login limits, cookies, uploads (see SECURITY.md) ----------------
# Content-Security-Policy (django-csp, ambtenarenpanel/security.py): scripts, styles,
# images and fonts come from this site only; no inline script or style attribute, so
# page JavaScript lives in static/js and chart data reaches pages as json_script
# blocks (data, never run). No plugins, no framing by other sites, forms post here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if HTTPS:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

# django-axes: after 5 failed logins for one user name from one address, that
# combination is refused for 15 minutes (other users and addresses are unaffected).
# Attempts are kept in the database and cleaned up once they are older than that;
# successful logins are not logged (no staff addresses kept without need).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "ambtenarenpanel.security.lockout_response"
# The same address as the comment rate limit: CLIENT_IP_HEADER.
AXES_CLIENT_IP_CALLABLE = "ambtenarenpanel.security.client_ip_for_axes"

# Cookies: no script reads the session or CSRF cookie (both HttpOnly, SameSite=Lax
# by Django's default); with HTTPS=1 both are Secure.
CSRF_COOKIE_HTTPONLY = True

# Uploads: a file above UPLOAD_MAX_BYTES is not kept (not in memory, not on disk);
# the form says it is too large (surveys.forms). Files above 2.5 MB wait in the
# system temp folder while the request runs, never under MEDIA_ROOT. An uploaded
# import waits for its confirmation in a folder of its own (surveys/uploads.py).
UPLOAD_MAX_BYTES = 20 * 1024 * 1024
# The background worker reads uploads from this folder too: with a worker on another
# machine, point both at one shared folder (docs/deploy.md).
IMPORT_UPLOAD_DIR = os.environ.get("IMPORT_UPLOAD_DIR") or None
# None: <system temp folder>/ambtenarenpanel-import
FILE_UPLOAD_HANDLERS = [
    "ambtenarenpanel.security.UploadSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- Background work: imports run by a worker (surveys/jobs/, docs/deploy.md) --------
# Django's task framework (the django-tasks backport). TASKS_BACKEND=database (the
# default, also in production, on SQLite or PostgreSQL): tasks wait in the database
# until `manage.py db_worker` runs them; `make run` and `make serve` start one. On
# PostgreSQL several workers, on several machines, take tasks without taking one twice
# (SELECT ... FOR UPDATE SKIP LOCKED). TASKS_BACKEND=immediate runs each task inside the
# request that enqueues it, without a worker: for development only, refused with DEBUG=0.
TASKS_BACKEND = env_choice("TASKS_BACKEND", ("database", "immediate"))
if TASKS_BACKEND == "immediate" and not DEBUG:
    raise ImproperlyConfigured(
        "TASKS_BACKEND=immediate runs imports inside web requests; use it only with DEBUG=1."
    )
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
# An import's progress, heartbeat and cancel request live outside the database, so
# that they are written while the import holds SQLite's write lock
# (surveys/jobs/progress.py): in Redis when REDIS_URL is set (site and workers on
# several machines), else in files in a private folder on this machine.
IMPORT_PROGRESS_DIR = Path(
    os.environ.get("IMPORT_PROGRESS_DIR")
    or Path(tempfile.gettempdir()) / "ambtenarenpanel-import-progress"
)
if REDIS_URL:
    CACHES["import-progress"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "import-progress",
    }
else:
    CACHES["import-progress"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": IMPORT_PROGRESS_DIR,
        # Never cull the entry of a running import (the default culls at 300).
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
# A running import whose worker has not been heard from for this long has stopped
# (killed, machine restarted): it is shown and stored as failed. Its worker reports
# every few seconds, also while the database is busy saving.
IMPORT_JOB_STALE_SECONDS = 30
# Aggregated results files with more rows than this are checked and saved in the
# background, also when uploaded on the synchronous import page.
BACKGROUND_IMPORT_MIN_ROWS = 10_000

# --- Uploaded media on S3-compatible object storage (docs/deploy.md) -----------------
# With AWS_STORAGE_BUCKET_NAME set, uploads (article images) go to that bucket, and the
# Content-Security-Policy lets pages show images from it (ambtenarenpanel/object_storage.py).
S3_BUCKET = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if S3_BUCKET:
    STORAGES["default"], media_origins = s3_storage(S3_BUCKET)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].extend(media_origins)

# --- Uploaded media served by the site (docs/deploy.md, "Uploaded images") ---------
# With the images on disk (no bucket), the site serves them under MEDIA_URL itself, in
# development and under gunicorn alike (ambtenarenpanel/views.py: images only, from
# MEDIA_ROOT only). SERVE_MEDIA=0 when nginx serves /media/ from the same folder.
SERVE_MEDIA = env_flag("SERVE_MEDIA", default=not S3_BUCKET)
# Where an image chosen in a refused admin form waits for the next post (articles/images.py);
# None: <system temp folder>/ambtenarenpanel-images.
PENDING_IMAGE_DIR = None

# Warnings and errors to the console; bad input that Django answers with a 400 in one
# line each, without a traceback (ambtenarenpanel/logs.py).
LOGGING = logging_config()
