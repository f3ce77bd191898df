"""The answer beside another that says the same more strongly: "Zeer eens" beside "Mee eens".

"65 procent is tevreden" may count the very satisfied too, and "(zeer) eens" names both.
"""

from .answers import Scored, _content
from .context import Weights
from .profiles import AnswerProfile, QuestionProfile

_INTENSIFIER_STEMS = frozenset({"zeer", "heel", "erg", "helemaal", "volledig"})
_STRONGER = {"vaak": "altijd", "regelmatig": "altijd"}


def _bare(label: str) -> str:
    return " ".join(label.lower().replace("(", " ").replace(")", " ").split())


def stronger_neighbour(
    profile: QuestionProfile,
    answer: AnswerProfile,
    scored: list[Scored],
    weights: Weights,
) -> AnswerProfile | None:
    """The answer next to ``answer`` that says the same more strongly, if the text leaves it out.

    "Zeer tevreden" beside "Tevreden", "Altijd" beside "Vaak": "65 procent is tevreden" may
    count the very satisfied too. None when the sentence names the stronger answer anywhere.
    """
    if profile.question.type == "multi":
        return None
    answers = profile.answers
    index = answers.index(answer)
    bare = _bare(answer.answer.label)
    mine = set(_content(profile, answer))
    own = next((s.positions for s in scored if s.profile is answer), frozenset())
    for other in answers[max(0, index - 1) : index] + answers[index + 1 : index + 2]:
        label = _bare(other.answer.label)
        # "Zeer eens" beside "Mee eens": the same words ("mee eens" is "eens") and "zeer".
        extra = set(_content(profile, other)) - mine
        intensified = (
            bool(mine)
            and mine < set(_content(profile, other))
            and extra <= _INTENSIFIER_STEMS
        )
        if not intensified and _STRONGER.get(bare) != label:
            continue
        words = _content(profile, other)
        places = {weights.answer[t][1] for t in words if t in weights.answer}
        if all(t in weights.answer for t in words) and places - own:
            return None  # "altijd 28,7 procent, vaak 69,5 procent": named apart
        return other
    return None
