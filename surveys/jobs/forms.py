"""The upload forms of background imports: aggregated results, or answers per respondent.

They check only what needs no reading of the file (its size and its kind by name);
everything else is the job's check, in the worker.
"""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from surveys.forms import too_large_message
from surveys.models import Survey

SPREADSHEETS = (".xlsx", ".csv", ".ods")
SPSS = (".sav",)


def checked_upload(upload: UploadedFile, extensions: tuple[str, ...]) -> UploadedFile:
    """Refuses files above ``settings.UPLOAD_MAX_BYTES`` and of another kind than ``extensions``."""
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise forms.ValidationError(too_large_message(upload.size))
    if PurePath(upload.name).suffix.lower() not in extensions:
        raise forms.ValidationError(
            _(
                "Dit soort bestand kan hier niet worden geïmporteerd. Gebruik: %(kinds)s."
            )
            % {"kinds": ", ".join(extensions)}
        )
    return upload


def _surveys():
    return Survey.objects.order_by("title")


class ResultsUploadForm(forms.Form):
    """Aggregated results, PRODUCT.md "Import format": one row per answer per segment."""

    survey = forms.ModelChoiceField(
        queryset=_surveys(),
        to_field_name="slug",
        required=False,
        label=_("Enquête"),
        empty_label=_("Volgens de kolom enquete"),
        help_text=_(
            "Kies een enquête om alleen rijen van die ronde toe te laten; een lege "
            "cel in de kolom enquete telt dan als deze ronde."
        ),
    )
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "Een xlsx-, csv- of ods-bestand in het importformaat. Het wordt op de "
            "achtergrond gecontroleerd; u ziet eerst een voorbeeld en er wordt pas iets "
            "opgeslagen als u dat bevestigt."
        ),
    )

    def clean_file(self):
        return checked_upload(self.cleaned_data["file"], SPREADSHEETS)


class RespondentsUploadForm(forms.Form):
    """Answers per respondent plus their codebook, PRODUCT.md "Respondent-level data"."""

    survey = forms.ModelChoiceField(
        queryset=_surveys(),
        to_field_name="slug",
        label=_("Ronde"),
        help_text=_(
            "De enquête waarvan dit de antwoorden zijn. Een nieuwe import vervangt de "
            "respondenten en berekende resultaten van deze ronde in één keer."
        ),
    )
    answers = forms.FileField(
        label=_("Antwoorden"),
        help_text=_(
            "Eén rij per respondent: een csv-, xlsx- of ods-bestand, of een "
            "SPSS-bestand (.sav)."
        ),
    )
    codebook = forms.FileField(
        label=_("Codeboek"),
        required=False,
        help_text=_(
            "Een xlsx-, csv- of ods-bestand met de kolommen vraagcode, vraag, "
            "vraagtype, waarde, label en volgorde. Naast een SPSS-bestand alleen nodig "
            "voor vragen van het type multi of profiel."
        ),
    )

    def clean_answers(self):
        return checked_upload(self.cleaned_data["answers"], SPREADSHEETS + SPSS)

    def clean_codebook(self):
        codebook = self.cleaned_data.get("codebook")
        return checked_upload(codebook, SPREADSHEETS) if codebook else None

    def clean(self):
        cleaned = super().clean()
        answers = cleaned.get("answers")
        if (
            answers
            and not cleaned.get("codebook")
            and "codebook" not in self.errors
            and PurePath(answers.name).suffix.lower() not in SPSS
        ):
            self.add_error(
                "codebook",
                _(
                    "Bij antwoorden in een csv-, xlsx- of ods-bestand hoort een codeboek: "
                    "het beschrijft de vragen en de antwoordwaarden."
                ),
            )
        return cleaned
