"""Page cache for anonymous readers, with exact invalidation, and headers for front caches.

What is cached
    Public pages whose view is marked with ``@cached_page(...)``: the home page, the
    archives, the article page, the feeds, the survey pages, the question pages and
    ``grafiek.json``. They are stored in Django's default cache (local memory, or
    Redis when ``REDIS_URL`` is set) for ``PAGE_CACHE_SECONDS`` at most.

Exact invalidation: generations
    Every cached page depends on a few *scopes*: ``ARTICLES`` (any article,
    category or author: lists, feeds, article pages, the articles citing a
    question), ``SURVEYS`` (any survey data: survey and question pages,
    ``grafiek.json``, charts in articles) and ``article_scope(slug)`` (the approved
    comments of one article). Each scope has a *generation*, a random token kept in
    the cache, and a page's cache key includes the generations of its scopes. A write
    replaces the tokens of the scopes it touches (``invalidate()``), so that every
    page depending on them gets a new key at once; the old entries are never read
    again and simply expire. No list of keys is kept, and a generation lost from the
    cache (evicted, restarted) is replaced by a new random token, which can never
    bring back an old entry.

    Who calls ``invalidate()``: model ``post_save``/``post_delete`` receivers below
    (admin saves, the demo, the shell), and the services that write with
    ``QuerySet.update()`` or bulk operations, which send no signals
    (``articles.services.set_comment_status``/``set_article_status``,
    ``surveys.services.import_results``). Cache invalidation is not domain logic,
    so these receivers don't break the house rule about signals. ``invalidate()``
    bumps at once (so that the writing request, and tests inside a transaction, see
    the change) and again after the commit (so that a page rendered by another
    process from the data before the commit cannot stay cached under the new
    generation).

    ``Result`` rows get no ``post_delete`` receiver on purpose: one would make
    every bulk delete of the import fetch its rows and send a signal per row. The
    import invalidates by itself; deleting results in the admin goes through
    ``InvalidatesPagesOnDeleteAdmin``.

Scheduled articles
    An article whose publish time lies ahead becomes visible without any write. So
    no page is cached beyond the next publish time of a scheduled article (one
    indexed query, itself cached until that moment or the next article write), and
    front caches get a ``max-age`` that ends there too.

Who never gets a cached page, and whose page is never stored
    Requests other than GET/HEAD; requests that carry the session cookie (staff, who
    must see their own edits and whose pages are personal) or the ``messages``
    cookie (a reader who has just posted a comment must see the notice); requests
    with a ``PERSONAL_PARAMETERS`` parameter (the address the comment form redirects
    to) or an ``Authorization`` header (bench/pages.py measures the uncached page
    with one). Their responses get ``Cache-Control: private, no-cache, no-store``. A
    response is only stored when it is a 200 that sets no cookie and does not
    ``Vary: Cookie``: a page that would carry a CSRF token or read the session
    (both set such headers) is never shared, whatever a template does.

    Only the query parameters a view declares (``params=``, e.g. ``pagina``) are
    part of the key; others (``utm_source`` from a newsletter, ...) are removed from
    the request before the view runs, so that they neither split the cache nor leak
    into the page.

The fast path
    ``PageCacheMiddleware`` stands right after WhiteNoise, before the session,
    authentication, CSRF and message middleware: a hit costs two cache reads (the
    generations, then the page), no database query and no session lookup. A page is
    gzipped once, when stored, and served compressed to browsers that accept it.

Fragments: the costly parts of a page that changes often
    The article page is rendered again whenever one of its comments is approved or
    any article changes. Its charts (loaded and rendered from the survey data) and
    its comment list are kept as fragments of their own (``cached_fragment()``), each
    under the scopes it depends on, so that such a render costs two queries and
    reuses the rest.

Deploys
    Every key includes a fingerprint of the templates and static files
    (``_deployment_version()``): after a deploy, no page is served from a shared
    cache with the previous version's markup or static file names. (A deploy that
    changes only Python code keeps the pages, for ``PAGE_CACHE_SECONDS`` at most.)

Front caches (nginx, a CDN, the browser)
    Shared responses carry ``Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE,
    stale-while-revalidate=PAGE_CACHE_STALE_WHILE_REVALIDATE`` and a weak ETag; a
    request whose ``If-None-Match`` matches gets a 304. The comment form on the
    article page has no CSRF token (see ``articles.views``: the POST checks the
    ``Origin``/``Sec-Fetch-Site`` headers instead), so the page is the same for
    every reader. Its spam-timing ``token`` (the time the form was shown) is renewed
    for every reader served here (``fresh_per_visitor()``; readers within the same
    second share one); a front cache serves it at most ``max-age`` old.

    Because a request to the address the comment form redirects to
    (``?reactie=ontvangen``) is personal, neither a browser's cache nor a front cache
    can answer it with the shared page without the moderation notice. Front caches
    should still pass requests with a session cookie through (staff).

Local memory is per process: invalidation then reaches only the process that
made the write. Serve the site from several processes, or run ``import_results``
beside a running site, only with ``REDIS_URL`` set.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import struct
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    has_vary_header,
    patch_vary_headers,
)

ARTICLES = "artikelen"
SURVEYS = "onderzoek"

#: Query parameters that make a URL personal: never served from or stored in any cache.
#: The comment form redirects to ``?reactie=ontvangen`` so that no browser or front
#: cache can answer that request with the shared page without the notice.
PERSONAL_PARAMETERS = frozenset({"reactie"})

MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage.cookie_name
KEY_PREFIX = "pagecache"
_NOT_STORED_HEADERS = {"content-length", "cache-control", "etag", "expires", "date"}


def article_scope(slug: str) -> str:
    """The scope of one article's own page content: its approved comments."""
    return f"artikel:{slug}"


