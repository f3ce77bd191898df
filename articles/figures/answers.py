"""Choosing the answer (or answers) of a question that a written figure names.

Each answer's label is scored by how fully and how closely the figure's own words
name it; rarer label words (within the question) count more. Polarity decides
between the two sides of a yes/no question: a negation ("niet", "geen", "nooit")
nearer to the figure than the label's own words picks a negative answer, "weet
niet" the don't-know answer. Adjacent answers named together on one side of the
figure ("altijd of vaak", "veel", "zeer eens tot mee eens") make a sum; a list of
figures takes the answers it names in the order it names them; "elk 5 procent"
holds for each answer named.
"""

from dataclasses import dataclass

from .context import Weights
from .language import DONT_KNOW, KNOWN, NEG, POS
from .profiles import AnswerProfile, QuestionProfile

NAMED = 0.5  # a label named this well is the answer
STRONG = 0.55  # ... this well (its own words), it can be part of a sum
ENUMERATED = (
    0.25  # an answer named in a list of answers ("bij een waterschap, zbo of ...")
)
POLARITY = 0.35  # a negation or "weet niet" this close to the figure counts
SUM_SPAN = 8  # words: how close the answers of a sum must be named
SUM_SCORE = 0.4  # ... and how well each, polarity counted


@dataclass(frozen=True)
class Scored:
    profile: AnswerProfile
    score: float
    content: float  # how fully the label's own words (not ja/nee) are named
    positions: frozenset[int]
    mean_position: float


def _weight(weights: Weights, stem: str) -> float:
    return weights.answer.get(stem, (0.0, 0))[0]


def score_answers(profile: QuestionProfile, weights: Weights) -> list[Scored]:
    importance = profile.answer_weights
    negation = _weight(weights, NEG)
    dont_know = _weight(weights, DONT_KNOW)
    found = weights.answer
    if profile.not_knowing_is_no:
        negation, dont_know = max(negation, dont_know), 0.0
        found = {t: w for t, w in found.items() if t != DONT_KNOW}
        if (
            DONT_KNOW in weights.answer
            and weights.answer[DONT_KNOW][0] > found.get(NEG, (0.0, 0))[0]
        ):
            found[NEG] = weights.answer[DONT_KNOW]
    has_negative = any(a.is_negative for a in profile.answers)
    has_dont_know = any(a.is_dont_know for a in profile.answers)
    if has_dont_know and not profile.not_knowing_is_no:
        found, negation, dont_know = _not_aware(profile, found, negation, dont_know)
    scored = []
    for answer in profile.answers:
        if not answer.required:
            continue
        matched = {t: found[t] for t in answer.required if t in found}
        total = sum(importance.get(t, 0.3) for t in answer.required)
        coverage = (
            sum(importance.get(t, 0.3) * w for t, (w, _p) in matched.items()) / total
        )
        content = _content(profile, answer)
        # How close the label's own words stand: for "Ja" or "Nee" alone, that word.
        own = max(
            (matched[t][0] for t in (content or answer.required) if t in matched),
            default=0.0,
        )
        # "Nee" alone is named by any "niet"; a fuller label that names more wins.
        score = coverage * (1.0 if content else 0.9) + 0.05 * len(matched)
        used = {p for _w, p in matched.values()}
        score += 0.05 * sum(
            found[t][0]
            for t in answer.optional
            if t in found and found[t][1] not in used
        )
        # The words only this label has tell it apart best ("in gesprek" vs "alleen").
        unique = [t for t in (content or answer.required) if t in profile.unique_words]
        if unique:
            score += (
                0.2
                * sum(
                    importance.get(t, 0.3) * matched[t][0]
                    for t in unique
                    if t in matched
                )
                / sum(importance.get(t, 0.3) for t in unique)
            )
        if (
            has_dont_know
            and not answer.is_dont_know
            and dont_know >= max(POLARITY, own)
        ):
            score *= 0.5
        negated = negation >= max(POLARITY, own)
        if (
            negated
            and has_negative
            and not answer.is_negative
            and not answer.is_dont_know
        ):
            score *= 0.6
        if (
            answer.is_negative
            and negation < POLARITY
            and not all(t in matched for t in content)
        ):
            score *= 0.6
        content_total = sum(importance.get(t, 0.3) for t in content)
        content_score = (
            sum(importance.get(t, 0.3) * matched[t][0] for t in content if t in matched)
            / content_total
            if content_total
            else 0.0
        )
        numbers = {t for t in answer.required if t.isdigit()}
        if numbers and not numbers & matched.keys() and weights.numbers - numbers:
            score = 0.0  # "jonger dan 45" is no "Jonger dan 40 jaar"
        positions = _as_phrase(matched, weights) or frozenset(
            p for _w, p in matched.values()
        )
        if positions and min(positions) < weights.position <= max(positions):
            score *= 0.8  # the label's words stand on both sides of the figure
        mean = sum(positions) / len(positions) if positions else 0.0
        scored.append(Scored(answer, score, content_score, positions, mean))
    return scored


