"""Writes of the figure check: an article's stored findings, and what a re-import changed.

``refresh_figure_check(article=…)`` checks one article and stores what it found;
``record_data_change(survey_ids=…, question_ids=…)`` is what a committed import of
survey data sets off: the articles citing a figure it changed are marked (when
published) and checked again. ``check_article()`` is the check of one stored
article, without writing.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from surveys.models import Survey

from .candidates import candidate_from, load_questions_by_pk, questions_of_rounds
from .check import ArticleText, CheckedFigure, CheckResult, check_text, cited_rounds
from .models import CitedFigure, FigureCheck
from .questions import TOTAL
from .tags import FigureTag, tag_for
from .values import resolve_tag


def article_text(article) -> ArticleText:
    return ArticleText(title=article.title, lead=article.lead, body=article.body)


def check_article(article, *, text: ArticleText | None = None) -> CheckResult:
    """The check of ``article`` (or of ``text``, e.g. a form not saved yet) against the stored data."""
    text = text or article_text(article)
    return check_text(text, questions_of_rounds(cited_rounds(text)))


def suggested_tag(figure: CheckedFigure) -> str | None:
    """The ``[cijfer]`` tag that would show the stored figure this written one names."""
    if figure.figure is None:
        return None
    stored = figure.figure
    return tag_for(
        stored.question.survey_slug,
        stored.question.code,
        [answer.label for answer in stored.answers],
        None if stored.segment == TOTAL else stored.segment,
    )


def finding_record(slug: str, figure: CheckedFigure) -> dict:
    """A finding as ``check_figures --json`` prints it, plus what the admin needs."""
    start, end = figure.source_span
    stored = figure.figure
    question = stored.question if stored else figure.question
    return {
        "article": slug,
        "kind": figure.kind,
        "text": figure.text,
        "value": figure.mention.value,
        "question": question.reference if question else None,
        "answer": figure.answer,
        "stored": figure.stored,
        # Not part of the command's output:
        "field": figure.field,
        "start": start,
        "end": end,
        "written": figure.written,
        "question_text": question.text if question else None,
        "tag": suggested_tag(figure) if figure.kind == "mismatch" else None,
        "is_suppressed": bool(stored and stored.is_suppressed),
    }


JSON_KEYS = ("article", "kind", "text", "value", "question", "answer", "stored")


@dataclass(frozen=True)
class _Cited:
    question_id: int
    answer: str
    value: Decimal | None
    via: str


def _cited(result: CheckResult) -> set[_Cited]:
    cited = set()
    for _tag, figure in result.tags:
        cited.add(
            _Cited(
                figure.question.pk,
                figure.labels,
                figure.percentage,
                CitedFigure.Via.TAG,
            )
        )
    for checked in result.figures:
        if checked.figure is not None and checked.figure.question.pk is not None:
            figure = checked.figure
            cited.add(
                _Cited(
                    figure.question.pk,
                    figure.labels,
                    figure.percentage,
                    CitedFigure.Via.TEXT,
                )
            )
    return cited


@transaction.atomic
def refresh_figure_check(*, article, saved: bool = False, now=None) -> FigureCheck:
    """Check ``article`` and store its findings and cited figures; return its ``FigureCheck``.

    ``saved``: the article itself was just saved, so a pending change of its figures
    is now mentioned on its page ("De cijfers … zijn op <datum> bijgewerkt."). Rows
    are written only when something differs, so a check that finds the same changes nothing.
    """
    now = now or timezone.now()
    text = article_text(article)
    rounds = cited_rounds(text)
    result = check_text(text, questions_of_rounds(rounds))
    findings = [finding_record(article.slug, figure) for figure in result.findings]
    check, created = FigureCheck.objects.get_or_create(
        article=article,
        defaults={
            "findings": findings,
            "has_mismatch": result.has_mismatch,
            "checked_at": now,
        },
    )
    changed = []
    if not created and (
        check.findings != findings or check.has_mismatch != result.has_mismatch
    ):
        check.findings, check.has_mismatch, check.checked_at = (
            findings,
            result.has_mismatch,
            now,
        )
        changed += ["findings", "has_mismatch", "checked_at"]
    if saved and check.is_change_pending:
        check.figures_note_date = timezone.localdate(check.figures_changed_at)
        changed.append("figures_note_date")
    if changed:
        check.save(update_fields=changed)
    survey_ids = set(
        Survey.objects.filter(slug__in=rounds).values_list("pk", flat=True)
    )
    if created or set(check.surveys.values_list("pk", flat=True)) != survey_ids:
        check.surveys.set(survey_ids)
    cited = _cited(result)
    stored = {
        _Cited(c.question_id, c.answer, c.value, c.via)
        for c in CitedFigure.objects.filter(article=article)
    }
    if {_normal(c) for c in stored} != {_normal(c) for c in cited}:
        CitedFigure.objects.filter(article=article).delete()
        CitedFigure.objects.bulk_create(
            CitedFigure(
                article=article,
                question_id=c.question_id,
                answer=c.answer,
                value=c.value,
                via=c.via,
            )
            for c in cited
        )
    return check


def _normal(cited: _Cited) -> _Cited:
    value = (
        None if cited.value is None else Decimal(cited.value).quantize(Decimal("0.01"))
    )
    return _Cited(cited.question_id, cited.answer, value, cited.via)


def _value_now(cited: CitedFigure, questions: dict[int, object]) -> Decimal | None:
    question = questions.get(cited.question_id)
    if question is None:
        return None
    spec = cited.answer
    tag = FigureTag(question.survey_slug, question.code, spec)
    figure = resolve_tag(tag, question)
    return None if figure is None else figure.percentage


@transaction.atomic
def record_data_change(
    *, survey_ids: Iterable[int], question_ids: Iterable[int], now=None
) -> list:
    """After an import changed ``question_ids``: mark and re-check the articles it touched.

    A published article whose cited figure (a tag, or a written figure the check tied
    to an answer) now has another value gets ``figures_changed_at``; every article
    citing the rounds is checked again, so that its findings follow the data.
    Returns the articles whose figures changed.
    """
    from articles.models import Article

    now = now or timezone.now()
    question_ids = set(question_ids)
    articles = list(
        Article.objects.filter(figure_check__surveys__in=set(survey_ids)).distinct()
    )
    if not articles:
        return []
    cited = list(
        CitedFigure.objects.filter(article__in=articles, question_id__in=question_ids)
    )
    questions = {
        q.pk: candidate_from(q)
        for q in load_questions_by_pk({c.question_id for c in cited})
    }
    changed_ids = {
        c.article_id for c in cited if _differs(c.value, _value_now(c, questions))
    }
    changed = []
    for article in articles:
        if article.pk in changed_ids and article.is_published(now=now):
            FigureCheck.objects.filter(article=article).update(figures_changed_at=now)
            changed.append(article)
        refresh_figure_check(article=article, now=now)
    return changed


def _differs(before: Decimal | None, after: Decimal | None) -> bool:
    if before is None or after is None:
        return before is not after
    return Decimal(before).quantize(Decimal("0.01")) != Decimal(after).quantize(
        Decimal("0.01")
    )