# --- Marking views -------------------------------------------------------------------


@dataclass(frozen=True)
class PagePolicy:
    scopes: tuple[str, ...]
    params: frozenset[str]

    def scopes_for(self, kwargs: dict) -> list[str]:
        return [scope.format(**kwargs) for scope in self.scopes]


def cached_page(*scopes: str, params: Iterable[str] = ()):
    """Mark a view (function, class-based view class or Feed class) as a cacheable public page.

    ``scopes`` are the scopes its content depends on; ``{name}`` is filled in from
    the URL's keyword arguments, e.g. ``"artikel:{slug}"``. ``params`` are the query
    parameters that change the page; any other parameter is ignored and removed.
    """
    policy = PagePolicy(tuple(scopes), frozenset(params))

    def mark(view):
        view.page_cache = policy
        return view

    return mark


@lru_cache(maxsize=2048)
def _policy_for_path(urlconf: str, path: str) -> tuple[PagePolicy, dict] | None:
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    view = match.func
    policy = getattr(view, "page_cache", None) or getattr(
        getattr(view, "view_class", None), "page_cache", None
    )
    return (policy, match.kwargs) if policy else None


def _policy_for(request: HttpRequest) -> tuple[PagePolicy, dict] | None:
    """The view's policy and the URL's keyword arguments, or None: not a cached page.

    Remembered per path, so that a cache hit doesn't walk the URL patterns.
    """
    return _policy_for_path(settings.ROOT_URLCONF, request.path_info)


def fresh_per_visitor(response: HttpResponse, value: str, make: Callable[[], str]):
    """Say that ``value`` in the page is per visitor: a cache hit gets ``make()`` instead.

    ``make`` must be a module-level function (it is stored with the page).
    """
    if not hasattr(response, "_page_cache_fresh"):
        response._page_cache_fresh = []
    response._page_cache_fresh.append((value, make))


# --- Generations ---------------------------------------------------------------------


def _generation_key(scope: str) -> str:
    return f"{KEY_PREFIX}:gen:{scope}"


def _new_generation() -> str:
    return secrets.token_hex(8)


def _generations(scopes: list[str]) -> list[str]:
    keys = [_generation_key(scope) for scope in scopes]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            generation = _new_generation()
            found[key] = (
                generation
                if cache.add(key, generation, None)
                else cache.get(key, generation)
            )
    return [found[key] for key in keys]


