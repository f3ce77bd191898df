"""What a ``[cijfer]`` tag stands for: the answers and segment it names in a question.

``resolve_tag(tag, question)`` returns the ``StoredFigure`` or None; ``tag_problem()``
says in Dutch what is wrong with a tag that does not resolve.
"""

from django.utils.translation import gettext as _

from .questions import TOTAL, Answer, CandidateQuestion, StoredFigure
from .tags import FigureTag


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _answers_named(
    spec: str, question: CandidateQuestion
) -> tuple[list[Answer], list[str]]:
    """The answers of ``spec`` ("Altijd+Vaak"), and the parts that name no answer."""
    labels = {_key(answer.label): answer for answer in question.answers}
    if _key(spec) in labels:
        return [labels[_key(spec)]], []
    answers, unknown = [], []
    for part in spec.split("+"):
        answer = labels.get(_key(part))
        if answer is None:
            unknown.append(part.strip())
        elif answer not in answers:
            answers.append(answer)
    return answers, unknown


def _split(tag: FigureTag, question: CandidateQuestion) -> tuple[str, str | None]:
    """The answer part and the segment part (None: Totaal) of the tag."""
    if (
        _key(tag.spec) in {_key(a.label) for a in question.answers}
        or "@" not in tag.spec
    ):
        return tag.spec, None
    answers, _at, segment = tag.spec.rpartition("@")
    return answers, segment.strip()


def _segment_named(name: str | None, question: CandidateQuestion) -> str | None:
    """The segment ``name`` means: its full name, or for a breakdown computed from
    respondents ("Organisatie: Gemeente") the value alone when only one has it."""
    if name is None:
        return TOTAL
    for segment in question.segments:
        if _key(segment) == _key(name):
            return segment
    by_value = [
        segment
        for segment in question.segments
        if ":" in segment and _key(segment.split(":", 1)[1]) == _key(name)
    ]
    return by_value[0] if len(by_value) == 1 else None


def resolve_tag(tag: FigureTag, question: CandidateQuestion) -> StoredFigure | None:
    spec, segment_name = _split(tag, question)
    answers, unknown = _answers_named(spec, question)
    segment = _segment_named(segment_name, question)
    if unknown or not answers or segment is None:
        return None
    return StoredFigure(
        question, tuple(sorted(answers, key=lambda a: a.order)), segment
    )


def tag_problem(
    tag: FigureTag, question: CandidateQuestion | None, *, survey_known: bool
) -> str | None:
    """Why ``tag`` cannot be shown, in Dutch; None when it resolves to a stored figure."""
    names = {"tag": str(tag), "survey": tag.survey_slug, "code": tag.code}
    if not survey_known:
        return (
            _("Het cijfer ‘%(tag)s’ bestaat niet: onbekende enquête %(survey)s.")
            % names
        )
    if question is None:
        return (
            _(
                "Het cijfer ‘%(tag)s’ bestaat niet: onbekende vraag %(code)s in enquête %(survey)s."
            )
            % names
        )
    spec, segment_name = _split(tag, question)
    answers, unknown = _answers_named(spec, question)
    if unknown or not answers:
        return _(
            "Het cijfer ‘%(tag)s’ bestaat niet: onbekend antwoord ‘%(answer)s’ bij vraag "
            "%(code)s. Kies uit: %(choices)s."
        ) % {
            **names,
            "answer": (unknown or [spec])[0],
            "choices": ", ".join(answer.label for answer in question.answers),
        }
    segment = _segment_named(segment_name, question)
    if segment is None:
        return _(
            "Het cijfer ‘%(tag)s’ bestaat niet: onbekend segment ‘%(segment)s’ bij vraag "
            "%(code)s. Kies uit: %(choices)s."
        ) % {
            **names,
            "segment": segment_name,
            "choices": ", ".join(question.segments),
        }
    figure = StoredFigure(question, tuple(answers), segment)
    if figure.percentage is None and not figure.is_suppressed:
        return _(
            "Het cijfer ‘%(tag)s’ heeft geen waarde: vraag %(code)s heeft geen cijfer voor "
            "dit antwoord in segment %(segment)s."
        ) % {**names, "segment": segment}
    return None
