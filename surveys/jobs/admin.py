"""The admin of background imports: upload, follow, confirm or cancel, and the list.

Pages (all under /admin/jobs/importjob/):

- ``resultaten/`` and ``respondenten/``: the upload forms; the file is stored and the
  check enqueued, nothing is read in the request (``services.start_import``);
- ``<id>/change/``: the job page: status, a ``<progress>`` bar with phase and rows,
  refreshed while it runs (a meta refresh without JavaScript, static/js/import-job.js
  with it), then the preview with the confirm button, or the errors, or the result;
- ``<id>/status/``: the same state as JSON, for the script;
- ``<id>/bevestigen/`` and ``<id>/annuleren/``: POST only.

Who may: whoever may import survey results (``surveys.admin.IMPORT_PERMISSIONS``, the
group Onderzoek); the list is theirs too. Jobs are never edited or added by hand.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from surveys.admin import IMPORT_PERMISSIONS

from . import liveness, services
from .forms import RespondentsUploadForm, ResultsUploadForm
from .kinds import KINDS
from .models import ImportJob
from .status import REFRESH_SECONDS, state_of

Kind = ImportJob.Kind

UPLOAD_FORMS = {
    Kind.RESULTS: ResultsUploadForm,
    Kind.RESPONDENTS: RespondentsUploadForm,
}
UPLOAD_TITLES = {
    Kind.RESULTS: gettext_lazy("Resultaten importeren op de achtergrond"),
    Kind.RESPONDENTS: gettext_lazy("Antwoorden per respondent importeren"),
}
#: Who may start (and follow) each kind of import.
KIND_PERMISSIONS = {
    Kind.RESULTS: IMPORT_PERMISSIONS,
    Kind.RESPONDENTS: IMPORT_PERMISSIONS,
}


def busy_message() -> str:
    return _(
        "De database is bezig met het opslaan van een andere import. Probeer het over "
        "een minuut opnieuw."
    )


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "kind",
        "survey",
        "file_names",
        "status",
        "started_by",
    ]
    list_filter = ["status", "kind"]
    list_select_related = ["survey", "started_by"]
    change_list_template = "admin/jobs/importjob/change_list.html"

    @admin.display(description=_("bestanden"))
    def file_names(self, job: ImportJob) -> str:
        return ", ".join(entry["name"] for entry in job.files.values())

    # --- permissions ---------------------------------------------------------------

    def may_import(self, request, kind: str | None = None) -> bool:
        kinds = [kind] if kind else list(KIND_PERMISSIONS)
        return request.user.is_active and any(
            request.user.has_perms(KIND_PERMISSIONS[k]) for k in kinds
        )

    def has_module_permission(self, request) -> bool:
        return self.may_import(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.may_import(request, obj.kind if obj else None)

    def has_add_permission(self, request) -> bool:
        return False  # jobs are started by uploading, on the pages below

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    # --- pages ---------------------------------------------------------------------

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(function)

        return [
            path(
                "resultaten/",
                view(self.upload_view),
                {"kind": Kind.RESULTS},
                name="jobs_importjob_upload_results",
            ),
            path(
                "respondenten/",
                view(self.upload_view),
                {"kind": Kind.RESPONDENTS},
                name="jobs_importjob_upload_respondents",
            ),
            path(
                "<uuid:job_id>/status/",
                view(self.status_view),
                name="jobs_importjob_status",
            ),
            path(
                "<uuid:job_id>/bevestigen/",
                view(self.confirm_view),
                name="jobs_importjob_confirm",
            ),
            path(
                "<uuid:job_id>/annuleren/",
                view(self.cancel_view),
                name="jobs_importjob_cancel",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        liveness.fail_stalled(ImportJob.objects.in_progress())
        extra_context = {
            **(extra_context or {}),
            "may_import_results": self.may_import(request, Kind.RESULTS),
            "may_import_respondents": self.may_import(request, Kind.RESPONDENTS),
        }
        return super().changelist_view(request, extra_context)

    def upload_view(self, request, kind: str):
        if not self.may_import(request, kind):
            raise PermissionDenied
        form_class = UPLOAD_FORMS[kind]
        if request.method == "POST":
            form = form_class(request.POST, request.FILES)
            if form.is_valid():
                try:
                    job = services.start_import(
                        kind=kind,
                        survey=form.cleaned_data["survey"],
                        uploads={
                            role: form.cleaned_data[role]
                            for role in KINDS[kind].file_roles
                            if form.cleaned_data.get(role)
                        },
                        user=request.user,
                        language=getattr(request, "LANGUAGE_CODE", "nl"),
                    )
                except OperationalError:
                    messages.error(request, busy_message())
                else:
                    messages.success(
                        request,
                        _(
                            "Het bestand is opgeslagen en wordt op de achtergrond "
                            "gecontroleerd. Op deze pagina ziet u hoe ver het is."
                        ),
                    )
                    return HttpResponseRedirect(job.get_absolute_url())
        else:
            form = form_class(initial={"survey": request.GET.get("enquete")})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": UPLOAD_TITLES[kind],
            "form": form,
            "kind": kind,
        }
        return TemplateResponse(request, "admin/jobs/importjob/upload.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The job page (jobs are never edited)."""
        job = self.get_object(request, unquote(object_id))
        if job is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        state = state_of(job)
        auto_refresh = state.is_running and request.GET.get("vernieuwen") != "nee"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import: %(job)s") % {"job": job},
            "job": job,
            "state": state,
            "kind": KINDS[job.kind],
            "summary": job.summary or {},
            "refresh_seconds": REFRESH_SECONDS if auto_refresh else None,
            "auto_refresh": auto_refresh,
            "status_url": reverse("admin:jobs_importjob_status", args=[job.pk]),
            "results_url": _results_url(job),
        }
        return TemplateResponse(request, "admin/jobs/importjob/job.html", context)

    def _job_or_404(self, request, job_id) -> ImportJob:
        job = get_object_or_404(ImportJob.objects.with_listing_data(), pk=job_id)
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        return job

    def status_view(self, request, job_id):
        return require_GET(self._status)(request, job_id)

    def _status(self, request, job_id):
        return JsonResponse(state_of(self._job_or_404(request, job_id)).as_json())

    def confirm_view(self, request, job_id):
        return require_POST(self._confirm)(request, job_id)

    def _confirm(self, request, job_id):
        job = self._job_or_404(request, job_id)
        try:
            confirmed = services.confirm_import(job=job, user=request.user)
        except OperationalError:
            messages.error(request, busy_message())
        else:
            if confirmed:
                messages.success(
                    request,
                    _("Bevestigd: de import wordt op de achtergrond opgeslagen."),
                )
            elif job.status == ImportJob.Status.CANCELLED:
                messages.error(request, job.message)
            else:
                messages.warning(
                    request,
                    _("Deze import kan niet (meer) worden bevestigd: %(status)s.")
                    % {"status": job.get_status_display()},
                )
        return HttpResponseRedirect(job.get_absolute_url())

    def cancel_view(self, request, job_id):
        return require_POST(self._cancel)(request, job_id)

    def _cancel(self, request, job_id):
        job = self._job_or_404(request, job_id)
        try:
            outcome = services.cancel_import(job=job)
        except OperationalError:
            outcome = "requested"  # the worker reads the request from the cache
        if outcome == "cancelled":
            messages.success(
                request, _("De import is geannuleerd. Er is niets opgeslagen.")
            )
        elif outcome == "requested":
            messages.info(
                request,
                _(
                    "De import wordt geannuleerd: de verwerking stopt bij de volgende "
                    "stap en slaat niets op."
                ),
            )
        else:
            messages.warning(
                request,
                _("Deze import was al klaar: %(status)s.")
                % {"status": job.get_status_display()},
            )
        return HttpResponseRedirect(job.get_absolute_url())


def _results_url(job: ImportJob) -> str:
    """Where staff see what a saved results import stored."""
    if job.kind != Kind.RESULTS or job.status != ImportJob.Status.SAVED:
        return ""
    url = reverse("admin:surveys_result_changelist")
    surveys = (job.summary or {}).get("surveys") or []
    if len(surveys) == 1:
        url += f"?option__question__survey__id__exact={surveys[0]['id']}"
    return url
