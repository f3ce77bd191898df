"""Findings in Dutch words, as the admin and ``check_figures`` show them.

"43 procent — de gegevens zeggen 57 procent (Bent u bekend met de Agenda Digitale
Overheid? — Ja)".
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from .rendering import percentage_words


def _written(finding: dict) -> str:
    return " ".join((finding.get("written") or "").split()) or percentage_words(
        Decimal(str(finding["value"]))
    )


def _answer_words(finding: dict) -> str:
    answer = finding.get("answer") or ""
    labels, _at, segment = answer.partition("@")
    words = " + ".join(labels.split("+"))
    return f"{words}, {segment}" if segment else words


def finding_sentence(finding: dict) -> str:
    written = _written(finding)
    question = finding.get("question_text") or finding.get("question") or ""
    if finding["kind"] == "mismatch" and finding.get("is_suppressed"):
        return _(
            "%(written)s — te weinig respondenten om dit cijfer te tonen (%(question)s — %(answer)s)"
        ) % {"written": written, "question": question, "answer": _answer_words(finding)}
    if finding["kind"] == "mismatch":
        return _(
            "%(written)s — de gegevens zeggen %(stored)s (%(question)s — %(answer)s)"
        ) % {
            "written": written,
            "stored": percentage_words(Decimal(str(finding["stored"]))),
            "question": question,
            "answer": _answer_words(finding),
        }
    if finding.get("question"):
        return _(
            "%(written)s — niet te koppelen aan een antwoord van de vraag ‘%(question)s’"
        ) % {"written": written, "question": question}
    return _(
        "%(written)s — niet te koppelen aan een vraag van de enquêtes die het artikel noemt"
    ) % {"written": written}
