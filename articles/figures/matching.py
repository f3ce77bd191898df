"""Tying each written percentage to the question and the answer it speaks of.

Candidates are the questions of the rounds the article cites. For each figure the
``Matcher`` weighs the words around it (``context.py``) and scores every question by
the words of its text and its answer labels that the sentence names, rarer words
counting more; a question whose chart stands in the same section gets a bonus that
falls with the distance, and one whose ``[cijfer]`` tag stands in the same sentence a
larger one. Without such a tie a question must be named clearly.

Within the question the answer is the one whose label the figure's own words name
best. Polarity decides a yes/no question: "niet", "geen", "nooit", "onbekend" pick
its negative answer, "weet niet" its don't-know answer, anything else its positive
one. Adjacent answers named together ("altijd of vaak", "veel") make a sum; a list of
figures takes the answers it names in the same order ("respectievelijk 70 en 77
procent … Facebook en Twitter"); "elk 5 procent" holds for each answer named.
"""

import re
from dataclasses import dataclass

from .answers import NAMED as NAMED_ANSWER
from .answers import (
    best_answer,
    enumerated,
    list_answers,
    named_sum,
    score_answers,
)
from .context import Anchor, BlockContext, Weights
from .document import ArticleDocument, Block
from .language import NEG, POS, connector_positions, words
from .neighbours import stronger_neighbour
from .numbers import Mention, find_percentages
from .profiles import AnswerProfile, QuestionProfile, Vocabulary, profile_question
from .questions import TOTAL, CandidateQuestion, StoredFigure

NAMED = 1.0  # how clearly a question must be named without a chart or tag beside it
NAMED_NEAR_CHART = 0.25  # ... with its chart in the same section
CLEAR_IN_SENTENCE = (
    1.5  # a sentence that names a question this clearly needs no context
)
# A group is the figure's when its words stand this close, in its own clause: in
# "61 procent; bij het Rijk is dat 56 procent" the Rijk is the second figure's.
SEGMENT_NAMED = 0.5
CHART_BONUS = 1.0
TAG_IN_SENTENCE = 3.0
TAG_IN_PARAGRAPH = 0.8


@dataclass(frozen=True)
class Link:
    """What a written figure was tied to. ``figure`` None: no answer (``question`` may be known)."""

    block: Block
    mention: Mention
    figure: StoredFigure | None = None
    question: CandidateQuestion | None = None
    each: tuple[StoredFigure, ...] = ()
    # "tevreden" may include "zeer tevreden", "vaak" "altijd": the answer with its stronger
    # neighbour, when the sentence does not name that one apart.
    inclusive: StoredFigure | None = None


@dataclass(frozen=True)
class _Scored:
    profile: AnswerProfile
    score: float
    positions: frozenset[int]
    mean_position: float


