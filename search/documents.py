"""What the index holds of an article and of a survey question: ``Document``s.

Written against an app registry (``apps``) so that the migration that introduces the
index runs the same code with its historical models: only fields are used here, no
model methods or managers.

- An **article** is indexed only when its status is published (a scheduled one too:
  the search hides it until ``published_at``): title, lead and body as plain text
  (``article_text()``), with its category as context.
- A **question** is indexed with its text as title, its answer labels as lead and its
  round's title and its code as body, with the round as context. Figures are never
  indexed: a suppressed figure (``Result.is_suppressed``) cannot leak through search.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch
from django.urls import reverse

from .text import clean, plain_text

ARTICLE = "article"
QUESTION = "question"
PUBLISHED = "published"
#: Joins the answer labels of a question: shown as they are in a passage.
LABEL_SEPARATOR = " · "


@dataclass(frozen=True)
class Document:
    kind: str
    object_id: int
    url: str
    title: str
    lead: str
    body: str
    context: str
    published_at: datetime

    FIELDS = ("url", "title", "lead", "body", "context", "published_at")

    def values(self) -> dict:
        return {field: getattr(self, field) for field in self.FIELDS}


def article_text(article) -> str:
    """The article's body as a reader reads it, as plain text.

    The one place that says what of a body is indexed: swap in the rendered text of
    ``[cijfer …]`` figures ("57 procent") when that rendering exists; until then the
    markup and the ``[grafiek …]``/``[cijfer …]`` markers are left out.
    """
    return plain_text(article.body)


def article_document(article) -> Document:
    return Document(
        kind=ARTICLE,
        object_id=article.pk,
        url=reverse("articles:article-detail", kwargs={"slug": article.slug}),
        title=clean(article.title),
        lead=clean(article.lead),
        body=article_text(article),
        context=article.category.name,
        published_at=article.published_at,
    )


def question_document(question) -> Document:
    survey = question.survey
    labels = [option.label for option in question.options.all()]
    return Document(
        kind=QUESTION,
        object_id=question.pk,
        url=reverse(
            "surveys:question-detail",
            kwargs={"survey_slug": survey.slug, "code": question.code},
        ),
        title=clean(question.text),
        lead=clean(LABEL_SEPARATOR.join(clean(label) for label in labels)),
        body=clean(f"{survey.title}\n{question.code}"),
        context=survey.title,
        published_at=survey.created_at,
    )


def article_documents(apps, ids: Iterable[int] | None = None) -> Iterator[Document]:
    """The documents of the published articles among ``ids`` (all when None)."""
    Article = apps.get_model("articles", "Article")
    articles = Article.objects.filter(status=PUBLISHED).select_related("category")
    if ids is not None:
        articles = articles.filter(pk__in=list(ids))
    for article in articles.order_by("pk").iterator(chunk_size=500):
        yield article_document(article)


def question_documents(apps, ids: Iterable[int] | None = None) -> Iterator[Document]:
    """The documents of the questions among ``ids`` (all when None), a batch at a time."""
    Question = apps.get_model("surveys", "Question")
    AnswerOption = apps.get_model("surveys", "AnswerOption")
    questions = Question.objects.select_related("survey").order_by("pk")
    if ids is not None:
        questions = questions.filter(pk__in=list(ids))
    options = AnswerOption.objects.order_by("order", "id")
    batch = 1000
    last = 0
    while True:
        chunk = list(
            questions.filter(pk__gt=last).prefetch_related(
                Prefetch("options", queryset=options)
            )[:batch]
        )
        yield from map(question_document, chunk)
        if len(chunk) < batch:
            return
        last = chunk[-1].pk
