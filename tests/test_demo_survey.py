"""loaddemo's survey round: every figure of the seed article, with its charts in the article."""

import re
from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from articles.demo import DEMO_DIR, SEED_ARTICLE
from articles.models import Article
from surveys.models import (
    TOTAL_SEGMENT,
    AnswerOption,
    Question,
    Result,
    Segment,
    Survey,
)
from tests.support.queries import captured_queries, writes

pytestmark = pytest.mark.django_db

SLUG = "digitale-dienstverlening"

# Written out by hand from the article, independent of surveys/demo.py.
EXPECTED = {
    "geslacht": ("single", [("Man", 52), ("Vrouw", 48)]),
    "leeftijd": (
        "single",
        [
            ("Jonger dan 40 jaar", 31),
            ("40 tot en met 65 jaar", 68),
            ("Ouder dan 65 jaar", 1),
        ],
    ),
    "organisatie": (
        "single",
        [
            ("Rijksoverheid", 33),
            ("Provincie", 6),
            ("Gemeente", 46),
            ("Waterschap", 5),
            ("Zbo", 5),
            ("Andere organisatie", 5),
        ],
    ),
    "functie": (
        "single",
        [
            ("Directeur", 2),
            ("Staffunctie", 11),
            ("Projectleider", 9),
            ("Beleidsadviseur", 18),
            ("Bureauhoofd", 5),
            ("Adviseur", 37),
            ("Geen functie genoemd", 18),
        ],
    ),
    "gesprek": (
        "single",
        [
            ("Altijd", 25),
            ("Vaak", 51),
            ("Neutraal", 9),
            ("Niet vaak of nooit", 12),
            ("Weet niet", 3),
        ],
    ),
    "stimuleren": (
        "single",
        [
            ("Zeer eens", 13),
            ("Mee eens", 44),
            ("Neutraal", 16),
            ("(Zeer) oneens", 11),
            ("Weet niet", 16),
        ],
    ),
    "samenwerking": (
        "single",
        [("Ja, met een of meer partijen", 70), ("Nee", 5), ("Weet niet", 25)],
    ),
    "toegankelijkheid": (
        "single",
        [
            ("(Zeer) toegankelijk", 32),
            ("Neutraal", 23),
            ("(Zeer) ontoegankelijk", 24),
            ("Weet niet", 21),
        ],
    ),
    "kwaliteitseisen": ("single", [("Ja", 36), ("Nee", 7), ("Weet niet", 57)]),
    "waarborging": ("single", [("Ja", 57), ("Nee", 9), ("Weet niet", 34)]),
    "agenda-bekend": ("single", [("Ja", 57), ("Nee", 43)]),
    "activiteiten": (
        "single",
        [
            ("Ja, een of meer activiteiten", 31),
            ("Nee", 7),
            ("Niet op de hoogte van mogelijke activiteiten", 5),
            ("Weet niet", 57),
        ],
    ),
    "grondrechten-bewust": (
        "single",
        [
            ("(Zeer) bewust", 72),
            ("Neutraal", 18),
            ("Niet of nauwelijks bewust", 8),
            ("Weet niet", 2),
        ],
    ),
    "grondrechten-beleid": (
        "single",
        [("Ja, volledig of gedeeltelijk", 61), ("Nee", 5), ("Weet niet", 34)],
    ),
    "kanalen": (
        "multi",
        [
            ("Twitter", 77),
            ("Facebook", 70),
            ("LinkedIn", 60),
            ("WhatsApp", 39),
            ("Instagram", 30),
            ("Snapchat", 2),
            ("Anders", 6),
            ("Weet niet", 11),
            ("Social media spelen geen rol", 2),
        ],
    ),
    "gebruik": (
        "single",
        [
            ("Berichten plaatsen en in gesprek gaan met inwoners", 46),
            ("Verschilt per medium", 27),
            ("Alleen berichten plaatsen (zenden)", 16),
            ("Weet niet", 11),
        ],
    ),
    "reactietijd": (
        "single",
        [
            ("Binnen een dag", 48),
            ("Langer dan een dag", 8),
            ("Geen mening", 16),
            ("Weet niet", 28),
        ],
    ),
    "verbetering": (
        "single",
        [
            ("Nee, ik ben tevreden", 28),
            ("Ja, ik heb tips om die te verbeteren", 26),
            ("Er moet geen gebruik worden gemaakt van social media", 4),
            ("Weet niet", 42),
        ],
    ),
}

