"""The grammar of Dutch figures the check reads for what it means, one mechanism per test.

Each sentence stands in a paragraph with a chart of the demo round (or of the work
round of tests/figure_cases/rounds.py), as an editor writes it; the check must tie the
figure to the answer its words name, or to nothing.
"""

import pytest

from articles.demo import text_to_html
from articles.figures.candidates import questions_of_rounds
from articles.figures.check import ArticleText, check_text
from tests.figure_cases.model import DEMO
from tests.figure_cases.rounds import WORK_ROUND, load_rounds

pytestmark = pytest.mark.django_db


@pytest.fixture
def check():
    load_rounds()
    questions = questions_of_rounds([DEMO, WORK_ROUND])

    def run(text: str, chart: str, *, lead: str = "") -> list[tuple]:
        slug = WORK_ROUND if chart in _WORK else DEMO
        body = text_to_html(f"{text}\n\n[grafiek {slug}/{chart}]")
        result = check_text(ArticleText(lead=lead, body=body), questions)
        return [
            (
                f.mention.value,
                f.figure.question.code if f.figure else None,
                f.figure.labels if f.figure else None,
                f.kind,
            )
            for f in result.figures
        ]

    return run


_WORK = {"thuiswerken", "werkdruk", "leidinggevende", "vertrek", "ai-gebruik"}


def test_a_year_in_an_aside_in_brackets_does_not_date_the_figure(check):
    assert check(
        "Het Ambtenarenpanel (opgericht in 2011) vond dat 57 procent de Agenda kent.",
        "agenda-bekend",
    ) == [(57, "agenda-bekend", "Ja", None)]
    # The figure's own year still counts: this one is not of the round.
    assert check(
        "In 2019 kende 47 procent de Agenda Digitale Overheid.", "agenda-bekend"
    ) == [(47, None, None, "unlinked")]


def test_a_reply_ja_or_nee_beside_the_figure_names_that_answer_of_the_charted_question(
    check,
):
    assert check("Nee, antwoordt 19 procent.", "waarborging") == [
        (19, "waarborging", "Nee", "mismatch")
    ]
    assert check("Ja: 36 procent.", "kwaliteitseisen") == [
        (36, "kwaliteitseisen", "Ja", None)
    ]
    # A negation is no reply: "geen" beside an unrelated figure ties it to nothing.
    assert check(
        "Bij 35 procent van de gemeenten is er geen eigen app.", "kwaliteitseisen"
    ) == [(35, None, None, "unlinked")]


def test_not_knowing_is_the_negative_answer_of_a_question_without_a_dont_know(check):
    assert check(
        "Zo'n 40 procent weet niet wat de Agenda Digitale Overheid inhoudt.",
        "agenda-bekend",
    ) == [(40, "agenda-bekend", "Nee", None)]
    # With a don't-know answer it stays that answer.
    assert check(
        "Of de eisen worden gewaarborgd, weet 24 procent niet.", "waarborging"
    ) == [(24, "waarborging", "Weet niet", "mismatch")]


def test_zeer_in_brackets_names_the_answer_with_its_stronger_neighbour(check):
    assert check("Het (zeer) eens met de stelling is 57 procent.", "stimuleren") == [
        (57, "stimuleren", "Zeer eens+Mee eens", None)
    ]
    assert check("Het (zeer) eens met de stelling is 44 procent.", "stimuleren") == [
        (44, "stimuleren", "Zeer eens+Mee eens", "mismatch")
    ]
    assert check("Zeer tevreden of tevreden: zo'n 65 procent.", "leidinggevende") == [
        (65, "leidinggevende", "Zeer tevreden+Tevreden", None)
    ]
    # A label that has the brackets itself is one answer.
    assert check("Het (zeer) oneens is 11 procent.", "stimuleren") == [
        (11, "stimuleren", "(Zeer) oneens", None)
    ]


def test_eens_alone_may_count_the_zeer_eens_too(check):
    assert check(
        "Eens met de stelling is 57 procent van de deelnemers.", "stimuleren"
    ) == [(57, "stimuleren", "Zeer eens+Mee eens", None)]
    assert check(
        "Eens met de stelling is 44 procent van de deelnemers.", "stimuleren"
    ) == [(44, "stimuleren", "Mee eens", None)]


def test_a_figure_another_source_gives_is_not_the_panels(check):
    assert check(
        "Van de gemeenten heeft 41 procent een chatbot, becijferde de VNG.", "kanalen"
    ) == [(41, None, None, "unlinked")]
    assert check(
        "‘Bij ons komt 90 procent van de vragen via Twitter binnen,’ vertelt een deelnemer.",
        "kanalen",
    ) == [(90, None, None, "unlinked")]
    # Quotes around answer labels are no quote of a figure.
    assert check("Het ‘zeer eens’ kiest 13 procent.", "stimuleren") == [
        (13, "stimuleren", "Zeer eens", None)
    ]


