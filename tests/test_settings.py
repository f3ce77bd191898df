"""Settings come from the environment (PRODUCT.md, Environment).

Each case imports the settings module in a fresh interpreter with a clean
environment, the way a server process would start.
"""

from pathlib import Path

from tests.support.processes import PROJECT_DIR, printed_lines, run_python

PRINT_SETTINGS = """
from ambtenarenpanel import settings
db = settings.DATABASES["default"]
print("DEBUG", settings.DEBUG)
print("ENGINE", db["ENGINE"])
print("NAME", db["NAME"])
print("HOST", db.get("HOST", ""))
print("PORT", db.get("PORT", ""))
print("USER", db.get("USER", ""))
print("ALLOWED_HOSTS", ",".join(settings.ALLOWED_HOSTS))
print("SSL_REDIRECT", getattr(settings, "SECURE_SSL_REDIRECT", False))
"""


def printed_settings(**environ: str) -> dict[str, str]:
    return printed_lines(run_python(PRINT_SETTINGS, **environ))


def test_without_secret_key_and_debug_off_the_settings_refuse_to_load():
    result = run_python("import ambtenarenpanel.settings", DEBUG="0")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_without_secret_key_and_without_debug_variable_the_settings_refuse_to_load():
    result = run_python("import ambtenarenpanel.settings")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_an_empty_secret_key_counts_as_missing():
    result = run_python("import ambtenarenpanel.settings", SECRET_KEY="")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_with_debug_on_a_development_key_is_used_when_none_is_given():
    result = run_python("import ambtenarenpanel.settings", DEBUG="1")

    assert result.returncode == 0, result.stderr


def test_debug_is_off_by_default():
    assert printed_settings(SECRET_KEY="een-echte-sleutel")["DEBUG"] == "False"


def test_debug_1_switches_debug_on_and_0_keeps_it_off():
    assert printed_settings(DEBUG="1")["DEBUG"] == "True"
    assert printed_settings(DEBUG="0", SECRET_KEY="x")["DEBUG"] == "False"


def test_without_database_url_the_sqlite_file_in_the_project_folder_is_used():
    values = printed_settings(SECRET_KEY="x")

    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(values["NAME"]) == PROJECT_DIR / "db.sqlite3"


def test_an_empty_database_url_counts_as_missing():
    values = printed_settings(SECRET_KEY="x", DATABASE_URL="")

    assert values["ENGINE"] == "django.db.backends.sqlite3"


def test_a_postgres_database_url_selects_postgresql_with_its_parts():
    values = printed_settings(
        SECRET_KEY="x",
        DATABASE_URL="postgres://panel:wachtwoord@db.example.org:5433/ambtenarenpanel",
    )

    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert values["NAME"] == "ambtenarenpanel"
    assert values["HOST"] == "db.example.org"
    assert values["PORT"] == "5433"
    assert values["USER"] == "panel"


def test_allowed_hosts_default_to_localhost_and_are_read_comma_separated():
    assert printed_settings(SECRET_KEY="x")["ALLOWED_HOSTS"] == "localhost,127.0.0.1"
    values = printed_settings(
        SECRET_KEY="x", ALLOWED_HOSTS="panel.example.nl, www.panel.example.nl"
    )
    assert values["ALLOWED_HOSTS"] == "panel.example.nl,www.panel.example.nl"


def test_https_1_redirects_to_https_and_is_off_by_default():
    assert printed_settings(SECRET_KEY="x")["SSL_REDIRECT"] == "False"
    assert printed_settings(SECRET_KEY="x", HTTPS="1")["SSL_REDIRECT"] == "True"


PRINT_MEDIA_SETTINGS = """
from ambtenarenpanel import settings
storage = settings.STORAGES["default"]
print("BACKEND", storage["BACKEND"])
print("OPTIONS", sorted((storage.get("OPTIONS") or {}).items()))
print("IMG_SRC", " ".join(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]))
print("STATIC_ROOT", settings.STATIC_ROOT)
"""


def test_without_a_bucket_uploads_stay_on_disk_and_images_come_from_the_site_only():
    printed = printed_lines(run_python(PRINT_MEDIA_SETTINGS, DEBUG="1"))

    assert printed["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert printed["IMG_SRC"] == "'self' data:"
    assert printed["STATIC_ROOT"] == str(PROJECT_DIR / "staticfiles")


def test_a_bucket_sends_uploads_to_s3_and_lets_the_pages_show_its_images():
    result = run_python(
        PRINT_MEDIA_SETTINGS,
        DEBUG="1",
        AWS_STORAGE_BUCKET_NAME="panel-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.nl",
        STATIC_ROOT="/srv/release/static",
    )
    printed = printed_lines(result)

    assert printed["BACKEND"] == "storages.backends.s3.S3Storage"
    assert "('bucket_name', 'panel-media')" in printed["OPTIONS"]
    assert "('endpoint_url', 'https://s3.example.nl')" in printed["OPTIONS"]
    assert "('querystring_auth', False)" in printed["OPTIONS"]
    assert printed["IMG_SRC"] == "'self' data: https://s3.example.nl"
    assert printed["STATIC_ROOT"] == "/srv/release/static"
