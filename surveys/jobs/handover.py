"""Large files uploaded on the synchronous import page go through the background path.

The synchronous page (``surveys.admin.ResultAdmin``, django-import-export) reads, checks
and previews a file inside the request, which is fine for a few thousand rows. A file
of more than ``settings.BACKGROUND_IMPORT_MIN_ROWS`` rows (estimated without parsing,
``rowcount``) becomes a background job instead, and the page answers at once with the
job's page: the same checks, preview and all-or-nothing save, in the worker.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import ImportJob
from .rowcount import count_rows
from .services import start_import


def hand_over_large_upload(model_admin, request) -> HttpResponse | None:
    """The job page's redirect for a large upload; None to let the page go on."""
    if request.method != "POST" or "import_file" not in request.FILES:
        return None
    if not model_admin.has_import_permission(request):
        return None
    form = model_admin.create_import_form(request)
    if not form.is_valid():
        return None  # the page shows the form's errors itself
    upload = form.cleaned_data["import_file"]
    limit = settings.BACKGROUND_IMPORT_MIN_ROWS
    if count_rows(upload) <= limit:
        return None
    job = start_import(
        kind=ImportJob.Kind.RESULTS,
        survey=form.cleaned_data.get("survey"),
        uploads={"file": upload},
        user=request.user,
        language=getattr(request, "LANGUAGE_CODE", "nl"),
    )
    messages.info(
        request,
        _(
            "Dit bestand heeft meer dan %(rows)s rijen en wordt daarom op de "
            "achtergrond gecontroleerd. Op deze pagina ziet u hoe ver het is."
        )
        % {"rows": number_format(limit, force_grouping=True)},
    )
    return HttpResponseRedirect(job.get_absolute_url())
