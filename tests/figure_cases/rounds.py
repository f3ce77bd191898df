"""A second survey round for the sentences, with decimals, segments and a suppressed group.

``load_rounds()`` stores the demo round (as ``loaddemo`` does) and this one.
"""

from datetime import date
from decimal import Decimal

from surveys.demo import load_survey_demo
from surveys.models import AnswerOption, Question, Result, Segment, Survey

WORK_ROUND = "werken-2024"

# code, type, text, answers, {segment: [percentage per answer]} (Totaal first)
WORK_QUESTIONS = [
    (
        "thuiswerken",
        "single",
        "Hoe vaak werkt u thuis?",
        ["Nooit", "Soms", "Vaak", "Altijd"],
        {
            "Totaal": ["8", "22.5", "40.8", "28.7"],
            "Gemeente": ["10", "25", "41", "24"],
            "Rijksoverheid": ["4", "15", "42", "39"],
        },
    ),
    (
        "werkdruk",
        "single",
        "Ervaart u een hoge werkdruk?",
        ["Ja", "Nee", "Weet niet"],
        {
            "Totaal": ["61", "33", "6"],
            "Gemeente": ["58", "36", "6"],
            "Rijksoverheid": ["66", "29", "5"],
            "Waterschap": ["70", "30", "0"],
        },
    ),
    (
        "leidinggevende",
        "single",
        "Hoe tevreden bent u over uw leidinggevende?",
        ["Zeer tevreden", "Tevreden", "Neutraal", "Ontevreden", "Zeer ontevreden"],
        {"Totaal": ["18", "47", "20", "10", "5"]},
    ),
    (
        "vertrek",
        "single",
        "Bent u van plan om binnen twee jaar een andere baan te zoeken?",
        ["Ja", "Nee", "Weet ik nog niet"],
        {"Totaal": ["27", "52", "21"]},
    ),
    (
        "ai-gebruik",
        "single",
        "Gebruikt u AI-toepassingen zoals ChatGPT in uw werk?",
        ["Ja, dagelijks", "Ja, af en toe", "Nee", "Weet niet"],
        {"Totaal": ["9", "31", "55", "5"]},
    ),
    (
        "opleiding",
        "multi",
        "Welke opleidingen heeft u het afgelopen jaar gevolgd?",
        ["Cursus", "Training on the job", "E-learning", "Congres", "Geen"],
        {"Totaal": ["44", "30", "52", "12", "19"]},
    ),
    (
        "integriteit",
        "single",
        "Weet u waar u terecht kunt met een vermoeden van een integriteitsschending?",
        ["Ja", "Nee", "Weet niet"],
        {"Totaal": ["74", "19", "7"]},
    ),
    (
        "vertrouwen",
        "single",
        "Hoeveel vertrouwen heeft u in de politiek?",
        ["Veel vertrouwen", "Enig vertrouwen", "Weinig vertrouwen", "Geen vertrouwen"],
        {"Totaal": ["12", "38", "35", "15"]},
    ),
]

SUPPRESSED_SEGMENTS = {"Waterschap"}


def load_work_round() -> Survey:
    survey, _created = Survey.objects.update_or_create(
        slug=WORK_ROUND,
        defaults={
            "title": "Werken bij de overheid 2024",
            "respondents": 612,
            "fieldwork_start": date(2024, 3, 4),
            "fieldwork_end": date(2024, 3, 22),
            "method": "Online vragenlijst onder leden van het Ambtenarenpanel.",
        },
    )
    for order, (code, type_, text, labels, figures) in enumerate(WORK_QUESTIONS):
        question, _created = Question.objects.update_or_create(
            survey=survey,
            code=code,
            defaults={"text": text, "type": type_, "order": order},
        )
        for option_order, label in enumerate(labels):
            option, _created = AnswerOption.objects.update_or_create(
                question=question, label=label, defaults={"order": option_order}
            )
            for segment_name, values in figures.items():
                segment, _created = Segment.objects.get_or_create(name=segment_name)
                Result.objects.update_or_create(
                    option=option,
                    segment=segment,
                    defaults={
                        # A suppressed result stores no figure (a constraint says so).
                        "percentage": None
                        if segment_name in SUPPRESSED_SEGMENTS
                        else Decimal(values[option_order]),
                        "is_suppressed": segment_name in SUPPRESSED_SEGMENTS,
                    },
                )
    return survey


def load_rounds() -> None:
    load_survey_demo()
    load_work_round()
