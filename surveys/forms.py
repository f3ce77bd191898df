"""Survey admin forms: texts cleaned as the import cleans them, and the import forms
(django-import-export's, plus an optional choice of survey round)."""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from import_export.forms import ConfirmImportForm, ImportForm

from .models import Survey
from .text import clean_text

#: What the import reads; the content decides how (surveys.spreadsheets.read_sheet).
ALLOWED_EXTENSIONS = (".xlsx", ".csv", ".ods")


def too_large_message(size: int) -> str:
    """What every import says of a file above ``settings.UPLOAD_MAX_BYTES``: the admin's
    forms, background imports and ``manage.py import_results``."""
    return _(
        "Het bestand is %(size)s; dat is groter dan de %(limit)s die een "
        "import mag zijn. Splits het bestand in delen, bijvoorbeeld per vraag."
    ) % {
        "size": filesizeformat(size),
        "limit": filesizeformat(settings.UPLOAD_MAX_BYTES),
    }


class CleanTextForm(forms.ModelForm):
    """Every text typed into the survey admin is stored as an imported one would be: in
    NFC, without control characters (pasted from Word, a vertical tab breaks the xlsx
    export and feeds), one-line fields without tabs and line breaks."""

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                multiline = isinstance(self.fields[name].widget, forms.Textarea)
                cleaned[name] = clean_text(value, multiline=multiline)
        return cleaned


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
        """Refuses files above ``settings.UPLOAD_MAX_BYTES`` (a round of 100 000 rows
        is ~5 MB; larger uploads are not even kept, see ambtenarenpanel/security.py)
        and files that are not called .xlsx, .csv or .ods."""
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(too_large_message(upload.size))
        if PurePath(upload.name).suffix.lower() not in ALLOWED_EXTENSIONS:
            raise forms.ValidationError(
                _(
                    "Alleen xlsx-, csv- en ods-bestanden kunnen worden geïmporteerd. "
                    "Sla het bestand in uw spreadsheetprogramma op als Excel-werkmap "
                    "(.xlsx) of als CSV."
                )
            )
        return upload


class ResultConfirmImportForm(ConfirmImportForm):
    survey = _survey_field(widget=forms.HiddenInput)
