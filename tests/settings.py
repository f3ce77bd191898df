"""Settings for the test suite: the site's own settings, plus what makes tests fast.

``pytest`` works bare (no ``DEBUG`` or ``SECRET_KEY`` to export): tests run with DEBUG
off, as in production, with a key that is only for tests. Passwords are hashed with a
fast hasher (the real one costs a third of a second per user), and static files are
collected with their manifest (hashed names, as in production) but not compressed.
A ``.env`` file (``make run`` writes one with DEBUG=1) is never read here.
"""

import atexit
import os
import shutil
import tempfile

os.environ["ENV_FILE"] = ""
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "insecure-key-for-tests-only")
# The cache folder of this test run, shared with the processes its tests start
# (they inherit the variable), never with the site's own folder or another run.
if not os.environ.get("CACHE_DIR"):
    os.environ["CACHE_DIR"] = tempfile.mkdtemp(prefix="ambtenarenpanel-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CACHE_DIR"], ignore_errors=True)

from ambtenarenpanel.settings import *  # noqa: E402, F403
from ambtenarenpanel.settings import STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    },
}