# "25 procent", "13 en 44 Procent", "33, 6 en 46 procent", "een klein percentage van 32".
# The lookbehind skips "onder de 40 en 1 procent", where 40 is an age, not a figure.
FIGURE = re.compile(
    r"(?<!\bde )\b(\d+(?:, \d+)*(?: en \d+)?) [Pp]rocent|percentage van (\d+)"
)
CHART = re.compile(r"^\[grafiek ([\w-]+)/([\w-]+)\]$")
BLOCK = re.compile(r"<(p|h2)>(.*?)</\1>", re.S)


def figures_in(text: str) -> Counter[int]:
    """Every percentage the text states, with how often it is stated."""
    found = Counter()
    for listed, after_percentage in FIGURE.findall(text):
        found.update(int(n) for n in re.findall(r"\d+", listed or after_percentage))
    return found


def stored_figures() -> dict[str, list[tuple[str, Decimal]]]:
    """Per question code, its Totaal results as (answer, percentage) in answer order."""
    figures = {}
    for question in Question.objects.filter(survey__slug=SLUG).order_by("order"):
        figures[question.code] = [
            (result.option.label, result.percentage)
            for result in Result.objects.filter(
                option__question=question, segment__name=TOTAL_SEGMENT
            )
            .select_related("option")
            .order_by("option__order")
        ]
    return figures


def body_blocks() -> list[str]:
    """The stored body of the demo article, one string per paragraph or subheading."""
    body = Article.objects.get(slug=SEED_ARTICLE["slug"]).body
    return [content.strip() for _tag, content in BLOCK.findall(body)]


def charts_after_paragraphs() -> list[tuple[str, list[str]]]:
    """Each prose paragraph of the body with the question codes charted right after it."""
    placed = []
    for block in body_blocks():
        chart = CHART.match(block)
        if chart:
            assert placed, f"{block} staat vóór de eerste alinea"
            assert chart.group(1) == SLUG, block
            placed[-1][1].append(chart.group(2))
        else:
            placed.append((block, []))
    return placed


def snapshot() -> dict[str, list[dict]]:
    return {
        "surveys": list(Survey.objects.order_by("id").values()),
        "questions": list(Question.objects.order_by("id").values()),
        "options": list(AnswerOption.objects.order_by("id").values()),
        "segments": list(Segment.objects.order_by("id").values()),
        "results": list(Result.objects.order_by("id").values()),
        "articles": list(Article.objects.order_by("id").values()),
    }


def test_loaddemo_creates_the_round_with_a_kleine_500_respondents_and_its_method():
    assert not Survey.objects.filter(slug=SLUG).exists()

    output = StringIO()
    call_command("loaddemo", stdout=output)

    survey = Survey.objects.get(slug=SLUG)
    assert survey.title == "Digitale dienstverlening"
    assert survey.respondents is None
    assert survey.respondents_note == "een kleine 500"
    assert survey.respondents_display == "een kleine 500"
    assert "Online enquête onder leden van het Ambtenarenpanel" in survey.method
    assert survey.fieldwork_start is None and survey.fieldwork_end is None
    assert "Digitale dienstverlening" in output.getvalue()
    assert "18 vragen" in output.getvalue()


def test_every_question_has_its_type_answers_and_figures_from_the_article():
    call_command("loaddemo", stdout=StringIO())

    questions = Question.objects.filter(survey__slug=SLUG).order_by("order")
    assert [(q.code, q.type) for q in questions] == [
        (code, type_) for code, (type_, _answers) in EXPECTED.items()
    ]
    assert all(q.text.strip() for q in questions)
    assert stored_figures() == {
        code: [(label, Decimal(percentage)) for label, percentage in answers]
        for code, (_type, answers) in EXPECTED.items()
    }
    results = Result.objects.filter(option__question__survey__slug=SLUG)
    assert set(results.values_list("segment__name", flat=True)) == {TOTAL_SEGMENT}
    assert not results.filter(count__isnull=False).exists()
    assert (
        AnswerOption.objects.filter(question__survey__slug=SLUG).count()
        == results.count()
    )


