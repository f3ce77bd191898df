from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Bouwt de zoekindex opnieuw op uit alle gepubliceerde artikelen en alle "
        "onderzoeksvragen (ook nodig na een herstelde database)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database", default="default", help="De database (standaard: default)."
        )

    def handle(self, *args, database: str, **options):
        try:
            summary = rebuild(using=database)
        except DatabaseError as error:
            raise CommandError(f"De zoekindex is niet opgebouwd: {error}") from error
        articles = ngettext("%d artikel", "%d artikelen", summary.articles)
        questions = ngettext(
            "%d onderzoeksvraag", "%d onderzoeksvragen", summary.questions
        )
        self.stdout.write(
            _("Zoekindex opgebouwd: %(articles)s, %(questions)s, %(words)d woorden.")
            % {
                "articles": articles % summary.articles,
                "questions": questions % summary.questions,
                "words": summary.words,
            }
        )
