"""Which articles cite which survey questions, and what that means for deleting survey data.

``sync_citations()`` keeps an article's ``Citation`` rows equal to the questions its body
cites in its lead and body (``embeds.cited_questions``: charts and figures); ``Article.save()`` calls it. ``survey_references()``
is what this app tells the data layer when staff delete a round, question or answer
(``surveys.references``, registered in ``ArticlesConfig.ready()``): every article citing
one of its questions, and whether it protects them (published or scheduled articles do;
drafts are only listed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from surveys.references import Reference

from .embeds import cited_questions
from .models import Article, Citation


def sync_citations(article: Article) -> None:
    """Make ``article``'s citations the questions its body cites: at most three queries."""
    wanted = {
        (ref.survey_slug, ref.code)
        for ref in cited_questions(
            article.lead, article.body, article.search_description
        )
    }
    stored = {
        (slug, code): pk
        for pk, slug, code in article.citations.values_list("pk", "survey_slug", "code")
    }
    if gone := [pk for pair, pk in stored.items() if pair not in wanted]:
        Citation.objects.filter(pk__in=gone).delete()
    if new := wanted - stored.keys():
        Citation.objects.bulk_create(
            Citation(article=article, survey_slug=slug, code=code)
            for slug, code in sorted(new)
        )


def articles_citing_any(pairs: Iterable[tuple[str, str]]):
    """Articles (any status) citing one of the ``(survey_slug, code)`` pairs."""
    codes_by_survey: dict[str, set[str]] = defaultdict(set)
    for slug, code in pairs:
        codes_by_survey[slug].add(code)
    if not codes_by_survey:
        return Article.objects.none()
    named = reduce(
        or_,
        (
            Q(citations__survey_slug=slug, citations__code__in=codes)
            for slug, codes in codes_by_survey.items()
        ),
    )
    return Article.objects.filter(named).distinct().order_by("-published_at", "-id")


def survey_references(pairs: frozenset[tuple[str, str]]) -> list[Reference]:
    """The ``surveys.references`` provider: articles citing the questions in ``pairs``."""
    references = []
    for article in articles_citing_any(pairs).only("title", "status", "published_at"):
        protects = article.status == Article.Status.PUBLISHED
        if not protects:
            state = _("concept")
        elif article.is_published():
            state = _("gepubliceerd")
        else:
            state = _("gepland")
        references.append(
            Reference(
                text=_("Artikel ‘%(title)s’ (%(state)s)")
                % {"title": article.title, "state": state},
                url=reverse("admin:articles_article_change", args=[article.pk]),
                protects=protects,
            )
        )
    return references
