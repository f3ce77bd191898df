"""``python manage.py import_respondents ANSWERS --codebook FILE --survey SLUG [--dry-run]``."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from surveys.management.files import read_file
from surveys.models import Survey
from surveys.respondents.service import import_respondents


class Command(BaseCommand):
    help = _(
        "Importeert de antwoorden van de respondenten van een enquête (csv, xlsx, ods of "
        "SPSS .sav) met het codeboek, en berekent alle cijfers en uitsplitsingen. Bij een "
        "fout wordt niets opgeslagen; een nieuwe import vervangt de vorige helemaal."
    )

    def add_arguments(self, parser):
        parser.add_argument("answers", help=_("het antwoordenbestand"))
        parser.add_argument(
            "--codebook",
            metavar="FILE",
            help=_(
                "het codeboek (xlsx, csv of ods); bij een .sav alleen voor multi en profiel"
            ),
        )
        parser.add_argument(
            "--survey", metavar="SLUG", required=True, help=_("de enquête (slug)")
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("alles controleren en berekenen, niets opslaan"),
        )

    def handle(
        self, *args, answers: str, codebook, survey: str, dry_run: bool, **options
    ):
        chosen = Survey.objects.filter(slug=survey).first()
        if chosen is None:
            raise CommandError(
                _(
                    "De enquête ‘%(slug)s’ bestaat niet; maak haar eerst aan in het beheer."
                )
                % {"slug": survey}
            )
        answers_data = read_file(answers)
        codebook_data = read_file(codebook) if codebook else None
        summary = import_respondents(
            survey=chosen, answers=answers_data, codebook=codebook_data, dry_run=dry_run
        )
        if not summary.is_valid:
            for issue in summary.errors:
                self.stderr.write(issue.message)
            if summary.more_errors:
                self.stderr.write(
                    _("… en nog %(count)d fouten.") % {"count": summary.more_errors}
                )
            raise CommandError(str(summary))
        line = str(summary)
        if dry_run:
            line += " " + _("(proefimport: niets opgeslagen)")
        self.stdout.write(line)