def _not_aware(profile: QuestionProfile, found, negation: float, dont_know: float):
    """ "Niet op de hoogte van samenwerking", "niet bekend met het gebruik": not knowing
    the answer, in a question that does not ask what one knows."""
    if KNOWN in profile.tokens or any(KNOWN in a.required for a in profile.answers):
        return found, negation, dont_know
    if NEG not in found or KNOWN not in found:
        return found, negation, dont_know
    weight = min(found[NEG][0], found[KNOWN][0])
    if weight < POLARITY:
        return found, negation, dont_know
    found = {t: w for t, w in found.items() if t != NEG}
    if weight > found.get(DONT_KNOW, (0.0, 0))[0]:
        found[DONT_KNOW] = (weight, found[KNOWN][1])
    return found, 0.0, max(dont_know, weight)


def _as_phrase(
    matched: dict[str, tuple[float, int]], weights: Weights
) -> frozenset[int] | None:
    """Where a label of several words stands as one phrase, if its nearest words do not.

    "Zeer tevreden of tevreden": Zeer tevreden is the first two words, not "zeer" and
    the second "tevreden".
    """
    if len(matched) < 2:
        return None
    nearest = [p for _w, p in matched.values()]
    span = len(matched)  # its words side by side, one more word between at most
    if max(nearest) - min(nearest) <= span:
        return None
    places = {t: weights.occurrences.get(t, [p]) for t, (_w, p) in matched.items()}
    best = None
    for start in sorted({p for ps in places.values() for p in ps}):
        chosen = []
        for _t, ps in places.items():
            inside = [p for p in ps if start <= p <= start + span]
            if not inside:
                break
            chosen.append(min(inside))
        else:
            distance = abs(sum(chosen) / len(chosen) - weights.position)
            if best is None or distance < best[0]:
                best = (distance, frozenset(chosen))
    return best[1] if best else None


def _content(profile: QuestionProfile, answer: AnswerProfile) -> list[str]:
    """The words that set a label apart: "ja"/"nee" are polarity in a yes/no question,
    but "geen" is the label's own word in "Geen vertrouwen"."""
    polarity = (NEG, POS) if profile.is_yes_no else (POS,)
    return [t for t in answer.required if t not in polarity]


def without_contained(
    scored: list[Scored], weights: Weights | None = None
) -> list[Scored]:
    """Answers named by words that name a fuller or better answer too are left out.

    "vaak" in "niet vaak of nooit"; "beleidsadviseur" names Adviseur less well than
    Beleidsadviseur.
    """

    def contained(s: Scored, other: Scored) -> bool:
        if other is s or not s.positions or not s.positions <= other.positions:
            return False
        if (
            max(other.positions) - min(other.positions)
            > len(other.profile.required) + 2
        ):
            return False  # the fuller label's words are no phrase in the text
        if s.positions == other.positions:
            return other.score > s.score + 0.05
        return other.score >= s.score * 0.9

    kept = []
    for s in scored:
        fuller = next((other for other in scored if contained(s, other)), None)
        if fuller is None:
            kept.append(s)
        elif (
            weights is not None
            and (moved := _elsewhere(s, fuller, weights)) is not None
        ):
            kept.append(moved)  # "zeer eens of eens": the second "eens" is Mee eens
    return kept


def _elsewhere(s: Scored, fuller: Scored, weights: Weights) -> Scored | None:
    """``s`` named by other occurrences of its words than those of the fuller label, or None."""
    positions = set()
    for stem in s.profile.required:
        others = [
            p for p in weights.occurrences.get(stem, ()) if p not in fuller.positions
        ]
        if not others and stem in weights.answer:
            return None
        if others:
            positions.add(min(others, key=lambda p: abs(p - weights.position)))
    if not positions:
        return None
    frozen = frozenset(positions)
    return Scored(s.profile, s.score, s.content, frozen, sum(frozen) / len(frozen))


