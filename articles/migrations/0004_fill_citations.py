"""Fill the Citation rows of the articles that exist: the questions their bodies chart.

A frozen copy of the chart marker, so that this migration never depends on live code
(articles/embeds.py may learn more markers; a later migration fills those).
"""

import re

from django.db import migrations

_SPACE = r"(?:\s|&nbsp;|&#160;)"
CHART_MARKER = re.compile(
    rf"\[{_SPACE}*grafiek{_SPACE}+([\w-]+){_SPACE}*/{_SPACE}*([\w-]+){_SPACE}*\]",
    re.IGNORECASE,
)


def fill_citations(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Citation = apps.get_model("articles", "Citation")
    citations = []
    for article in Article.objects.only("pk", "body").iterator():
        pairs = dict.fromkeys(
            (match[1], match[2]) for match in CHART_MARKER.finditer(article.body or "")
        )
        citations += [
            Citation(article_id=article.pk, survey_slug=slug, code=code)
            for slug, code in pairs
        ]
    Citation.objects.bulk_create(citations, batch_size=500, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_citation")]

    operations = [
        migrations.RunPython(fill_citations, migrations.RunPython.noop, elidable=True)
    ]