class Matcher:
    def __init__(self, questions: list[CandidateQuestion]):
        self.profiles = [profile_question(question) for question in questions]
        self.by_reference = {p.question.reference: p for p in self.profiles}
        self.vocabulary = Vocabulary(self.profiles)

    # --- the document --------------------------------------------------------------

    def link(self, document: ArticleDocument, tags: dict) -> list[Link]:
        """Every written percentage of ``document`` with what it is tied to.

        ``tags`` maps each ``FigureTag`` that resolves to its ``StoredFigure``.
        """
        links: list[Link] = []
        headings: dict[int, list] = {}
        previous: dict[int, list] = {}
        for block in document.blocks:
            if block.kind == "heading":
                headings[block.section] = words(block.text)
                continue
            if block.kind != "paragraph":
                continue
            earlier = []
            if block.section in headings:
                earlier.append((headings[block.section], 0.25))
            if block.section in previous:
                earlier.append((previous[block.section], 0.12))
            block_links, block_words = self._link_block(document, block, earlier, tags)
            links.extend(block_links)
            previous[block.section] = block_words
        return links

    def _charts_near(self, document: ArticleDocument, block: Block) -> dict[str, float]:
        """The bonus of each question charted in the block's section, by distance."""
        bonus: dict[str, float] = {}
        for chart in document.charts:
            if chart.section != block.section or chart.field != block.field:
                continue
            distance = chart.index - block.index
            distance = distance if distance > 0 else 1.5 - distance
            reference = "/".join(chart.chart)
            value = CHART_BONUS / (1 + 0.12 * (distance - 1))
            bonus[reference] = max(bonus.get(reference, 0.0), value)
        return bonus

    def _link_block(self, document, block, earlier, tags):
        tag_spans = [(start, end) for start, end, _tag in block.tags]
        masked = _blank(block.text, tag_spans)
        mentions = find_percentages(masked)
        # "(zeer) eens": the answer with and without "zeer", so no word of its own.
        optional = [m.span() for m in _OPTIONAL_INTENSIFIER.finditer(masked)]
        # The figures themselves are no words: "weet een derde niet" is "weet niet".
        plain = _blank(masked, [(m.phrase_start, m.end) for m in mentions] + optional)
        block_words = words(plain)
        context = BlockContext(
            block, block_words, self.vocabulary, [], connector_positions(plain)
        )
        charts = self._charts_near(document, block)
        paragraph_tags = {
            tags[tag].question.reference for _s, _e, tag in block.tags if tag in tags
        }
        links = []
        for sentence in block.sentences:
            in_sentence = [
                m for m in mentions if sentence.start <= m.start < sentence.end
            ]
            anchors = _anchors(in_sentence, block, sentence)
            sentence_tags = {
                tags[anchor.key].question.reference
                for anchor in anchors
                if not isinstance(anchor.key, tuple) and anchor.key in tags
            }
            for index, anchor in enumerate(anchors):
                if not isinstance(anchor.key, tuple):
                    continue  # a [cijfer] tag: its figure comes from the data
                weights = context.weights(sentence, anchors, index, earlier)
                low = anchors[index - 1].end if index else sentence.start
                high = (
                    anchors[index + 1].start
                    if index + 1 < len(anchors)
                    else sentence.end
                )
                with_stronger = any(low <= start < high for start, _e in optional)
                bonus = dict(charts)
                for reference in paragraph_tags:
                    bonus[reference] = bonus.get(reference, 0.0) + TAG_IN_PARAGRAPH
                for reference in sentence_tags:
                    bonus[reference] = bonus.get(reference, 0.0) + TAG_IN_SENTENCE
                links.extend(
                    self._link_anchor(
                        block,
                        anchor.key,
                        weights,
                        bonus,
                        with_stronger=with_stronger,
                        previous=next(
                            (link for link in reversed(links) if link.figure), None
                        ),
                        group_before=_group_before(
                            block.text, links, sentence, anchor.start
                        ),
                    )
                )
        return links, block_words

    # --- one figure (or list) --------------------------------------------------------

    def _link_anchor(
        self,
        block,
        group: tuple[Mention, ...],
        weights: Weights,
        bonus,
        *,
        with_stronger: bool = False,
        previous: Link | None = None,
        group_before: Link | None = None,
    ) -> list[Link]:
        profile = self._question(weights, bonus, len(group))
        if profile is None:
            return [Link(block, mention) for mention in group]
        question = profile.question
        segment = self._segment(profile, weights)
        if (
            segment == TOTAL
            and group_before is not None
            and group_before.figure.question is question
        ):
            # "Bij het Rijk werkt 42 procent vaak thuis en 39 procent altijd".
            segment = group_before.figure.segment
        scored = score_answers(profile, weights)

        def figure(*answers: AnswerProfile) -> StoredFigure:
            ordered = sorted((a.answer for a in answers), key=lambda a: a.order)
            return StoredFigure(question, tuple(ordered), segment)

        if len(group) > 1:
            chosen = list_answers(scored, weights, len(group))
            if chosen is None:
                return [Link(block, mention, question=question) for mention in group]
            return [
                Link(block, mention, figure(answer), question)
                for mention, answer in zip(group, chosen, strict=True)
            ]
        mention = group[0]
        named = enumerated(scored, weights)
        if mention.each and len(named) > 1:
            each = tuple(figure(s.profile) for s in named)
            return [Link(block, mention, each[0], question, each=each)]
        if together := named_sum(profile, scored, weights):
            return [Link(block, mention, figure(*together), question)]
        if (
            weights.refers_back
            and previous is not None
            and previous.figure.question is question
            and max((s.score for s in scored), default=0.0) < NAMED_ANSWER
        ):
            # "Vaak thuis werkt 40,8 procent; bij gemeenten is dat 41 procent".
            answers = previous.figure.answers
            return [
                Link(block, mention, StoredFigure(question, answers, segment), question)
            ]
        answer = best_answer(profile, scored, weights)
        if answer is None:
            return [Link(block, mention, question=question)]
        stronger = stronger_neighbour(profile, answer, scored, weights)
        if stronger and with_stronger:  # "(zeer) eens": both answers, said as one
            return [Link(block, mention, figure(answer, stronger), question)]
        return [
            Link(
                block,
                mention,
                figure(answer),
                question,
                inclusive=figure(answer, stronger) if stronger else None,
            )
        ]

    def question_scores(self, weights: Weights, bonus: dict[str, float], size: int = 1):
        """(profile, score) of each question that may be the figure's, best first.

        The figure's own sentence decides when it names a question clearly; the
        sentences before it (and the heading) count in full only when it does not
        ("Ja, zegt 36 procent", after the question itself). A list of ``size``
        figures names as many answers.
        """
        if weights.external:
            return []
        idf = self.vocabulary.idf
        rows = []
        named = weights.question.keys() | weights.earlier.keys() | weights.answer.keys()
        for profile in self.profiles:
            question = profile.question
            shared = profile.all_words & named
            if not shared:
                continue  # names nothing of this question: no score
            if shared <= _POLARITY and not weights.reply:
                continue  # a "niet" or "geen" alone is no answer ("ja", "nee" are)
            if weights.years and any(
                y != question.fieldwork_year for y in weights.years
            ):
                continue
            near = bonus.get(question.reference, 0.0) > 0
            labels = sorted(
                (_label_naming(a, weights, idf, partly=near) for a in profile.answers),
                reverse=True,
            )
            label = sum(labels[:size]) + 0.3 * sum(labels[size : size + 1])
            local = _naming(profile.tokens, weights.question, idf) + label
            earlier = _naming(profile.tokens, weights.earlier, idf)
            rows.append((profile, local, earlier))
        clear = max((local for _p, local, _e in rows), default=0.0) >= CLEAR_IN_SENTENCE
        scored = []
        for profile, local, earlier in rows:
            naming = local + (0.3 if clear else 1.0) * earlier
            near = bonus.get(profile.question.reference, 0.0)
            if near and weights.reply and profile.is_yes_no:
                # "Nee, zegt 9 procent" beside the chart of a yes/no question.
                naming = max(naming, NAMED_NEAR_CHART)
            if (
                naming < (NAMED_NEAR_CHART if near else NAMED)
                and near < TAG_IN_SENTENCE
            ):
                continue
            scored.append((profile, naming + near))
        return sorted(scored, key=lambda row: row[1], reverse=True)

    def _question(self, weights: Weights, bonus: dict[str, float], size: int = 1):
        scores = self.question_scores(weights, bonus, size)
        return scores[0][0] if scores else None

    def _segment(self, profile: QuestionProfile, weights: Weights) -> str:
        answer_words = {a.required for a in profile.answers}
        best, best_weight = TOTAL, SEGMENT_NAMED
        for name, stems in profile.segments.items():
            if not stems or stems in answer_words:
                continue
            weight = min(
                max(weights.answer.get(t, (0.0, 0))[0], weights.base.get(t, 0.0))
                for t in stems
            )
            if weight > best_weight:
                best, best_weight = name, weight
        return best


