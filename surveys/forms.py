"""Admin import forms: django-import-export's, plus an optional choice of survey round."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from import_export.forms import ConfirmImportForm, ImportForm

from .models import Survey

#: Larger uploads are refused before they are read (a round of 100 000 rows is ~5 MB).
MAX_IMPORT_BYTES = 50 * 1024 * 1024


def _survey_field(**kwargs) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=Survey.objects.order_by("title"),
        to_field_name="slug",
        required=False,
        label=_("Enquête"),
        **kwargs,
    )


class ResultImportForm(ImportForm):
    survey = _survey_field(
        empty_label=_("Volgens de kolom enquete"),
        help_text=_(
            "Kies een enquête om alleen rijen van die ronde toe te laten; een lege "
            "cel in de kolom enquete telt dan als deze ronde."
        ),
    )

    field_order = ["resource", "survey", "import_file", "format"]

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.fields["import_file"].label = _("Bestand")
        self.fields["import_file"].help_text = _(
            "Een xlsx-, csv- of ods-bestand in het importformaat. U ziet eerst een "
            "voorbeeld; er wordt pas iets opgeslagen als u dat bevestigt."
        )
        self.fields["format"].label = _("Formaat")

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("Het bestand is groter dan %(size)s.")
                % {"size": filesizeformat(MAX_IMPORT_BYTES)}
            )
        return upload


class ResultConfirmImportForm(ConfirmImportForm):
    survey = _survey_field(widget=forms.HiddenInput)
