"""``python manage.py import_results FILE [--survey SLUG] [--dry-run]``: the admin import from the command line."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from surveys.importing import import_results
from surveys.management.files import read_file
from surveys.models import Survey


class Command(BaseCommand):
    help = _(
        "Importeert geaggregeerde resultaten van een enquête uit een xlsx-, csv- of "
        "ods-bestand, met dezelfde regels en meldingen als de import in het beheer. "
        "Bij een fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("het xlsx-, csv- of ods-bestand"))
        parser.add_argument(
            "--survey",
            metavar="SLUG",
            help=_(
                "alleen rijen van deze enquête toelaten (een lege cel telt als deze)"
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("alles controleren en tellen, niets opslaan"),
        )

    def handle(self, *args, file: str, survey: str | None, dry_run: bool, **options):
        chosen = None
        if survey:
            chosen = Survey.objects.filter(slug=survey).first()
            if chosen is None:
                raise CommandError(
                    _(
                        "De enquête ‘%(slug)s’ bestaat niet; maak haar eerst aan in het beheer."
                    )
                    % {"slug": survey}
                )
        data = read_file(file)

        summary = import_results(file=data, survey=chosen, dry_run=dry_run)
        if not summary.is_valid:
            if summary.source:
                self.stderr.write(
                    _("Gelezen: %(source)s.") % {"source": summary.source}
                )
            for issue in summary.errors:
                self.stderr.write(issue.message)
            raise CommandError(str(summary))
        line = summary.report()
        if dry_run:
            line += " " + _("(proefimport: niets opgeslagen)")
        self.stdout.write(line)
