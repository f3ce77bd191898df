import sys
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.forms import AuthenticationForm
from django.db import OperationalError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static as static_url
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import i18n, static
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from .security import posted_from_this_site

#: What the site serves from MEDIA_ROOT: the images of articles, nothing else.
MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
MEDIA_MAX_AGE = 24 * 60 * 60


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /zoeken/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``, which browsers ask for on pages that name no icon (the admin's):
    the site's icon, by its hashed name (not a permanent redirect: the name changes)."""
    response = HttpResponseRedirect(static_url("img/favicon.svg"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def media(request: HttpRequest, path: str) -> HttpResponse:
    """An uploaded image from ``MEDIA_ROOT`` (``SERVE_MEDIA``; see docs/deploy.md).

    Only files with an image suffix, never a hidden file or a folder listing; a path
    that leaves the folder is refused by ``django.views.static.serve`` (400). The type
    is set from the suffix, not guessed, and browsers may keep the file for a day (a
    new upload gets a new name). ``If-Modified-Since`` gets a 304.
    """
    parts = PurePosixPath(path)
    media_type = MEDIA_TYPES.get(parts.suffix.lower())
    if media_type is None or any(part.startswith(".") for part in parts.parts):
        raise Http404
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    response.headers["Content-Type"] = media_type
    response.headers["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}"
    return response


@csrf_exempt  # a form on shared, cached pages: checked by posted_from_this_site()
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The language switch in the header: Django's ``set_language``, back to the same page.

    ``next`` must be a path of this site (``/…``); anything else goes to the home page.
    The pages the browser keeps were in the old language and say only ``Vary:
    Accept-Language``, so the answer asks the browser to drop its cache of this site
    (``Clear-Site-Data: "cache"``); the page cache itself keys pages by language.
    """
    if not posted_from_this_site(request):
        return HttpResponseForbidden(
            _("De taal is niet gewijzigd: het verzoek kwam niet van deze site.")
        )
    next_url = request.POST.get("next", "")
    if not next_url.startswith("/") or next_url.startswith(("//", "/\\")):
        request.POST = request.POST.copy()
        request.POST["next"] = reverse("articles:home")
    response = i18n.set_language(request)
    response.headers["Clear-Site-Data"] = '"cache"'
    return response


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    """``template`` rendered without the request, in the reader's language.

    A request can fail before LocaleMiddleware has chosen its language (a forged Host
    header fails in the page cache); the thread would then still speak the language
    of the request it served before.
    """
    try:
        language = translation.get_language_from_request(request)
    except Exception:  # a request too broken to read: the site's language
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        return HttpResponse(render_to_string(template), status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Rendered without the request: a forged Host header, say, must not break it too."""
    return _error_page(request, "400.html", 400)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without a request context, so that a broken context cannot break it too.

    A database that did not answer in time (SQLite still locked by another process after
    its busy timeout, PostgreSQL restarting) is no server error but a 503: "try again".
    """
    if isinstance(sys.exception(), OperationalError):
        return database_busy(request)
    return _error_page(request, "500.html", 500)


def database_busy(request: HttpRequest) -> HttpResponse:
    """503 with a Dutch "try again"; an admin login gets its form back with the user name."""
    response = None
    match = getattr(request, "resolver_match", None)
    if request.method == "POST" and match and match.view_name == "admin:login":
        try:
            response = _admin_login_again(request)
        except Exception:  # the database is still away: the plain page
            response = None
    if response is None:
        response = _error_page(request, "503.html", 503)
    response["Retry-After"] = "10"
    return response


def _admin_login_again(request: HttpRequest) -> HttpResponse:
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "app_path": request.get_full_path(),
        "form": AuthenticationForm(
            request, initial={"username": request.POST.get("username", "")}
        ),
        REDIRECT_FIELD_NAME: request.POST.get(REDIRECT_FIELD_NAME)
        or reverse("admin:index"),
        "database_busy": _(
            "Het is even erg druk, daardoor ben je nog niet ingelogd. Vul je wachtwoord opnieuw in en probeer het over een paar seconden nog eens."
        ),
    }
    response = TemplateResponse(request, "admin/login.html", context, status=503)
    return response.render()
