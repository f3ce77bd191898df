"""Site-wide defences that are not a view's job; SECURITY.md says what each one is for.

- ``CSPMiddleware``: the Content-Security-Policy of ``settings.CONTENT_SECURITY_POLICY``
  on every response; admin pages also allow the article editor's one inline script
  and one inline style, by hash.
- ``client_ip_for_axes``, ``lockout_response``: django-axes counts failed logins per
  user name and address (read as for the comment rate limit, ``CLIENT_IP_HEADER``)
  and shows a Dutch page after too many.
- ``UploadSizeLimitHandler``: an uploaded file larger than ``settings.UPLOAD_MAX_BYTES``
  is not written anywhere; the form gets a stand-in of that size to refuse it.
- ``posted_from_this_site``: the CSRF check of the forms on shared, cached pages (the
  comment form, the language switch), which carry no CSRF token.
- ``CrossOriginResourcePolicyMiddleware``: ``Cross-Origin-Resource-Policy: same-origin``.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.urls import reverse


def csp_hash(content: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    digest = base64.b64encode(hashlib.sha256(content.encode()).digest()).decode()
    return f"'sha256-{digest}'"


@cache
def prose_editor_importmap_hash() -> str:
    """The hash of the import map that django-prose-editor writes into admin pages.

    The editor loads its JavaScript modules through an inline
    ``<script type="importmap">``; browsers apply ``script-src`` to it, and Django
    5.2's admin cannot give it a nonce. The map holds the hashed static file names,
    so it is computed once per process, after collectstatic.
    """
    from django_prose_editor.widgets import importmap

    html = importmap.render()
    return csp_hash(html[html.index(">") + 1 : html.rindex("</script>")])


@cache
def prose_editor_style_hashes() -> tuple[str, ...]:
    """The hash of the base CSS that the editor (Tiptap) adds as a ``<style>`` element.

    The CSS is a constant in the editor's bundle, read from there so that an upgrade
    of the editor cannot silently break it (tests/test_security_headers.py checks
    that it is found).
    """
    import django_prose_editor

    bundle = (
        Path(django_prose_editor.__file__).parent
        / "static"
        / "django_prose_editor"
        / "editor.js"
    ).read_text(encoding="utf-8")
    return tuple(csp_hash(css) for css in TIPTAP_CSS.findall(bundle))


# Tiptap's injected CSS is a template literal that starts with this rule.
TIPTAP_CSS = re.compile(r"`(\.ProseMirror \{\n[^`$]*)`")


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware; admin pages may also run the article editor's import map."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(reverse("admin:index")):
            # The article editor (django-prose-editor) needs exactly one inline
            # script (its import map) and one inline style (Tiptap's base CSS);
            # both are allowed by hash, every other inline script or style stays
            # blocked, in the admin too.
            parts.update = {
                **(parts.update or {}),
                "script-src": [prose_editor_importmap_hash()],
                "style-src": list(prose_editor_style_hashes()),
            }
        return parts


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's IP address, or None when there is no valid one.

    Read from ``settings.CLIENT_IP_HEADER``: ``REMOTE_ADDR`` by default, the header
    set by the proxy (e.g. ``HTTP_X_REAL_IP``) when the site runs behind one.
    """
    value = request.META.get(settings.CLIENT_IP_HEADER, "").split(",")[0].strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip_for_axes(request: HttpRequest) -> str | None:
    return client_ip(request)


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """The page after too many failed logins: what happened and for how long, in Dutch."""
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "lockout.html", context, status=429)


class TooLargeUpload(SimpleUploadedFile):
    """What is left of an upload over the limit: no content, only its name and size."""

    def __init__(self, name: str, size: int, content_type: str | None):
        super().__init__(name, b"", content_type)
        self.size = size


class UploadSizeLimitHandler(FileUploadHandler):
    """Stops keeping an uploaded file once it passes ``settings.UPLOAD_MAX_BYTES``.

    First in ``FILE_UPLOAD_HANDLERS``: up to the limit the data goes on to Django's
    own handlers (memory, then a temporary file); past it, they get nothing more and
    the file arrives as a ``TooLargeUpload`` with its real size, which the form refuses
    with a message (e.g. ``surveys.forms.ResultImportForm``). So a huge upload fills
    neither the memory nor the disk, and the person gets a clear message instead of a
    dropped connection.
    """

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_BYTES:
            return None
        return raw_data

    def file_complete(self, file_size: int) -> TooLargeUpload | None:
        if self.received > settings.UPLOAD_MAX_BYTES:
            return TooLargeUpload(self.file_name, self.received, self.content_type)
        return None


def posted_from_this_site(request: HttpRequest) -> bool:
    """Whether a POST was sent from a page of this site: the CSRF defence of forms on
    shared pages.

    The article page (and every page's language switch) is one page for every reader
    (cached, also by front caches), so its forms carry no CSRF token. The browser's own
    headers say where the form was instead: ``Sec-Fetch-Site: same-origin``; without it
    an ``Origin`` of this site; without that a ``Referer`` of this site (OWASP,
    "Verifying Origin With Standard Headers"). A request with none of them needs a valid
    CSRF token, as Django's middleware checks it. Such forms grant no session
    privileges: a comment waits for moderation, a language choice is the reader's own.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site == "same-origin"
    site = f"{request.scheme}://{request.get_host()}"
    origin = request.headers.get("Origin")
    if origin:
        return origin == site or origin in settings.CSRF_TRUSTED_ORIGINS
    if referer := request.headers.get("Referer"):
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" == site
    csrf_check = CsrfViewMiddleware(lambda request: None)
    return csrf_check.process_view(request, None, (), {}) is None


class CrossOriginResourcePolicyMiddleware:
    """``Cross-Origin-Resource-Policy: same-origin`` on every response: no other site may
    embed our pages, images, scripts or data (Spectre-style cross-origin reads)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
