"""The import template: an empty xlsx in the import format, with an explanation and an
example, for one round when it is downloaded from that round's pages."""

from __future__ import annotations

from io import BytesIO

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .export import safe_text
from .importing import COLUMNS
from .models import Survey

EXAMPLE_SLUG = "voorbeeld-enquete"

TEMPLATE_HELP = [
    (
        "enquete",
        _("ja"),
        _("De slug van de enquête, zoals in het beheer. De enquête moet al bestaan."),
    ),
    (
        "vraagcode",
        _("ja"),
        _(
            "Korte code van de vraag, uniek binnen de enquête: letters, cijfers, - en _."
        ),
    ),
    ("vraag", _("ja"), _("De vraagtekst; in elke rij van de vraag dezelfde.")),
    (
        "vraagtype",
        _("ja"),
        _(
            "single (één antwoord; percentages per segment tellen op tot 100) of multi (meer antwoorden mogelijk)."
        ),
    ),
    ("antwoord", _("ja"), _("De antwoordoptie.")),
    (
        "percentage",
        _("ja"),
        _(
            "0 tot en met 100, bijvoorbeeld 25, 25,5 of 25%. Cellen met percentage-opmaak mogen ook."
        ),
    ),
    ("aantal", _("nee"), _("Aantal respondenten met dit antwoord, een geheel getal.")),
    (
        "segment",
        _("nee"),
        _("De groep, bijvoorbeeld Gemeente. Leeg betekent Totaal (alle respondenten)."),
    ),
    (
        "volgorde",
        _("nee"),
        _("Volgorde van de antwoordoptie binnen de vraag, een geheel getal."),
    ),
]

TEMPLATE_EXAMPLE = [
    (
        EXAMPLE_SLUG,
        "bekend",
        "Kent u de Agenda Digitale Overheid?",
        "single",
        "Ja",
        57,
        274,
        "",
        1,
    ),
    (
        EXAMPLE_SLUG,
        "bekend",
        "Kent u de Agenda Digitale Overheid?",
        "single",
        "Nee",
        43,
        206,
        "",
        2,
    ),
    (
        EXAMPLE_SLUG,
        "bekend",
        "Kent u de Agenda Digitale Overheid?",
        "single",
        "Ja",
        61.5,
        "",
        "Gemeente",
        1,
    ),
    (
        EXAMPLE_SLUG,
        "bekend",
        "Kent u de Agenda Digitale Overheid?",
        "single",
        "Nee",
        38.5,
        "",
        "Gemeente",
        2,
    ),
]


def template_workbook(survey: Survey | None = None) -> bytes:
    """The template; with ``survey``, its example and explanation name that round."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    slug = survey.slug if survey else EXAMPLE_SLUG
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = gettext("Resultaten")
    sheet.append(list(COLUMNS))
    sheet.freeze_panes = "A2"

    help_sheet = workbook.create_sheet(gettext("Toelichting"))
    help_sheet.append([gettext("kolom"), gettext("verplicht"), gettext("uitleg")])
    for column, required, text in TEMPLATE_HELP:
        if column == "enquete" and survey is not None:
            text = gettext(
                "De slug van de enquête: %(slug)s (%(title)s). Leeg mag ook als u "
                "importeert vanaf de pagina van deze enquête."
            ) % {"slug": survey.slug, "title": survey.title}
        help_sheet.append([column, str(required), safe_text(str(text))])
    help_sheet.append([])
    help_sheet.append(
        [
            gettext(
                "Het eerste zichtbare werkblad met deze kolomkoppen wordt geïmporteerd "
                "(hier: Resultaten). Eén rij per antwoord per segment. Bij een fout "
                "wordt niets opgeslagen."
            )
        ]
    )

    example = workbook.create_sheet(gettext("Voorbeeld"))
    example.append(list(COLUMNS))
    for row in TEMPLATE_EXAMPLE:
        values = [slug, *row[1:]]
        example.append(
            [
                None
                if value == ""
                else safe_text(value)
                if isinstance(value, str)
                else value
                for value in values
            ]
        )
    for worksheet in (sheet, help_sheet, example):
        for cell in worksheet[1]:
            cell.font = Font(bold=True)

    stream = BytesIO()
    workbook.save(stream)
    return stream.getvalue()
