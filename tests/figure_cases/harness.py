"""Running the cases through the check and scoring the result: recall and precision of mismatches."""

from dataclasses import dataclass, field

from articles.demo import text_to_html
from articles.figures.check import (
    MISMATCH,
    UNLINKED,
    ArticleText,
    CheckedFigure,
    check_text,
)

from .model import Case, Expect


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) < 0.06


def _same_answer(expect: Expect, figure: CheckedFigure) -> bool:
    return (
        figure.figure is not None
        and figure.figure.question.reference == expect.question
        and figure.figure.labels == expect.answer
    )


@dataclass
class Score:
    true_mismatches: int = 0
    false_mismatches: int = 0
    missed_mismatches: int = 0
    tied_mismatches: int = 0
    tied_found: int = 0
    plain_numbers: int = 0
    plain_clean: int = 0
    ok_figures: int = 0
    ok_linked: int = 0
    unlinked_expected: int = 0
    unlinked_found: int = 0
    sentences: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        expected = self.true_mismatches + self.missed_mismatches
        return self.true_mismatches / expected if expected else 1.0

    @property
    def precision(self) -> float:
        found = self.true_mismatches + self.false_mismatches
        return self.true_mismatches / found if found else 1.0

    @property
    def tied_recall(self) -> float:
        return self.tied_found / self.tied_mismatches if self.tied_mismatches else 1.0

    @property
    def plain_share(self) -> float:
        return self.plain_clean / self.plain_numbers if self.plain_numbers else 1.0

    def report(self, name: str) -> str:
        return (
            f"{name}: {self.sentences} cases; mismatches: recall {self.recall:.1%} "
            f"({self.true_mismatches}/{self.true_mismatches + self.missed_mismatches}), "
            f"precision {self.precision:.1%} "
            f"({self.true_mismatches}/{self.true_mismatches + self.false_mismatches}); "
            f"wrong exact figures tied by chart or tag found: {self.tied_recall:.1%} "
            f"({self.tied_found}/{self.tied_mismatches}); "
            f"non-percentages without findings: {self.plain_share:.1%} "
            f"({self.plain_clean}/{self.plain_numbers}); "
            f"correct figures tied to their answer: {self.ok_linked}/{self.ok_figures}; "
            f"unlinked as expected: {self.unlinked_found}/{self.unlinked_expected}"
        )


def check_case(case: Case, questions) -> tuple[list[CheckedFigure], str]:
    body = text_to_html(case.body_text)
    result = check_text(ArticleText(lead=case.lead, body=body), questions)
    return result.figures, body


def score_case(case: Case, questions, score: Score) -> None:
    figures, body = check_case(case, questions)
    score.sentences += 1
    unused = list(figures)
    label = case.text.split("\n")[0][:90]
    for expect in case.expects:
        if expect.kind == "plain":
            score.plain_numbers += 1
            offset = body.find(expect.token)
            span = (offset, offset + len(expect.token))
            touched = [
                f
                for f in figures
                if f.kind and f.source_span[0] < span[1] and span[0] < f.source_span[1]
            ]
            if offset >= 0 and not touched:
                score.plain_clean += 1
            else:
                score.problems.append(f"plain {expect.token!r} has a finding: {label}")
            continue
        match = next(
            (f for f in unused if _same_value(f.mention.value, expect.value)), None
        )
        if match is not None:
            unused.remove(match)
        if expect.kind == MISMATCH:
            tied = case.ties(expect) and not expect.hedged
            score.tied_mismatches += tied
            if (
                match is not None
                and match.kind == MISMATCH
                and _same_answer(expect, match)
            ):
                score.true_mismatches += 1
                score.tied_found += tied
            else:
                score.missed_mismatches += 1
                if match is not None and match.kind == MISMATCH:
                    score.false_mismatches += 1
                score.problems.append(
                    f"missed mismatch {expect.value} {expect.question} {expect.answer}: got {_describe(match)} | {label}"
                )
        elif expect.kind == "ok":
            score.ok_figures += 1
            if match is not None and match.kind is None and _same_answer(expect, match):
                score.ok_linked += 1
            else:
                if match is not None and match.kind == MISMATCH:
                    score.false_mismatches += 1
                score.problems.append(
                    f"ok {expect.value} {expect.question} {expect.answer}: got {_describe(match)} | {label}"
                )
        elif expect.kind == UNLINKED:
            score.unlinked_expected += 1
            if match is not None and match.kind == UNLINKED:
                score.unlinked_found += 1
            else:
                if match is not None and match.kind == MISMATCH:
                    score.false_mismatches += 1
                score.problems.append(
                    f"unlinked {expect.value}: got {_describe(match)} | {label}"
                )
    for figure in unused:
        if figure.kind == MISMATCH:
            score.false_mismatches += 1
        score.problems.append(f"unexpected figure {_describe(figure)} | {label}")


def _describe(figure: CheckedFigure | None) -> str:
    if figure is None:
        return "no figure found"
    return (
        f"{figure.kind or 'ok'} {figure.mention.value} -> "
        f"{figure.figure.question.reference + ' ' + figure.figure.labels if figure.figure else (figure.question.reference if figure.question else '-')}"
        f" stored {figure.stored}"
    )


def score_cases(cases: list[Case], questions) -> Score:
    score = Score()
    for case in cases:
        score_case(case, questions, score)
    return score