def _bump(scopes: tuple[str, ...]) -> None:
    cache.set_many(
        {_generation_key(scope): _new_generation() for scope in scopes}, None
    )


def invalidate(*scopes: str) -> None:
    """Make every cached page that depends on ``scopes`` stale: now and after the commit."""
    if not scopes:
        return
    _bump(scopes)
    transaction.on_commit(lambda: _bump(scopes))


# --- Scheduled articles --------------------------------------------------------------


def _next_publish_time(articles_generation: str) -> float | None:
    """When the next scheduled article becomes visible (a timestamp), or None.

    Kept per generation of ``ARTICLES``: an article write, which may schedule one,
    starts a new generation, so a value read before that write is never used after it.
    """
    key = f"{KEY_PREFIX}:next-publish:{articles_generation}"
    entry = cache.get(key)
    if entry is None or (entry[0] is not None and entry[0] <= time.time()):
        from articles.models import Article

        published_at = (
            Article.objects.filter(
                status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
            )
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        entry = (published_at.timestamp() if published_at else None,)
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    return entry[0]


# --- The middleware ------------------------------------------------------------------


def _is_personal(request: HttpRequest) -> bool:
    return bool(
        request.method not in ("GET", "HEAD")
        or "HTTP_AUTHORIZATION" in request.META
        # An empty value is a deleted cookie (some clients still send it).
        or (
            "HTTP_COOKIE" in request.META
            and (
                request.COOKIES.get(settings.SESSION_COOKIE_NAME)
                or request.COOKIES.get(MESSAGES_COOKIE)
            )
        )
        or (
            request.META.get("QUERY_STRING")
            and not PERSONAL_PARAMETERS.isdisjoint(request.GET)
        )
    )


def _drop_unknown_params(request: HttpRequest, policy: PagePolicy) -> str:
    """Remove undeclared query parameters from ``request``; return the declared ones."""
    if not request.META.get("QUERY_STRING"):
        return ""
    kept = QueryDict(mutable=True)
    for name in sorted(policy.params.intersection(request.GET)):
        kept.setlist(name, request.GET.getlist(name))
    query = kept.urlencode()
    if len(kept) != len(request.GET):
        request.GET = QueryDict(query)
        request.META["QUERY_STRING"] = query
    return query


@lru_cache(maxsize=1)
def _deployment_version() -> str:
    """A fingerprint of the templates and static files this process serves.

    Part of every key, so that after a deploy no page or fragment stored by the
    previous version (with its static file names) is served from a shared cache.
    """
    digest = hashlib.sha256()
    for path in sorted((settings.BASE_DIR / "templates").rglob("*.html")):
        digest.update(path.read_bytes())
    manifest = getattr(staticfiles_storage, "hashed_files", None) or {}
    digest.update(repr(sorted(manifest.items())).encode())
    return digest.hexdigest()[:16]


def _key(kind: str, *parts: str) -> str:
    text = "\n".join([_deployment_version(), *parts])
    return f"{KEY_PREFIX}:{kind}:{hashlib.sha256(text.encode()).hexdigest()}"


def _page_key(request: HttpRequest, query: str, generations: list[str]) -> str:
    language = translation.get_language_from_request(request)
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return _key("page", url, language, *generations)


def cached_fragment(
    name: str, *, scopes: Iterable[str], vary: str, render: Callable[[], str]
) -> str:
    """``render()``, kept in the cache until one of ``scopes`` changes.

    For a costly part of a page that changes less often than the page: the charts
    of an article stay when a comment is approved. ``vary`` is whatever else the
    fragment depends on (e.g. the article's body); the language is added.
    """
    if settings.PAGE_CACHE_SECONDS <= 0:
        return render()
    key = _key(
        "fragment", name, vary, translation.get_language(), *_generations(list(scopes))
    )
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, settings.PAGE_CACHE_SECONDS)
    return html


