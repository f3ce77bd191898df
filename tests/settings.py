"""Settings for the test suite: the site's own settings, plus what makes tests fast.

``pytest`` works bare (no ``DEBUG`` or ``SECRET_KEY`` to export): tests run with DEBUG
off, as in production, with a key that is only for tests. Passwords are hashed with a
fast hasher (the real one costs a third of a second per user), and static files are
collected with their manifest (hashed names, as in production) but not compressed.
A ``.env`` file (``make run`` writes one with DEBUG=1) is never read here.

On SQLite the test database is a file, not memory: the background import tests run a
real worker process (``manage.py db_worker``) against it (tests/support/worker.py). It
does not wait for the disk (``synchronous=OFF``), which keeps it as fast as memory.
Import progress goes to a folder of this test run, which such a worker inherits.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ["ENV_FILE"] = ""
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "insecure-key-for-tests-only")
# The cache folder of this test run, shared with the processes its tests start
# (they inherit the variable), never with the site's own folder or another run.
if not os.environ.get("CACHE_DIR"):
    os.environ["CACHE_DIR"] = tempfile.mkdtemp(prefix="ambtenarenpanel-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CACHE_DIR"], ignore_errors=True)
if not os.environ.get("IMPORT_PROGRESS_DIR"):
    _progress_dir = tempfile.mkdtemp(prefix="ambtenarenpanel-test-progress-")
    os.environ["IMPORT_PROGRESS_DIR"] = _progress_dir
    atexit.register(shutil.rmtree, _progress_dir, ignore_errors=True)

from ambtenarenpanel.settings import *  # noqa: E402, F403
from ambtenarenpanel.settings import DATABASES, STORAGES  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": str(
            Path(tempfile.gettempdir()) / f"ambtenarenpanel-test-{os.getpid()}.sqlite3"
        )
    }
    # A throwaway database need not survive a power cut: no waiting for the disk.
    DATABASES["default"]["OPTIONS"]["init_command"] += "; PRAGMA synchronous=OFF"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    },
}
