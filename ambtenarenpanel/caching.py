"""Shared pages for anonymous readers under one site-wide content version.

Every content write bumps the version; cached pages are keyed by it, so a write in any
process that shares the cache (a file folder on one machine, or Redis) makes every page
stale at once. Apps say what invalidates in their own ``ready()``; bulk writers call
``invalidate()``. Why it looks like this, with the figures: docs/caching.md.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import add_never_cache_headers as never_cache
from django.utils.cache import get_conditional_response, has_vary_header
from django.utils.http import http_date

#: Query parameters that make a URL personal: never answered from or stored in a cache.
#: The comment form redirects to ``?reactie=ontvangen``, which shows the reader's notice.
PERSONAL_PARAMETERS = frozenset({"reactie"})
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage.cookie_name
VERSION_KEY = "pages:version"
_NOT_STORED_HEADERS = {"content-length", "cache-control", "etag", "expires", "date"}
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as django.middleware.gzip reads it

_next_change_sources: list[Callable[[], datetime | None]] = []
_unless: dict[type, Callable] = {}


def invalidate() -> None:
    """Make every cached page stale: now, and again when the transaction commits.

    The second bump makes unreachable a page that another process rendered from the
    data before the commit and stored under the first new version.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def invalidate_on_write(*models: type, on_delete: bool = True, unless=None) -> None:
    """Invalidate whenever a row of ``models`` is saved or deleted.

    ``unless(instance, created)`` may say that a save changes no public page. No
    ``post_delete`` receiver with ``on_delete=False`` (one makes Django fetch every row of
    a bulk delete): for models that services delete in bulk and invalidate themselves.
    """
    for model in models:
        if unless is not None:
            _unless[model] = unless
        uid = f"pagecache-{model._meta.label}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        if on_delete:
            post_delete.connect(_deleted, sender=model, dispatch_uid=uid)


def register_next_change(source: Callable[[], datetime | None]) -> None:
    """Register ``source()``: the next time pages change without a write (a scheduled article)."""
    if source not in _next_change_sources:
        _next_change_sources.append(source)


def _saved(sender, instance, created: bool, **kwargs) -> None:
    unless = _unless.get(sender)
    if unless is None or not unless(instance, created):
        invalidate()


def _deleted(sender, **kwargs) -> None:
    invalidate()


class InvalidatesPagesOnDeleteAdmin:
    """Admin mixin for a model registered with ``on_delete=False``: its admin deletes invalidate."""

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        invalidate()

    def delete_queryset(self, request, queryset) -> None:
        super().delete_queryset(request, queryset)
        invalidate()


# A process reads the version at most this often (a hit then costs one read, not two): a
# write elsewhere shows within this time, in the writing process at once. Kept on the
# thread's cache object, so that another cache starts afresh.
VERSION_READ_EVERY = 0.2


def _remember(version: str | None) -> str | None:
    caches["default"].read_version = (time.monotonic() + VERSION_READ_EVERY, version)
    return version


def _bump() -> None:
    cache.set(VERSION_KEY, _remember(secrets.token_hex(8)), None)


def current_version() -> str | None:
    """The version all processes agree on, or None when the cache is failing."""
    until, version = getattr(caches["default"], "read_version", (0.0, None))
    if version is not None and time.monotonic() < until:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY)
    return _remember(version)


def _next_change(version: str) -> float | None:
    """When a page of this version goes out of date by itself (a timestamp), or None."""
    key = f"pages:next:{version}"
    found = cache.get(key)
    if found is None or (found[0] is not None and found[0] <= time.time()):
        moments = [source() for source in _next_change_sources]
        found = (min((m.timestamp() for m in moments if m), default=None),)
        cache.set(key, found, settings.PAGE_CACHE_SECONDS)
    return found[0]


@lru_cache(maxsize=1)
def _deployment_version() -> str:
    """A fingerprint of the templates and static files: after a deploy, no page stored by
    the previous release (with its static file names) is served from a shared cache."""
    digest = hashlib.sha256()
    for path in sorted((settings.BASE_DIR / "templates").rglob("*.html")):
        digest.update(path.read_bytes())
    manifest = getattr(staticfiles_storage, "hashed_files", None) or {}
    digest.update(repr(sorted(manifest.items())).encode())
    return digest.hexdigest()[:16]


def _key(kind: str, *parts: str) -> str:
    text = "\n".join([_deployment_version(), *parts])
    return f"pages:{kind}:{hashlib.sha256(text.encode()).hexdigest()}"


def cached_fragment(name: str, *, vary: str, render: Callable[[], str]) -> str:
    """``render()``, kept under the current version: for the costly part of a page that
    is also rendered for readers the page cache does not answer (staff, a comment post)."""
    version = current_version() if settings.PAGE_CACHE_SECONDS > 0 else None
    if version is None:
        return render()
    key = _key("fragment", version, name, vary, translation.get_language())
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, settings.PAGE_CACHE_SECONDS)
    return html