def test_far_from_its_chart_a_figure_must_name_the_question_not_only_a_label(check):
    # "gemeenten" is a label of the question about the organisation, whose chart is
    # elsewhere: the sentence speaks of something else.
    assert check(
        "Een op de vier gemeenten heeft inmiddels een chatbot.", "kanalen"
    ) == [(25, None, None, "unlinked")]
    assert check(
        "Van alle deelnemers werkt 46 procent bij een gemeente, blijkt uit de vragenlijst.",
        "kanalen",
    ) == [(46, "organisatie", "Gemeente", None)]


def test_a_label_with_a_number_is_not_named_by_another_number(check):
    assert check("Van de leden is 52 procent jonger dan 50 jaar.", "leeftijd") == [
        (52, None, None, "unlinked")
    ]
    assert check("Jonger dan 40 jaar is 31 procent.", "leeftijd") == [
        (31, "leeftijd", "Jonger dan 40 jaar", None)
    ]


def test_a_group_named_in_the_next_clause_is_that_clauses_group(check):
    assert check(
        "Vaak thuis werkt 40,8 procent; bij gemeenten ligt dat op 41 procent.",
        "thuiswerken",
    ) == [
        (40.8, "thuiswerken", "Vaak", None),
        (41, "thuiswerken", "Vaak@Gemeente", None),
    ]
    # "is dat" refers back to the figure before, in the sentence before as well.
    assert check(
        "Altijd thuis werkt 28,7 procent. Onder rijksambtenaren is dat 29 procent.",
        "thuiswerken",
    ) == [
        (28.7, "thuiswerken", "Altijd", None),
        (29, "thuiswerken", "Altijd@Rijksoverheid", "mismatch"),
    ]


def test_a_noun_for_the_scale_names_the_question_not_an_answer(check):
    assert check(
        "Neutraal over de toegankelijkheid van de dienstverlening is 33 procent.",
        "toegankelijkheid",
    ) == [(33, "toegankelijkheid", "Neutraal", "mismatch")]
    # A label that is such a noun itself is an answer.
    assert check("Bij de rijksoverheid werkt 33 procent.", "organisatie") == [
        (33, "organisatie", "Rijksoverheid", None)
    ]


def test_words_between_two_figures_belong_to_the_one_they_stand_with(check):
    assert check(
        "Van de Agenda op de hoogte is 57 procent, nooit van gehoord heeft 43 procent.",
        "agenda-bekend",
    ) == [(57, "agenda-bekend", "Ja", None), (43, "agenda-bekend", "Nee", None)]
    assert check(
        "Binnen een dag, zegt 48 procent; langer dan een dag, zegt 8 procent.",
        "reactietijd",
    ) == [
        (48, "reactietijd", "Binnen een dag", None),
        (8, "reactietijd", "Langer dan een dag", None),
    ]


def test_not_aware_of_something_is_not_knowing_in_a_question_that_does_not_ask_it(
    check,
):
    assert check(
        "Niet op de hoogte van samenwerking met partijen is 25 procent.", "samenwerking"
    ) == [(25, "samenwerking", "Weet niet", None)]
    assert check(
        "Onbekend met het gebruik van social media is 11 procent.", "gebruik"
    ) == [(11, "gebruik", "Weet niet", None)]
    # In a question about knowing, it is its negative answer.
    assert check("Niet bekend met de Agenda is 43 procent.", "agenda-bekend") == [
        (43, "agenda-bekend", "Nee", None)
    ]


def test_meer_dan_a_time_is_langer_dan(check):
    assert check("Meer dan een dag wacht 8 procent op antwoord.", "reactietijd") == [
        (8, "reactietijd", "Langer dan een dag", None)
    ]


def test_the_group_of_a_figure_holds_for_the_next_one_joined_to_it(check):
    assert check(
        "Van de rijksambtenaren werkt 15 procent soms thuis en 4 procent nooit.",
        "thuiswerken",
    ) == [
        (15, "thuiswerken", "Soms@Rijksoverheid", None),
        (4, "thuiswerken", "Nooit@Rijksoverheid", None),
    ]
    # Not when the next one names all respondents.
    assert check(
        "Bij gemeenten werkt 10 procent nooit thuis en van alle ambtenaren 8 procent.",
        "thuiswerken",
    ) == [
        (10, "thuiswerken", "Nooit@Gemeente", None),
        (8, "thuiswerken", "Nooit", None),
    ]
