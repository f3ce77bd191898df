"""Admin for survey rounds, questions, segments and results, with import and export.

Research staff (group Onderzoek) import a round's results from a spreadsheet on
the results page: django-import-export shows a preview (new / updated / unchanged
rows and every error) and stores nothing until it is confirmed. The rules live in
``surveys.importing.import_results``, shared with the ``import_results`` command.
Every text typed into these pages is cleaned like an imported one (``CleanTextForm``).
"""

from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ExportForm
from import_export.signals import post_import

from ambtenarenpanel.admin_wording import NeuterNameAdmin
from ambtenarenpanel.caching import InvalidatesPagesOnDeleteAdmin

from .admin_protection import ProtectsCitedDataAdmin, ProtectsCitedDataFormSet
from .forms import CleanTextForm, ResultConfirmImportForm, ResultImportForm
from .import_template import template_workbook
from .importing import COLUMNS, REQUIRED_COLUMNS
from .jobs.handover import hand_over_large_upload
from .models import AnswerOption, Question, Result, Segment, Survey
from .resources import ExcelCSV, ResultResource, ResultsSpreadsheet, ResultsXLSX
from .respondents import admin as respondent_admin  # noqa: F401  (registers it)
from .spreadsheets import SpreadsheetError
from .uploads import ImportFileGone, ImportFileStorage

#: An import creates, changes and deletes questions, options and results.
IMPORT_PERMISSIONS = (
    "surveys.add_question",
    "surveys.change_question",
    "surveys.add_answeroption",
    "surveys.change_answeroption",
    "surveys.delete_answeroption",
    "surveys.add_result",
    "surveys.change_result",
    "surveys.delete_result",
    "surveys.add_segment",
)
EXPORT_PERMISSION = "surveys.view_result"
SURVEY_FILTER = "option__question__survey__id__exact"
#: Errors shown one by one after a failed confirmation; the rest are counted.
SHOWN_ERRORS = 20


class QuestionInline(admin.TabularInline):
    model = Question
    formset = ProtectsCitedDataFormSet
    form = CleanTextForm
    fields = ["code", "text", "type", "order"]
    extra = 0
    show_change_link = True
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}
    }


@admin.register(Survey)
class SurveyAdmin(ProtectsCitedDataAdmin, admin.ModelAdmin):
    form = CleanTextForm
    list_display = ["title", "slug", "fieldwork_end", "respondents", "question_count"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "fieldwork_end"
    inlines = [QuestionInline]
    change_form_template = "admin/surveys/survey/change_form.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "method"]}),
        (
            _("Veldwerk en respons"),
            {
                "fields": [
                    "fieldwork_start",
                    "fieldwork_end",
                    "respondents",
                    "respondents_note",
                ]
            },
        ),
        (
            _("Berekend uit antwoorden van respondenten"),
            {"fields": ["computed_at", "is_weighted", "effective_respondents"]},
        ),
    ]
    readonly_fields = ["computed_at", "is_weighted", "effective_respondents"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(_question_count=Count("questions"))
        )

    @admin.display(description=_("vragen"), ordering="_question_count")
    def question_count(self, obj: Survey) -> int:
        return obj._question_count

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        survey = self.get_object(request, object_id)
        result_admin = self.admin_site._registry.get(Result)
        if survey is not None and result_admin is not None:
            extra_context.update(result_admin.survey_links(request, survey))
        return super().change_view(request, object_id, form_url, extra_context)


class AnswerOptionInline(admin.TabularInline):
    model = AnswerOption
    formset = ProtectsCitedDataFormSet
    form = CleanTextForm
    fields = ["label", "value", "order"]
    extra = 0


@admin.register(Question)
class QuestionAdmin(ProtectsCitedDataAdmin, admin.ModelAdmin):
    form = CleanTextForm
    list_display = ["code", "short_text", "type", "survey", "order"]
    list_display_links = ["code", "short_text"]
    list_filter = ["survey", "type"]
    list_select_related = ["survey"]
    search_fields = ["code", "text", "survey__title", "survey__slug"]
    autocomplete_fields = ["survey"]
    inlines = [AnswerOptionInline]

    @admin.display(description=_("vraag"), ordering="text")
    def short_text(self, obj: Question) -> str:
        return obj.text if len(obj.text) <= 80 else obj.text[:79] + "…"


