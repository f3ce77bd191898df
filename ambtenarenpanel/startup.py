"""Starting a process of the site: settings that cannot load give one line, not a traceback.

``manage.py`` and ``wsgi.py`` (gunicorn) load the settings through ``load_settings()``
first. A missing or invalid setting (``ImproperlyConfigured`` from settings.py, or a
value a library cannot parse, such as a ``DATABASE_URL`` with an unknown scheme) is
printed as one line on stderr and the process stops.
"""

from __future__ import annotations

import sys

#: gunicorn's exit status for "App failed to load": its master then stops instead of
#: starting new workers that would fail the same way.
APP_LOAD_ERROR = 4


def settings_error() -> str | None:
    """Load the settings; None when they load, else why not, in one line."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018 (imports the settings module)
    except ImproperlyConfigured as error:
        return str(error)
    except (ValueError, TypeError, KeyError) as error:
        # e.g. dj-database-url's UnknownSchemeError for DATABASE_URL=foo://...
        return f"{type(error).__name__}: {error}"
    return None


def load_settings(*, exit_status: int = 1) -> None:
    """Load the settings, or print the reason on one line and exit with ``exit_status``."""
    error = settings_error()
    if error is not None:
        message = " ".join(error.split())
        print(f"Instellingen kloppen niet: {message}", file=sys.stderr, flush=True)
        raise SystemExit(exit_status)
