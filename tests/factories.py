"""One factory per model; the defaults give a valid, published, visible row."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from articles.models import Article, Author, Category, Comment
from surveys.models import AnswerOption, Question, Result, Segment, Survey


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Categorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Auteur {n}")
    slug = factory.Sequence(lambda n: f"auteur-{n}")
    bio = "Schrijft over de publieke sector."


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Artikel nummer {n}")
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    lead = "Een korte inleiding op het onderzoek."
    body = "<h2>Kop</h2><p>De tekst van het artikel.</p>"
    category = factory.SubFactory(CategoryFactory)
    author = factory.SubFactory(AuthorFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    comments_open = True

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(
                lambda: timezone.now() + timedelta(days=1)
            )
        )


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    name = factory.Sequence(lambda n: f"Lezer {n}")
    email = factory.Sequence(lambda n: f"lezer{n}@example.org")
    body = "Interessant onderzoek, dank voor het delen."
    status = Comment.Status.APPROVED
    ip_address = "192.0.2.10"


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Peiling {n}")
    slug = factory.Sequence(lambda n: f"peiling-{n}")
    respondents = 480
    method = "Online vragenlijst onder leden van het panel."


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    code = factory.Sequence(lambda n: f"v{n}")
    text = factory.Sequence(lambda n: f"Vraag nummer {n}?")
    type = Question.Type.SINGLE
    order = factory.Sequence(lambda n: n)


class AnswerOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnswerOption

    question = factory.SubFactory(QuestionFactory)
    label = factory.Sequence(lambda n: f"Antwoord {n}")
    order = factory.Sequence(lambda n: n)


class SegmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Segment
        django_get_or_create = ["name"]

    name = "Totaal"


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    option = factory.SubFactory(AnswerOptionFactory)
    segment = factory.SubFactory(SegmentFactory)
    percentage = Decimal("50")


def question_with_results(
    *,
    labels: list[str],
    percentages: dict[str, list],
    survey: Survey | None = None,
    **question_fields,
) -> Question:
    """A question whose options ``labels`` have ``percentages`` per segment name.

    ``percentages={"Totaal": [25, 75], "Gemeente": [30, 70]}``; None leaves a cell empty.
    """
    if survey is not None:
        question_fields["survey"] = survey
    question = QuestionFactory(**question_fields)
    for order, label in enumerate(labels):
        option = AnswerOptionFactory(question=question, label=label, order=order)
        for segment_name, values in percentages.items():
            if values[order] is not None:
                ResultFactory(
                    option=option,
                    segment=SegmentFactory(name=segment_name),
                    percentage=Decimal(str(values[order])),
                )
    return question
