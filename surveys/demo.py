"""Demo survey round: the figures of the seed article ``articles/demo/digitale-dienstverlening.txt``.

The article reports only percentages of all respondents, rounded to whole
numbers, so every result is in segment ``Totaal`` and no counts are stored.
Each figure below is the one the article states; answer labels follow its wording.
"""

from decimal import Decimal

from django.db import transaction

from .models import TOTAL_SEGMENT, AnswerOption, Question, Result, Segment, Survey

SINGLE = Question.Type.SINGLE
MULTI = Question.Type.MULTI

DEMO_SURVEY = {
    "slug": "digitale-dienstverlening",
    "title": "Digitale dienstverlening",
    "respondents": None,
    "respondents_note": "een kleine 500",
    "method": (
        "Online enquête onder leden van het Ambtenarenpanel: ambtenaren bij Rijk, "
        "provincies, gemeenten, waterschappen en zbo's. Het artikel over dit onderzoek "
        "noemt alleen percentages van alle deelnemers samen, afgerond op hele procenten; "
        "aantallen en uitsplitsingen naar groepen zijn niet gepubliceerd."
    ),
}

# (code, type, question text, [(answer, percentage), ...]) in the order of the article.
# Answers are in answer-scale order; for ``kanalen`` the channels go from most to
# least named, followed by "Anders", "Weet niet" and "Social media spelen geen rol".
DEMO_QUESTIONS = [
    # Respondent profile
    ("geslacht", SINGLE, "Wat is uw geslacht?", [("Man", 52), ("Vrouw", 48)]),
    (
        "leeftijd",
        SINGLE,
        "Wat is uw leeftijd?",
        [
            ("Jonger dan 40 jaar", 31),
            ("40 tot en met 65 jaar", 68),
            ("Ouder dan 65 jaar", 1),
        ],
    ),
    (
        "organisatie",
        SINGLE,
        "Bij welk type organisatie werkt u?",
        [
            ("Rijksoverheid", 33),
            ("Provincie", 6),
            ("Gemeente", 46),
            ("Waterschap", 5),
            ("Zbo", 5),
            ("Andere organisatie", 5),
        ],
    ),
    (
        "functie",
        SINGLE,
        "Wat is uw functie?",
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
    # Kwaliteitseisen
    (
        "gesprek",
        SINGLE,
        "Hoe vaak wordt er in uw organisatie gesproken over digitalisering van de dienstverlening?",
        [
            ("Altijd", 25),
            ("Vaak", 51),
            ("Neutraal", 9),
            ("Niet vaak of nooit", 12),
            ("Weet niet", 3),
        ],
    ),
    (
        "stimuleren",
        SINGLE,
        "Mijn organisatie onderneemt actie om het gebruik van digitale dienstverlening "
        "door inwoners en ondernemers te stimuleren.",
        [
            ("Zeer eens", 13),
            ("Mee eens", 44),
            ("Neutraal", 16),
            ("(Zeer) oneens", 11),
            ("Weet niet", 16),
        ],
    ),
    (
        "samenwerking",
        SINGLE,
        "Werkt uw organisatie samen met andere partijen, zoals de markt en de wetenschap, "
        "om de digitale dienstverlening te verbeteren?",
        [
            ("Ja, met een of meer partijen", 70),
            ("Nee", 5),
            ("Weet niet", 25),
        ],
    ),
    (
        "toegankelijkheid",
        SINGLE,
        "Hoe toegankelijk is de digitale dienstverlening van uw organisatie voor "
        "kwetsbare, digitaal minder vaardige groepen?",
        [
            ("(Zeer) toegankelijk", 32),
            ("Neutraal", 23),
            ("(Zeer) ontoegankelijk", 24),
            ("Weet niet", 21),
        ],
    ),
    (
        "kwaliteitseisen",
        SINGLE,
        "Stelt uw organisatie kwaliteitseisen aan haar digitale dienstverlening?",
        [("Ja", 36), ("Nee", 7), ("Weet niet", 57)],
    ),
    (
        "waarborging",
        SINGLE,
        "Worden deze kwaliteitseisen gewaarborgd?",
        [("Ja", 57), ("Nee", 9), ("Weet niet", 34)],
    ),
    # Agenda
    (
        "agenda-bekend",
        SINGLE,
        "Bent u bekend met de Agenda Digitale Overheid?",
        [("Ja", 57), ("Nee", 43)],
    ),
    (
        "activiteiten",
        SINGLE,
        "Voert uw organisatie activiteiten uit in het kader van de Agenda Digitale Overheid?",
        [
            ("Ja, een of meer activiteiten", 31),
            ("Nee", 7),
            ("Niet op de hoogte van mogelijke activiteiten", 5),
            ("Weet niet", 57),
        ],
    ),
    (
        "grondrechten-bewust",
        SINGLE,
        "In hoeverre bent u zich bewust van de digitale grondrechten van inwoners?",
        [
            ("(Zeer) bewust", 72),
            ("Neutraal", 18),
            ("Niet of nauwelijks bewust", 8),
            ("Weet niet", 2),
        ],
    ),
    (
        "grondrechten-beleid",
        SINGLE,
        "Worden de digitale grondrechten van inwoners meegenomen in het beleid van uw "
        "organisatie ten aanzien van digitalisering?",
        [
            ("Ja, volledig of gedeeltelijk", 61),
            ("Nee", 5),
            ("Weet niet", 34),
        ],
    ),
    # Social media
    (
        "kanalen",
        MULTI,
        "Via welke social media communiceert uw organisatie?",
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
    (
        "gebruik",
        SINGLE,
        "Waarvoor gebruikt uw organisatie social media?",
        [
            ("Berichten plaatsen en in gesprek gaan met inwoners", 46),
            ("Verschilt per medium", 27),
            ("Alleen berichten plaatsen (zenden)", 16),
            ("Weet niet", 11),
        ],
    ),
    (
        "reactietijd",
        SINGLE,
        "Hoe snel reageert uw organisatie op vragen en reacties die via social media "
        "binnenkomen?",
        [
            ("Binnen een dag", 48),
            ("Langer dan een dag", 8),
            ("Geen mening", 16),
            ("Weet niet", 28),
        ],
    ),
    (
        "verbetering",
        SINGLE,
        "Kan de communicatie van uw organisatie via social media beter?",
        [
            ("Nee, ik ben tevreden", 28),
            ("Ja, ik heb tips om die te verbeteren", 26),
            ("Er moet geen gebruik worden gemaakt van social media", 4),
            ("Weet niet", 42),
        ],
    ),
]


def _save_if_changed(obj, values: dict) -> None:
    """Set ``values`` on ``obj`` and save only the fields that differ, so a rerun writes nothing."""
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save(update_fields=changed)


def _create_or_update(model, *, values: dict, **lookup):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    _save_if_changed(obj, values)
    return obj


@transaction.atomic
def load_survey_demo() -> Survey:
    """Create or update the demo round with every question, answer and figure above.

    Answers of a demo question that are not in the data are deleted, so each
    question's figures stay exactly those of the article; other questions of the
    round and other segments are left alone. Running it again changes nothing.
    """
    survey = _create_or_update(
        Survey,
        slug=DEMO_SURVEY["slug"],
        values={key: value for key, value in DEMO_SURVEY.items() if key != "slug"},
    )
    total, _created = Segment.objects.get_or_create(name=TOTAL_SEGMENT)
    for question_order, (code, type_, text, answers) in enumerate(
        DEMO_QUESTIONS, start=1
    ):
        question = _create_or_update(
            Question,
            survey=survey,
            code=code,
            values={"text": text, "type": type_, "order": question_order},
        )
        labels = [label for label, _percentage in answers]
        question.options.exclude(label__in=labels).delete()
        for option_order, (label, percentage) in enumerate(answers, start=1):
            option = _create_or_update(
                AnswerOption,
                question=question,
                label=label,
                values={"order": option_order},
            )
            _create_or_update(
                Result,
                option=option,
                segment=total,
                values={"percentage": Decimal(percentage), "count": None},
            )
    return survey