# Readers who load the page in the same second share a value (a display time, say).
_fresh_values: dict[Callable[[], str], tuple[int, bytes]] = {}


def _fresh_value(make: Callable[[], str]) -> bytes:
    second = int(time.time())
    made = _fresh_values.get(make)
    if made is None or made[0] != second:
        made = _fresh_values[make] = (second, make().encode())
    return made[1]


_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _deflate(part: bytes, *, last: bool) -> bytes:
    """``part`` as raw deflate blocks of their own: byte-aligned and not final, or final."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(part) + compressor.flush(
        zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH
    )


def _stored_block(value: bytes) -> bytes:
    """``value`` as an uncompressed (stored) deflate block, not final."""
    return b"\x00" + struct.pack("<HH", len(value), len(value) ^ 0xFFFF) + value


@dataclass
class CachedPage:
    """A stored page: its parts around the per-visitor values, plain and gzipped.

    Compressed once, when stored: each part is a deflate stream of its own, so that a
    hit splices the fresh values in between as stored blocks (as pigz joins its
    chunks) and only computes the checksum of what follows the first value.
    """

    parts: list[bytes]
    makes: list[Callable[[], str]]
    gzip_parts: list[bytes] | None
    first_crc: int
    headers: dict[str, str]
    etag: str
    #: Timestamp after which the page may be out of date (a scheduled article), or None.
    stale_at: float | None

    @classmethod
    def from_response(cls, response: HttpResponse, stale_at: float | None):
        parts, makes = [response.content], []
        for value, make in getattr(response, "_page_cache_fresh", []):
            value = value.encode()
            if value and value in parts[-1]:
                before, after = parts[-1].split(value, 1)
                parts[-1:] = [before, after]
                makes.append(make)
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in _NOT_STORED_HEADERS
        }
        size = sum(map(len, parts))
        gzip_parts = None
        if "Content-Encoding" not in response and size > 500:
            gzip_parts = [
                _deflate(part, last=number == len(parts) - 1)
                for number, part in enumerate(parts)
            ]
            gzip_parts[0] = _GZIP_HEADER + gzip_parts[0]
            if sum(map(len, gzip_parts)) >= size:
                gzip_parts = None
        md5 = hashlib.md5(usedforsecurity=False)
        for part in parts:
            md5.update(part)
        etag = f'W/"{md5.hexdigest()}"'
        return cls(
            parts, makes, gzip_parts, zlib.crc32(parts[0]), headers, etag, stale_at
        )

    def response(self, request: HttpRequest) -> HttpResponse:
        values = [_fresh_value(make) for make in self.makes]
        gzipped = self.gzip_parts is not None and _ACCEPTS_GZIP.search(
            request.META.get("HTTP_ACCEPT_ENCODING", "")
        )
        if gzipped:
            body, crc, size = [self.gzip_parts[0]], self.first_crc, len(self.parts[0])
            for value, part, compressed in zip(
                values, self.parts[1:], self.gzip_parts[1:], strict=True
            ):
                body += [_stored_block(value), compressed]
                crc = zlib.crc32(part, zlib.crc32(value, crc))
                size += len(value) + len(part)
            body.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
        else:
            body = [self.parts[0]]
            for value, part in zip(values, self.parts[1:], strict=True):
                body += [value, part]
        content = b"".join(body)
        response = HttpResponse(content, headers=self.headers)
        response.headers["Content-Length"] = str(len(content))
        if gzipped:
            response.headers["Content-Encoding"] = "gzip"
        return response


def _storable(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not any(
            word in cache_control for word in ("private", "no-store", "no-cache")
        )
    )


def _shared_response(request: HttpRequest, page: CachedPage) -> HttpResponse:
    """The page for this reader, with the headers for front caches, or a 304."""
    response = page.response(request)
    max_age = settings.PAGE_CACHE_MAX_AGE
    stale = settings.PAGE_CACHE_STALE_WHILE_REVALIDATE
    if page.stale_at is not None:
        left = max(0, int(page.stale_at - time.time()))
        max_age = min(max_age, left)
        stale = min(stale, left - max_age)
    directives = ["public", f"max-age={max_age}"]
    if stale > 0:
        directives.append(f"stale-while-revalidate={stale}")
    response.headers["Cache-Control"] = ", ".join(directives)
    response.headers["ETag"] = page.etag
    return get_conditional_response(request, etag=page.etag, response=response)


class PageCacheMiddleware:
    """Serve and store the pages marked with ``@cached_page`` (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        found = _policy_for(request) if settings.PAGE_CACHE_SECONDS > 0 else None
        if found is None:
            return self.get_response(request)
        if _is_personal(request):
            response = self.get_response(request)
            add_never_cache_headers(response)
            return response

        policy, kwargs = found
        query = _drop_unknown_params(request, policy)
        scopes = policy.scopes_for(kwargs)
        generations = _generations(scopes)
        key = _page_key(request, query, generations)
        page = cache.get(key)
        if page is not None:
            return _shared_response(request, page)

        response = self.get_response(request)
        if not _storable(response):
            if response.status_code == 200:
                add_never_cache_headers(response)
            return response
        # Only pages that show articles change when a scheduled one appears.
        stale_at = (
            _next_publish_time(generations[scopes.index(ARTICLES)])
            if ARTICLES in scopes
            else None
        )
        patch_vary_headers(response, ["Accept-Encoding"])
        page = CachedPage.from_response(response, stale_at)
        timeout = settings.PAGE_CACHE_SECONDS
        if stale_at is not None:
            timeout = min(timeout, int(stale_at - time.time()))
        if timeout > 0:
            cache.set(key, page, timeout)
        return _shared_response(request, page)


# --- Invalidation on writes ----------------------------------------------------------


class InvalidatesPagesOnDeleteAdmin:
    """Admin mixin: deleting rows of a model without ``post_delete`` receivers invalidates ``page_cache_scopes``."""

    page_cache_scopes: tuple[str, ...] = (SURVEYS,)

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        invalidate(*self.page_cache_scopes)

    def delete_queryset(self, request, queryset) -> None:
        super().delete_queryset(request, queryset)
        invalidate(*self.page_cache_scopes)


def _articles_changed(sender, **kwargs) -> None:
    invalidate(ARTICLES)


def _surveys_changed(sender, **kwargs) -> None:
    invalidate(SURVEYS)


def _comment_saved(sender, instance, created: bool, **kwargs) -> None:
    # A new comment waits for moderation: the public page stays as it is.
    if created and instance.status != instance.Status.APPROVED:
        return
    invalidate(article_scope(instance.article.slug))


def _comment_deleted(sender, instance, origin=None, **kwargs) -> None:
    from articles.models import Article

    # Deleting an article deletes its comments; invalidating ARTICLES covers its page.
    if isinstance(origin, Article) or getattr(origin, "model", None) is Article:
        return
    slug = (
        Article.objects.filter(pk=instance.article_id)
        .values_list("slug", flat=True)
        .first()
    )
    if slug is not None:
        invalidate(article_scope(slug))


def connect_receivers() -> None:
    """Connect the invalidation receivers (called once from ``ArticlesConfig.ready()``)."""
    from articles.models import Article, Author, Category, Comment
    from surveys.models import AnswerOption, Question, Result, Segment, Survey

    for model in (Article, Author, Category):
        for signal in (post_save, post_delete):
            signal.connect(
                _articles_changed, sender=model, dispatch_uid=f"pagecache-{model}"
            )
    for model in (Survey, Question, AnswerOption, Segment, Result):
        post_save.connect(
            _surveys_changed, sender=model, dispatch_uid=f"pagecache-save-{model}"
        )
    for model in (Survey, Question, AnswerOption, Segment):  # not Result: see above
        post_delete.connect(
            _surveys_changed, sender=model, dispatch_uid=f"pagecache-delete-{model}"
        )
    post_save.connect(_comment_saved, sender=Comment, dispatch_uid="pagecache-comment")
    post_delete.connect(
        _comment_deleted, sender=Comment, dispatch_uid="pagecache-comment-delete"
    )