def test_every_single_question_adds_up_to_100_within_2():
    call_command("loaddemo", stdout=StringIO())

    singles = Question.objects.filter(survey__slug=SLUG, type=Question.Type.SINGLE)
    assert singles.count() == 17
    for code, answers in stored_figures().items():
        if singles.filter(code=code).exists():
            total = sum(percentage for _label, percentage in answers)
            assert abs(total - 100) <= 2, f"{code}: {total}"


def test_every_stored_figure_is_stated_in_the_paragraph_its_chart_follows():
    call_command("loaddemo", stdout=StringIO())

    stored = stored_figures()
    for paragraph, codes in charts_after_paragraphs():
        in_text = figures_in(paragraph)
        charted = Counter()
        for code in codes:
            for label, percentage in stored[code]:
                assert percentage == int(percentage), f"{code}/{label}: {percentage}"
                assert int(percentage) in in_text, (
                    f"{code}/{label}: {percentage} procent staat niet in de alinea"
                )
                charted[int(percentage)] += 1
        # The converse: each mention in the text is a stored figure. The data may
        # hold more ("elk 5 procent" is three answers), never fewer.
        assert not in_text - charted, f"niet opgeslagen: {in_text - charted}"


def test_the_text_figures_the_data_must_match_are_found_in_the_article():
    paragraphs = (DEMO_DIR / SEED_ARTICLE["file"]).read_text(encoding="utf-8")
    profile = next(p for p in paragraphs.split("\n\n") if p.startswith("Van de"))

    assert sorted(figures_in(profile).elements()) == sorted(
        [52, 48, 68, 31, 1, 33, 6, 46, 5, 2, 11, 9, 18, 5, 18, 37]
    )
    assert figures_in("een schrikbarend percentage van 57 zegt") == Counter([57])
    assert figures_in("Respectievelijk 70 en 77 procent") == Counter([70, 77])


def test_the_intro_figure_of_76_procent_is_altijd_plus_vaak_and_the_agenda_follows_the_body():
    call_command("loaddemo", stdout=StringIO())
    article = Article.objects.get(slug=SEED_ARTICLE["slug"])
    gesprek = dict(stored_figures()["gesprek"])
    agenda = dict(stored_figures()["agenda-bekend"])

    assert "76 procent" in article.lead
    assert gesprek["Altijd"] + gesprek["Vaak"] == 76
    # The intro's "43 procent bekend" contradicts the body; the data follows the body.
    assert "43 procent" in article.lead
    assert agenda == {"Ja": 57, "Nee": 43}


def test_every_question_is_charted_exactly_once_in_the_body_and_none_in_the_lead():
    call_command("loaddemo", stdout=StringIO())
    article = Article.objects.get(slug=SEED_ARTICLE["slug"])
    codes = set(
        Question.objects.filter(survey__slug=SLUG).values_list("code", flat=True)
    )

    charted = re.findall(r"\[grafiek ([\w-]+)/([\w-]+)\]", article.body)
    assert sorted(code for _slug, code in charted) == sorted(codes)
    assert all(slug == SLUG for slug, _code in charted)
    for code in codes:
        assert f"<p>[grafiek {SLUG}/{code}]</p>" in article.body
    assert "[grafiek" not in article.lead


def test_running_loaddemo_again_changes_nothing():
    call_command("loaddemo", stdout=StringIO())
    before = snapshot()

    with captured_queries() as queries:
        call_command("loaddemo", stdout=StringIO())

    assert snapshot() == before
    assert writes(queries, "surveys_", "articles_article") == []


def test_running_loaddemo_again_restores_an_edited_figure_and_drops_a_stray_answer():
    call_command("loaddemo", stdout=StringIO())
    geslacht = Question.objects.get(survey__slug=SLUG, code="geslacht")
    man = Result.objects.get(option__question=geslacht, option__label="Man")
    man.percentage = Decimal("50.5")
    man.save()
    stray = AnswerOption.objects.create(question=geslacht, label="Anders", order=3)
    Result.objects.create(option=stray, segment=man.segment, percentage=Decimal("1.5"))

    call_command("loaddemo", stdout=StringIO())

    man.refresh_from_db()
    assert man.percentage == Decimal("52")
    assert not AnswerOption.objects.filter(pk=stray.pk).exists()
    assert dict(stored_figures()["geslacht"]) == {"Man": 52, "Vrouw": 48}
