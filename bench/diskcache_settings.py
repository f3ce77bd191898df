"""bench/pages.py ``--caches diskcache``: the site's settings with diskcache's Django backend.

For comparison with the file cache only (docs/caching.md); diskcache is not a dependency
of the site: ``pip install diskcache`` first.
"""

import os

from ambtenarenpanel.settings import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "diskcache.DjangoCache",
        "LOCATION": os.environ["CACHE_DIR"],
        "OPTIONS": {"size_limit": 2**30},
    }
}
