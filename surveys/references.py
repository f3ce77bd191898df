"""Who refers to survey data from above: a registry the upper layers fill.

The data layer knows nothing of articles, yet deleting a question that a published
article cites would make its chart vanish from the live page. So the layers above
register a *provider* here (``articles`` does in its ``apps.py``), and whoever deletes
survey data on a person's behalf (the admin: ``surveys.admin_protection``) asks
``references_to()`` first: it lists what it finds and refuses while any reference
``protects`` the data.

A provider is a callable ``provider(pairs) -> Iterable[Reference]``, where ``pairs`` is a
frozenset of ``(survey_slug, question_code)`` of every question affected (deleting a
round affects all its questions, deleting an answer option its question).

Why a registry and not a ``pre_delete`` signal that raises ``ProtectedError``: a signal
fires for every delete, also inside an import that replaces a round's answers and in
cascades, turning a data correction into an exception halfway through a transaction;
and it answers only at the moment of deleting, while the confirmation page must show
the citing articles before anything is deleted. The registry is asked explicitly,
where a person decides, and anyone else (an import preview) may ask it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q

from .models import AnswerOption, Question, Survey


@dataclass(frozen=True)
class Reference:
    """Something outside the data layer that uses survey data."""

    #: What it is, for staff, e.g. "Artikel ‘Digitale dienstverlening’ (gepubliceerd)".
    text: str
    #: Where staff can look at it (an admin page), or empty.
    url: str = ""
    #: True: the data may not be deleted while this reference exists.
    protects: bool = False


Provider = Callable[[frozenset[tuple[str, str]]], Iterable[Reference]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add ``provider`` (once; registering it again changes nothing). Usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def affected_questions(
    objects: Iterable[Survey | Question | AnswerOption],
) -> frozenset[tuple[str, str]]:
    """The ``(survey_slug, code)`` of every question that deleting ``objects`` touches."""
    survey_ids, question_ids = set(), set()
    for obj in objects:
        if isinstance(obj, Survey):
            survey_ids.add(obj.pk)
        elif isinstance(obj, Question):
            question_ids.add(obj.pk)
        elif isinstance(obj, AnswerOption):
            question_ids.add(obj.question_id)
    if not survey_ids and not question_ids:
        return frozenset()
    questions = Question.objects.filter(
        Q(survey_id__in=survey_ids) | Q(pk__in=question_ids)
    )
    return frozenset(questions.values_list("survey__slug", "code"))


def references_to(
    objects: Iterable[Survey | Question | AnswerOption],
) -> list[Reference]:
    """Every registered provider's references to the questions ``objects`` touch."""
    pairs = affected_questions(objects)
    if not pairs:
        return []
    return [reference for provider in _providers for reference in provider(pairs)]
