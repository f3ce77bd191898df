"""Settings for bench/scale.py: the site's own, with every cache off and no search limit.

The page cache, the cached fragments (an article's charts and comments) and the rate
limits all use the default cache; the dummy cache keeps nothing, so that every
request is rendered from the database, as the first reader after a change gets it.
"""

from ambtenarenpanel.settings import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
SEARCH_RATE = "1000000/s"