def named_sum(
    profile: QuestionProfile, scored: list[Scored], weights: Weights
) -> list[AnswerProfile] | None:
    """Adjacent answers the figure's words name together ("altijd of vaak"), or None.

    Never for a question with several answers allowed: its shares do not add up.
    """
    if profile.question.type == "multi":
        return None
    strong = sorted(
        (s for s in scored if s.content >= STRONG and s.score >= SUM_SCORE),
        key=lambda s: s.profile.answer.order,
    )
    runs: list[list[Scored]] = []
    for s in strong:
        if runs and s.profile.answer.order == runs[-1][-1].profile.answer.order + 1:
            runs[-1].append(s)
        else:
            runs.append([s])
    for run in sorted(runs, key=len, reverse=True):
        if len(run) < 2:
            return None
        positions = set().union(*(s.positions for s in run))
        after = all(p >= weights.position for p in positions)
        before = all(p < weights.position for p in positions)
        if not (after or before) or max(positions) - min(positions) > SUM_SPAN:
            continue
        if not _joined(profile, run, weights):
            continue
        if all(_named_apart(profile, s, run, weights, after) for s in run):
            return [s.profile for s in run]
    return None


def _joined(profile: QuestionProfile, run: list[Scored], weights: Weights) -> bool:
    """Whether the labels of ``run`` stand joined in the text ("altijd of vaak", "zeer eens
    tot mee eens", "tevreden of zeer tevreden"): one word for all, or a connecting word
    between the words that set each two apart."""
    places = []
    for s in run:
        mine = set(_content(profile, s.profile))
        others = set().union(
            *(set(_content(profile, o.profile)) for o in run if o is not s)
        )
        own = mine - others
        if own:
            place = min(weights.answer[t][1] for t in own if t in weights.answer)
        else:  # a label within a fuller one: its other occurrence
            taken = set().union(*(o.positions for o in run if o is not s))
            spare = [
                p
                for t in mine
                for p in weights.occurrences.get(t, ())
                if p not in taken
            ]
            if not spare:
                return False
            place = min(spare, key=lambda p: abs(p - weights.position))
        places.append(place)
    places.sort()
    if len(set(places)) == 1:
        return True  # one word names them all ("veel")
    return all(
        0 < b - a <= 3 and any(weights.connectors.get(p) for p in range(a + 1, b))
        for a, b in zip(places, places[1:], strict=False)
    )


def _named_apart(
    profile: QuestionProfile,
    s: Scored,
    run: list[Scored],
    weights: Weights,
    after: bool,
) -> bool:
    """Whether ``s`` has words of its own in the text, not only those of a fuller label.

    "tevreden of zeer tevreden": Tevreden needs a second "tevreden" on the same side.
    """
    mine = set(_content(profile, s.profile))
    others = [set(_content(profile, o.profile)) for o in run if o is not s]
    if not any(mine < other for other in others):
        return True
    for stem in mine:
        side = [
            p
            for p in weights.occurrences.get(stem, ())
            if (p >= weights.position) == after
        ]
        if len(side) >= 2:
            return True
    return False


def enumerated(scored: list[Scored], weights: Weights, count: int = 0) -> list[Scored]:
    """The answers a list of answers names, on the side of the figure that names most.

    With ``count``, the side that names at least that many, after the figure first.
    """
    named = [s for s in without_contained(scored, weights) if s.score >= ENUMERATED]
    after = [s for s in named if s.mean_position >= weights.position]
    before = [s for s in named if s.mean_position < weights.position]
    if count:
        sides = [side for side in (after, before) if len(side) >= count]
        if not sides:
            return []
        side = sorted(sides[0], key=lambda s: s.score, reverse=True)[:count]
    else:
        side = max((after, before), key=len)
    return sorted(side, key=lambda s: s.mean_position)


def list_answers(
    scored: list[Scored], weights: Weights, count: int
) -> list[AnswerProfile] | None:
    """The answers of a list of ``count`` figures, in the order the text names them."""
    named = enumerated(scored, weights, count)
    return [s.profile for s in named] if named else None


def best_answer(
    profile: QuestionProfile, scored: list[Scored], weights: Weights
) -> AnswerProfile | None:
    """The one answer the figure names, or for a yes/no question the side its words take."""
    ranked = sorted(
        without_contained(scored),
        key=lambda s: (s.score, -len(s.profile.required)),
        reverse=True,
    )
    if ranked:
        best = ranked[0]
        second = ranked[1].score if len(ranked) > 1 else 0.0
        if best.score >= NAMED:
            return best.profile
        # The label the sentence names, if faintly ("Ook Snapchat wordt genoemd, maar
        # door slechts 2 procent"), as long as no other comes close.
        if best.score >= ENUMERATED and best.score >= 1.4 * second and best.content > 0:
            return best.profile
    if not profile.is_yes_no:
        return None
    dont_know = _weight(weights, DONT_KNOW) >= POLARITY
    if dont_know and not profile.not_knowing_is_no:
        return next((a for a in profile.answers if a.is_dont_know), None)
    negative = _weight(weights, NEG) >= POLARITY or dont_know
    side = [
        a for a in profile.answers if (a.is_negative if negative else a.is_positive)
    ]
    return min(side, key=lambda a: len(a.required)) if side else None