def _naming(tokens, weights: dict[str, float], idf: dict[str, float]) -> float:
    """How clearly weighted words name a question's text: rarer words and fuller coverage count."""
    total = sum(idf[t] for t in tokens)
    if not total:
        return 0.0
    named = sum(idf[t] * weights.get(t, 0.0) for t in tokens)
    return named * (named / total) ** 0.5


def _label_naming(
    answer: AnswerProfile,
    weights: Weights,
    idf: dict[str, float],
    *,
    partly: bool = True,
) -> float:
    """How clearly the figure's words name this answer's label, rarer words counting more.

    Without ``partly`` (no chart or tag of the question nearby) a label named in part
    counts little: one word of "Binnen een dag" is no reason to think of that question.
    """
    total = sum(idf[t] for t in answer.required)
    if not total:
        return 0.0
    named = sum(idf[t] * weights.answer.get(t, (0.0, 0))[0] for t in answer.required)
    fully = sum(idf[t] for t in answer.required if t in weights.answer) >= 0.9 * total
    return named * (named / total) ** 0.5 * (1.0 if partly or fully else 0.3)


_POLARITY = frozenset({NEG, POS})
# Between two figures joined this tightly, the group of the first holds for the second.
_JOINED = re.compile(r"[^,;:()–—]*\b(?:en|of)\b[^,;:()–—]*")
_ALL = re.compile(r"\b(?:alle|totaal|gemiddeld|iedereen|overall)\b", re.IGNORECASE)


def _group_before(text: str, links: list[Link], sentence, start: int) -> Link | None:
    """The figure before in the same sentence, when it names a group and this one is joined
    to it by "en"/"of" alone, without naming all respondents."""
    if not links:
        return None
    before = links[-1]
    if before.figure is None or before.figure.segment == TOTAL:
        return None
    if not sentence.start <= before.mention.start < sentence.end:
        return None
    end = sentence.end
    gap = text[before.mention.end : start]
    if not _JOINED.fullmatch(gap) or _ALL.search(text[before.mention.end : end]):
        return None
    return before


_OPTIONAL_INTENSIFIER = re.compile(
    r"\(\s*(?:zeer|heel|erg|helemaal)\s*\)(?=\s*[\w‘'])", re.IGNORECASE
)


def _blank(text: str, spans) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _anchors(mentions: list[Mention], block: Block, sentence) -> list[Anchor]:
    """The figures of a sentence in order: one anchor per list, one per single mention and per tag."""
    anchors = []
    groups: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.group >= 0:
            groups.setdefault(mention.group, []).append(mention)
        else:
            anchors.append(Anchor(mention.phrase_start, mention.end, (mention,)))
    for members in groups.values():
        anchors.append(Anchor(members[0].phrase_start, members[-1].end, tuple(members)))
    for start, end, tag in block.tags:
        if sentence.start <= start < sentence.end:
            anchors.append(Anchor(start, end, tag))
    return sorted(anchors, key=lambda anchor: anchor.start)
