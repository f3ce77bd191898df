from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import static
from django.views.decorators.http import require_safe

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


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without a request context, so that a broken context cannot break it too."""
    return HttpResponse(render_to_string("500.html"), status=500)