def cached_page(*, params: Iterable[str] = ()):
    """Mark a view (function, class-based view class or Feed class) as a shared public page.

    ``params``: the query parameters that change the page; any other is removed from the
    request before the view runs (``utm_source`` from a newsletter, ...).
    """
    allowed = frozenset(params)

    def mark(view):
        view.page_cache_params = allowed
        return view

    return mark


@lru_cache(maxsize=2048)
def _params_for_path(urlconf: str, path: str) -> frozenset[str] | None:
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    for view in (match.func, getattr(match.func, "view_class", None)):
        params = getattr(view, "page_cache_params", None)
        if params is not None:
            return params
    return None


def _is_personal(request: HttpRequest) -> bool:
    """Staff (session), a reader with a notice (messages, ``?reactie=``), credentials, a post.

    An empty cookie value is a deleted cookie (some clients still send it)."""
    cookies = request.COOKIES if "HTTP_COOKIE" in request.META else {}
    return bool(
        request.method not in ("GET", "HEAD")
        or "HTTP_AUTHORIZATION" in request.META
        or cookies.get(settings.SESSION_COOKIE_NAME)
        or cookies.get(MESSAGES_COOKIE)
        or (
            bool(request.META.get("QUERY_STRING"))
            and not PERSONAL_PARAMETERS.isdisjoint(request.GET)
        )
    )


def _drop_unknown_params(request: HttpRequest, params: frozenset[str]) -> str:
    """Remove undeclared query parameters from ``request``; return the declared ones."""
    if not request.META.get("QUERY_STRING"):
        return ""
    kept = QueryDict(mutable=True)
    for name in sorted(params.intersection(request.GET)):
        kept.setlist(name, request.GET.getlist(name))
    query = kept.urlencode()
    if len(kept) != len(request.GET):
        request.GET = QueryDict(query)
        request.META["QUERY_STRING"] = query
    return query


def _page_key(request: HttpRequest, query: str, version: str) -> str:
    # GZipMiddleware (after this one) compresses for browsers that accept it.
    gzip = _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    language = translation.get_language_from_request(request)
    return _key("page", version, url, language, "gzip" if gzip else "")


def _storable(response: HttpResponse) -> bool:
    """A 200 that is the same for everyone: no cookie, no ``Vary: Cookie`` (a CSRF token
    or a session read sets both), nothing marked private."""
    cache_control = response.get("Cache-Control", "")
    private = ("private", "no-store", "no-cache")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not any(word in cache_control for word in private)
    )


def _stored_page(response: HttpResponse, stale_at: float | None) -> dict:
    return {  # plain data: status, headers, bytes, validators
        "status": response.status_code,
        "headers": {
            name: value
            for name, value in response.items()
            if name.lower() not in _NOT_STORED_HEADERS
        },
        "content": response.content,
        "etag": f'W/"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"',
        "modified": int(time.time()),
        "stale_at": stale_at,
    }


def _shared_response(request: HttpRequest, page: dict) -> HttpResponse:
    """The page with headers for front caches (max-age ending at ``stale_at``), or a 304."""
    response = HttpResponse(
        page["content"], status=page["status"], headers=page["headers"]
    )
    left = float("inf") if page["stale_at"] is None else page["stale_at"] - time.time()
    max_age = int(max(0, min(settings.PAGE_CACHE_MAX_AGE, left)))
    stale = int(min(settings.PAGE_CACHE_STALE_WHILE_REVALIDATE, left - max_age))
    response["Cache-Control"] = f"public, max-age={max_age}" + (
        f", stale-while-revalidate={stale}" if stale > 0 else ""
    )
    response["Content-Length"] = str(len(page["content"]))
    response["ETag"] = page["etag"]
    response["Last-Modified"] = http_date(page["modified"])
    return get_conditional_response(
        request, etag=page["etag"], last_modified=page["modified"], response=response
    )


class PageCacheMiddleware:
    """Serve and store the pages marked with ``@cached_page`` for anonymous readers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        params = None
        if settings.PAGE_CACHE_SECONDS > 0:
            params = _params_for_path(settings.ROOT_URLCONF, request.path_info)
        if params is None:
            return self.get_response(request)
        if _is_personal(request):
            response = self.get_response(request)
            never_cache(response)
            return response

        query = _drop_unknown_params(request, params)
        version = current_version()
        if version is None:  # the cache is failing: every page is rendered
            return self.get_response(request)
        key = _page_key(request, query, version)
        page = cache.get(key)
        if page and (page["stale_at"] or float("inf")) > time.time():
            return _shared_response(request, page)

        # Before the view reads the data: a render that ends after a scheduled article's
        # time must go stale at that time, not be kept as if none were due.
        stale_at = _next_change(version)
        response = self.get_response(request)
        if not _storable(response):
            if response.status_code == 200:
                never_cache(response)
            return response
        page = _stored_page(response, stale_at)
        timeout = settings.PAGE_CACHE_SECONDS
        if page["stale_at"] is not None:
            timeout = min(timeout, int(page["stale_at"] - time.time()))
        if timeout > 0:
            cache.set(key, page, timeout)
        return _shared_response(request, page)
