"""The database itself refuses survey data that breaks the rules, whatever code writes it."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from surveys.models import AnswerOption, Question, Result
from tests.factories import (
    AnswerOptionFactory,
    QuestionFactory,
    ResultFactory,
    SegmentFactory,
    SurveyFactory,
)

pytestmark = pytest.mark.django_db


def refused(create) -> bool:
    """Whether the database raises IntegrityError for ``create()``; nothing is left behind."""
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_a_question_code_is_unique_within_its_round():
    question = QuestionFactory(code="v1")

    assert refused(
        lambda: Question.objects.create(
            survey=question.survey, code="v1", text="Nog een keer?", type="multi"
        )
    )
    assert Question.objects.filter(code="v1").count() == 1


def test_the_same_question_code_may_be_used_in_another_round():
    QuestionFactory(code="v1")

    assert not refused(lambda: QuestionFactory(code="v1", survey=SurveyFactory()))
    assert Question.objects.filter(code="v1").count() == 2


def test_a_question_type_other_than_single_or_multi_is_refused():
    survey = SurveyFactory()

    assert refused(
        lambda: Question.objects.create(
            survey=survey, code="open", text="?", type="open"
        )
    )
    assert not Question.objects.filter(code="open").exists()


def test_an_answer_option_is_unique_within_its_question():
    option = AnswerOptionFactory(label="Ja")

    assert refused(
        lambda: AnswerOption.objects.create(question=option.question, label="Ja")
    )
    assert not refused(
        lambda: AnswerOption.objects.create(question=option.question, label="Nee")
    )


def test_one_result_per_option_per_segment():
    result = ResultFactory()

    assert refused(
        lambda: Result.objects.create(
            option=result.option, segment=result.segment, percentage=Decimal("10")
        )
    )
    other_segment = SegmentFactory(name="Gemeente")
    assert not refused(
        lambda: Result.objects.create(
            option=result.option, segment=other_segment, percentage=Decimal("10")
        )
    )


@pytest.mark.parametrize("percentage", ["100.01", "150", "-0.01", "-5"])
def test_a_percentage_outside_0_to_100_is_refused(percentage):
    option = AnswerOptionFactory()
    segment = SegmentFactory()

    assert refused(
        lambda: Result.objects.create(
            option=option, segment=segment, percentage=Decimal(percentage)
        )
    )
    assert not Result.objects.exists()


@pytest.mark.parametrize("percentage", ["0", "0.01", "99.99", "100"])
def test_percentages_from_0_to_100_are_accepted(percentage):
    result = ResultFactory(percentage=Decimal(percentage))

    result.refresh_from_db()
    assert result.percentage == Decimal(percentage)


def test_bulk_writes_are_checked_as_well():
    """The import writes in bulk; the constraints hold there too."""
    option = AnswerOptionFactory()
    segment = SegmentFactory()

    assert refused(
        lambda: Result.objects.bulk_create(
            [Result(option=option, segment=segment, percentage=Decimal("101"))]
        )
    )
    result = ResultFactory(option=option, segment=segment)
    assert refused(lambda: Result.objects.filter(pk=result.pk).update(percentage=200))
    result.refresh_from_db()
    assert result.percentage == Decimal("50")
