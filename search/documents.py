"""What the index holds of an article and of a survey question: ``Document``s.

Written against an app registry (``apps``) so that the migration that introduces the
index runs the same code with its historical models: only fields are used here, no
model methods or managers.

- An **article** is indexed only when its status is published (a scheduled one too:
  the search hides it until ``published_at``): title, lead and body as a reader reads
  them, with its category as context: without markup or ``[grafiek …]`` markers, each
  ``[cijfer …]`` as its rendered words ("57 procent", or "te weinig respondenten" for a
  suppressed figure; ``articles.figures.rendering``). The migration that introduces
  the index, with historical models, leaves the markers out instead (no rendering).
- A **question** is indexed with its text as title, its answer labels as lead and its
  round's title and its code as body, with the round as context. Figures are never
  indexed: a suppressed figure (``Result.is_suppressed``) cannot leak through search.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.apps import apps as global_apps
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


def article_document(article, rendered=None) -> Document:
    """``rendered``: the article's ``RenderedText`` (figures as words); None: markers out."""
    return Document(
        kind=ARTICLE,
        object_id=article.pk,
        url=reverse("articles:article-detail", kwargs={"slug": article.slug}),
        title=clean(rendered.title if rendered else article.title),
        lead=clean(rendered.lead if rendered else article.lead),
        body=clean(rendered.body) if rendered else plain_text(article.body),
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
    rendering = apps is global_apps  # live models: figures can be rendered
    chunk: list = []
    for article in articles.order_by("pk").iterator(chunk_size=500):
        chunk.append(article)
        if len(chunk) == 500:
            yield from _documents(chunk, rendering)
            chunk = []
    yield from _documents(chunk, rendering)


def _documents(articles: list, rendering: bool) -> Iterator[Document]:
    if not articles:
        return
    rendered = {}
    if rendering:
        from articles.figures.rendering import rendered_plain_texts

        rendered = rendered_plain_texts(articles, missing=False)
    for article in articles:
        yield article_document(article, rendered.get(article.pk))


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
