"""The cache backends of the site: Django's file-based and Redis caches that degrade.

When the backend fails (Redis stopped, the folder not writable), they answer like an
empty cache that stores nothing, so that every page is rendered uncached and answers 200
(ambtenarenpanel/caching.py, docs/caching.md); a warning is logged once a minute per
process, not per request. When the backend answers again, caching resumes.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from ambtenarenpanel.caching import VERSION_KEY

logger = logging.getLogger("ambtenarenpanel.caching")

_last_warning = 0.0


class DegradingCache:
    """Mixin for a cache backend: when the backend fails, it answers like an empty cache
    that stores nothing. When it answers again, the content version starts anew, since
    writes in between could not bump it."""

    _failing = False

    def _failed(self, error: Exception, fallback=None):
        """Logs a warning once a minute per process, not once per request."""
        global _last_warning
        self._failing = True
        if not 0 <= time.time() - _last_warning < 60:
            _last_warning = time.time()
            logger.warning(
                "Cache %s unavailable (%r): pages are served uncached, rate limits are "
                "not counted, until it is back.",
                type(self).__name__,
                error,
            )
        return fallback

    def _try(self, fallback, call, *args):
        try:
            result = call(*args)
        except ValueError:  # incr() of a missing key: the contract, not a failure
            raise
        except Exception as error:
            return self._failed(error, fallback)
        if self._failing:
            self._failing = False
            logger.warning(
                "Cache %s is back: pages are cached again.", type(self).__name__
            )
            self._try(None, super().delete, VERSION_KEY, None)
        return result

    def get(self, key, default=None, version=None):
        return self._try(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._try({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._try(False, super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(None, super().set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().add, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().touch, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._try(None, super().incr, key, delta, version)

    def delete(self, key, version=None):
        return self._try(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._try(None, super().delete_many, keys, version)

    def clear(self):
        self.read_version = (0.0, None)
        return self._try(None, super().clear)


class FileCache(DegradingCache, FileBasedCache):
    """The embedded default: a folder shared by the site's processes on this machine."""

    def _createdir(self):
        try:
            super()._createdir()
        except OSError as error:  # e.g. a read-only release folder: set CACHE_DIR
            self._failed(error)


class RedisCache(DegradingCache, DjangoRedisCache):
    """Shared by every process on every machine (``REDIS_URL``)."""
