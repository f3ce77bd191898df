"""What ``Article.clean()`` refuses of ``[cijfer]`` tags: unknown rounds, questions, answers, segments."""

from django.utils.translation import gettext as _

from surveys.models import Survey

from .candidates import candidate_from, load_questions
from .tags import find_tags
from .values import tag_problem

TAG_FIELDS = ("lead", "body", "search_description")


def figure_tag_errors(article) -> dict[str, list[str]]:
    """Messages per field for every tag that cannot be shown; empty when all is well.

    Four queries at most, however many tags.
    """
    errors: dict[str, list[str]] = {}
    if find_tags(article.title):
        errors["title"] = [
            _(
                "Een cijfer ([cijfer …]) kan in de intro en de tekst staan, niet in de titel."
            )
        ]
    tags = {
        name: list(dict.fromkeys(find_tags(getattr(article, name))))
        for name in TAG_FIELDS
    }
    every = [tag for found in tags.values() for tag in found]
    if not every:
        return errors
    known = set(
        Survey.objects.filter(slug__in={t.survey_slug for t in every}).values_list(
            "slug", flat=True
        )
    )
    questions = {
        (q.survey.slug, q.code): candidate_from(q)
        for q in load_questions(t.reference for t in every if t.survey_slug in known)
    }
    for name, found in tags.items():
        for tag in found:
            problem = tag_problem(
                tag, questions.get(tag.reference), survey_known=tag.survey_slug in known
            )
            if problem:
                errors.setdefault(name, []).append(problem)
    return errors
