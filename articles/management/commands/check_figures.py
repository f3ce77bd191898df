"""``manage.py check_figures [SLUG …] [--json]``: the figures in articles against the stored data.

Checks the articles named (all, drafts included, when none is named). ``--json``
prints a list with one object per finding: ``article``, ``kind`` ("mismatch" or
"unlinked"), ``text`` (the sentence), ``value`` (the written number), ``question``
("ronde/vraagcode" or null), ``answer`` (label or null) and ``stored`` (float or
null). Exit status 1 when there is any mismatch, else 0; 2 for an unknown slug.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.figures.check import MISMATCH
from articles.figures.presentation import finding_sentence
from articles.figures.services import JSON_KEYS, check_article, finding_record
from articles.models import Article


class Command(BaseCommand):
    help = _(
        "Controleer de cijfers in de tekst van artikelen tegen de opgeslagen gegevens."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "slugs", nargs="*", metavar="SLUG", help=_("Alleen deze artikelen.")
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help=_("Uitvoer als JSON.")
        )

    def handle(self, *args, slugs: list[str], as_json: bool, **options) -> None:
        articles = Article.objects.order_by("slug")
        if slugs:
            articles = articles.filter(slug__in=slugs)
            unknown = sorted(set(slugs) - set(articles.values_list("slug", flat=True)))
            if unknown:
                raise CommandError(
                    _("Onbekend artikel: %(slugs)s.") % {"slugs": ", ".join(unknown)},
                    returncode=2,
                )
        findings = []
        for article in articles:
            for figure in check_article(article).findings:
                findings.append(finding_record(article.slug, figure))
        if as_json:
            self._write_json(findings)
        else:
            self._write_text(findings, len(articles))
        if any(finding["kind"] == MISMATCH for finding in findings):
            sys.exit(1)

    def _write_json(self, findings: list[dict]) -> None:
        output = [{key: finding[key] for key in JSON_KEYS} for finding in findings]
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))

    def _write_text(self, findings: list[dict], checked: int) -> None:
        for finding in findings:
            self.stdout.write(f"{finding['article']}: {finding_sentence(finding)}")
        mismatches = sum(1 for f in findings if f["kind"] == MISMATCH)
        self.stdout.write(
            _(
                "%(articles)d artikel(en) gecontroleerd: %(mismatches)d cijfer(s) kloppen niet, %(unlinked)d niet gekoppeld."
            )
            % {
                "articles": checked,
                "mismatches": mismatches,
                "unlinked": len(findings) - mismatches,
            }
        )
