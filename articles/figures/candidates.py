"""Loading the candidate questions of the check and the figures of ``[cijfer]`` tags.

Both read the questions of some rounds with their answers and results, in a
constant number of queries however many questions or tags there are.
"""

from collections.abc import Iterable

from django.db.models import Q

from surveys.models import Question

from .questions import Answer, CandidateQuestion, Value


def candidate_from(question: Question) -> CandidateQuestion:
    """The check's view of a question loaded with ``Question.objects.with_results()``."""
    survey = question.survey
    answers = []
    for order, option in enumerate(question.options.all()):
        values = {
            result.segment.name: Value(
                result.percentage, result.is_suppressed, result.n
            )
            for result in option.results.all()
        }
        answers.append(Answer(option.label, order, values))
    year = survey.fieldwork_end or survey.fieldwork_start
    return CandidateQuestion(
        survey_slug=survey.slug,
        code=question.code,
        text=question.text,
        type=question.type,
        answers=tuple(answers),
        pk=question.pk,
        url=question.get_absolute_url(),
        n=survey.respondents_display,
        fieldwork_year=year.year if year else None,
    )


def questions_of_rounds(slugs: Iterable[str]) -> list[CandidateQuestion]:
    """Every question of the rounds ``slugs``, with its figures: three queries, or none."""
    slugs = set(slugs)
    if not slugs:
        return []
    questions = Question.objects.with_results().filter(survey__slug__in=slugs)
    return [candidate_from(question) for question in questions]


def load_questions(references: Iterable[tuple[str, str]]) -> list[Question]:
    """The questions named by (survey slug, code) pairs, with round, options and results.

    Three queries however many, or none.
    """
    references = set(references)
    if not references:
        return []
    condition = Q()
    for slug, code in references:
        condition |= Q(survey__slug=slug, code=code)
    return list(Question.objects.with_results().filter(condition))


def load_questions_by_pk(pks: Iterable[int]) -> list[Question]:
    """The questions ``pks`` with round, options and results: three queries, or none."""
    pks = set(pks)
    if not pks:
        return []
    return list(Question.objects.with_results().filter(pk__in=pks))
