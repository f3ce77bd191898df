import sys

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.forms import AuthenticationForm
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe


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


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without a request context, so that a broken context cannot break it too.

    A database that did not answer in time (SQLite still locked by another process after
    its busy timeout, PostgreSQL restarting) is no server error but a 503: "try again".
    """
    if isinstance(sys.exception(), OperationalError):
        return database_busy(request)
    return HttpResponse(render_to_string("500.html"), status=500)


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
        response = HttpResponse(render_to_string("503.html"), status=503)
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