@admin.register(AnswerOption)
class AnswerOptionAdmin(ProtectsCitedDataAdmin, admin.ModelAdmin):
    """Mostly edited inline with the question; registered so results can search options."""

    form = CleanTextForm
    list_display = ["label", "value", "question", "order"]
    list_filter = ["question__survey"]
    list_select_related = ["question"]
    search_fields = ["label", "question__code", "question__text"]
    autocomplete_fields = ["question"]


@admin.register(Segment)
class SegmentAdmin(NeuterNameAdmin, admin.ModelAdmin):
    form = CleanTextForm
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


def _filtered_survey_slug(request) -> str | None:
    """The slug of the round the results list is filtered on, if any."""
    survey_id = request.GET.get(SURVEY_FILTER, "")
    if not (survey_id.isascii() and survey_id.isdigit()):  # "²" is a digit too
        return None
    return Survey.objects.filter(pk=survey_id).values_list("slug", flat=True).first()


@admin.register(Result)
class ResultAdmin(
    NeuterNameAdmin, InvalidatesPagesOnDeleteAdmin, ImportExportMixin, admin.ModelAdmin
):
    list_display = ["question_code", "option", "segment", "percentage", "count"]
    list_filter = ["option__question__survey", "segment", "option__question__type"]
    list_select_related = ["option__question__survey", "segment"]
    search_fields = [
        "option__label",
        "option__question__code",
        "option__question__text",
    ]
    autocomplete_fields = ["option"]
    ordering = ["option__question__survey", "option__question__order", "option__order"]
    list_per_page = 100
    # A round can have 100 000 results; don't count them all on every page.
    show_full_result_count = False

    resource_classes = [ResultResource]
    import_formats = [ResultsSpreadsheet]
    export_formats = [ResultsXLSX, ExcelCSV, base_formats.ODS]
    import_form_class = ResultImportForm
    confirm_form_class = ResultConfirmImportForm
    # All columns, always: the export is the import format, so it round-trips.
    export_form_class = ExportForm
    import_template_name = "admin/surveys/result/import.html"
    export_template_name = "admin/surveys/result/export.html"
    # Uploads wait for confirmation under a generated name, never served (uploads.py).
    tmp_storage_class = ImportFileStorage
    import_export_change_list_template = "admin/surveys/result/change_list.html"

    @admin.display(description=_("vraag"), ordering="option__question__code")
    def question_code(self, obj: Result) -> str:
        return f"{obj.option.question.survey.slug} / {obj.option.question.code}"

    # --- permissions ---------------------------------------------------------------

    def has_import_permission(self, request) -> bool:
        return request.user.has_perms(IMPORT_PERMISSIONS)

    def has_export_permission(self, request) -> bool:
        return request.user.has_perm(EXPORT_PERMISSION)

    # --- import --------------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "sjabloon/",
                self.admin_site.admin_view(self.import_template_view),
                name="surveys_result_import_template",
            ),
            *super().get_urls(),
        ]

    def get_import_form_initial(self, request):
        return {"survey": request.GET.get("enquete")}

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["survey"] = import_form.cleaned_data.get("survey")
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        cleaned = getattr(form, "cleaned_data", None) or {}
        return {"survey": cleaned.get("survey")}

    def get_import_context_data(self, **kwargs):
        return {
            "template_url": self.template_url(),
            "columns": COLUMNS,
            "required_columns": REQUIRED_COLUMNS,
        }

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, SpreadsheetError):
            form.add_error("import_file", str(e))
        else:
            form.add_error(
                "import_file",
                _(
                    "Het bestand kon niet worden gelezen. Gebruik een xlsx-, csv- of ods-bestand."
                ),
            )

    def process_import(self, request, **kwargs):
        """The confirmation; sent twice or tampered with, it says so instead of failing."""
        try:
            response = super().process_import(request, **kwargs)
        except ImportFileGone:
            response = None
        # django-import-export answers an invalid confirmation form with the import
        # page without its context (TemplateResponse), which cannot be rendered.
        if response is None or isinstance(response, TemplateResponse):
            messages.error(
                request,
                _(
                    "Dit bestand is al geïmporteerd of niet meer beschikbaar. Upload "
                    "het opnieuw als u het nog wilt importeren."
                ),
            )
            return HttpResponseRedirect(reverse("admin:surveys_result_import"))
        return response

    def process_result(self, result, request):
        """After confirming: report the one-line summary, or why nothing was stored."""
        summary = result.summary
        if not summary.is_valid:
            # The file was valid at the preview, but the data changed in between.
            for issue in summary.errors[:SHOWN_ERRORS]:
                messages.error(request, issue.message)
            messages.error(request, str(summary))
            return HttpResponseRedirect(reverse("admin:surveys_result_import"))
        self.generate_log_entries(result, request)
        messages.success(
            request,
            gettext("Import opgeslagen: %(summary)s.") % {"summary": summary},
        )
        post_import.send(sender=None, model=self.model)
        url = reverse("admin:surveys_result_changelist")
        if len(summary.surveys) == 1:
            url += "?" + urlencode({SURVEY_FILTER: summary.surveys[0].pk})
        return HttpResponseRedirect(url)

    def generate_log_entries(self, result, request):
        """One history entry per round, not one per row (a round can have 100 000)."""
        for survey in result.summary.surveys:
            LogEntry.objects.log_actions(
                request.user.pk,
                [survey],
                CHANGE,
                change_message=gettext("Resultaten geïmporteerd: %(summary)s.")
                % {"summary": result.summary},
                single_object=True,
            )

    def changelist_view(self, request, extra_context=None):
        """The results list; filtered on one round, its template is that round's."""
        slug = _filtered_survey_slug(request)
        extra_context = {
            **(extra_context or {}),
            "template_url": self.template_url(slug),
        }
        return super().changelist_view(request, extra_context)

    def import_action(self, request, **kwargs):
        """The import page; opened from a round (``?enquete=slug``), it is for that round.

        Files over ``settings.BACKGROUND_IMPORT_MIN_ROWS`` rows go to the background.
        """
        if handed_over := hand_over_large_upload(self, request):
            return handed_over
        response = super().import_action(request, **kwargs)
        slug = request.POST.get("survey") or request.GET.get("enquete")
        if isinstance(response, TemplateResponse) and slug:
            response.context_data["template_url"] = self.template_url(slug)
        return response

    def template_url(self, slug: str | None = None) -> str:
        url = reverse("admin:surveys_result_import_template")
        if slug and Survey.objects.filter(slug=slug).exists():
            url += "?" + urlencode({"enquete": slug})
        return url

    def import_template_view(self, request):
        """An empty xlsx in the import format, with an explanation and an example sheet;
        with ``?enquete=slug``, for that round."""
        if not (
            self.has_import_permission(request) or self.has_export_permission(request)
        ):
            raise PermissionDenied
        survey = Survey.objects.filter(slug=request.GET.get("enquete") or "").first()
        response = HttpResponse(
            template_workbook(survey),
            content_type=base_formats.XLSX.CONTENT_TYPE,
        )
        name = (
            f"importsjabloon-{survey.slug}" if survey else "importsjabloon-resultaten"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response

    # --- export --------------------------------------------------------------------

    def get_export_filename(self, request, queryset, file_format):
        date = timezone.localdate().isoformat()
        slug = _filtered_survey_slug(request)
        name = f"resultaten-{slug}" if slug else "resultaten"
        return f"{name}-{date}.{file_format.get_extension()}"

    def survey_links(self, request, survey: Survey) -> dict:
        """Links from a round's admin page to its results, import and export."""
        links = {}
        if self.has_view_permission(request):
            links["results_url"] = (
                reverse("admin:surveys_result_changelist")
                + "?"
                + urlencode({SURVEY_FILTER: survey.pk})
            )
        if self.has_import_permission(request):
            links["import_url"] = (
                reverse("admin:surveys_result_import")
                + "?"
                + urlencode({"enquete": survey.slug})
            )
            links["template_url"] = self.template_url(survey.slug)
        if self.has_export_permission(request):
            links["export_url"] = (
                reverse("admin:surveys_result_export")
                + "?"
                + urlencode({SURVEY_FILTER: survey.pk})
            )
        return links
