"""Demo round computed from respondents: 1 200 synthetic civil servants (seeded, so reruns match).

Organisation type, age group and function are ``profiel`` questions; Waterschap has
too few respondents (and so hides one more group for complementary suppression); the
weight ``gewicht`` corrects the over-representation of older respondents; the
questions differ between groups for real (working from home by organisation, AI by
age), so that significant differences show. The files are made in memory and
imported through ``import_respondents``, like a researcher's upload.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date

from .models import Survey
from .respondents.service import import_respondents

SLUG = "werk-en-welzijn-2024"
RESPONDENTS = 1200
SEED = 20240601

DEMO_SURVEY = {
    "title": "Werk en welzijn 2024",
    "fieldwork_start": date(2024, 5, 13),
    "fieldwork_end": date(2024, 6, 2),
    "respondents_note": "",
    "method": (
        "Online vragenlijst onder leden van het Ambtenarenpanel (demonstratie met "
        "synthetische antwoorden). De cijfers zijn berekend uit de antwoorden van de "
        "afzonderlijke respondenten en gewogen naar leeftijd, omdat ouderen in het panel "
        "oververtegenwoordigd zijn. Groepen van minder dan 10 respondenten worden niet "
        "getoond."
    ),
}

PROFILES = {
    "organisatie": (
        "Voor welk soort overheidsorganisatie werkt u?",
        "Organisatie",
        [
            ("rijk", "Rijksoverheid", 420),
            ("gem", "Gemeente", 480),
            ("prov", "Provincie", 120),
            ("zbo", "Zbo", 90),
            ("ander", "Andere organisatie", 84),
            ("ws", "Waterschap", 6),
        ],
    ),
    "leeftijd": (
        "Tot welke leeftijdsgroep behoort u?",
        "Leeftijd",
        [
            ("j", "Jonger dan 35", 20),
            ("m", "35 tot 55 jaar", 45),
            ("o", "55 jaar of ouder", 35),
        ],
    ),
    "functie": (
        "Wat voor werk doet u vooral?",
        "Functie",
        [
            ("beleid", "Beleid", 35),
            ("uitv", "Uitvoering", 35),
            ("leid", "Leidinggevend", 12),
            ("onder", "Ondersteuning", 18),
        ],
    ),
}
#: The age groups' share of civil servants, for the weights.
AGE_TARGET = {"j": 0.30, "m": 0.45, "o": 0.25}

SINGLE_QUESTIONS = {
    "thuiswerken": (
        "Hoeveel dagen per week werkt u gemiddeld thuis?",
        [
            ("0", "Geen"),
            ("1", "Eén dag"),
            ("2", "Twee dagen"),
            ("3", "Drie dagen of meer"),
        ],
    ),
    "werkdruk": (
        "Hoe ervaart u uw werkdruk?",
        [
            ("hoog", "Te hoog"),
            ("goed", "Precies goed"),
            ("laag", "Te laag"),
            ("wn", "Weet niet"),
        ],
    ),
    "ai": (
        "Gebruikt u generatieve AI, zoals ChatGPT of Copilot, in uw werk?",
        [
            ("vaak", "Ja, regelmatig"),
            ("soms", "Ja, soms"),
            ("nee", "Nee"),
            ("verbod", "Nee, dat mag niet van mijn organisatie"),
        ],
    ),
    "werkplek": (
        "Hoe tevreden bent u over uw digitale werkplek?",
        [
            ("5", "Zeer tevreden"),
            ("4", "Tevreden"),
            ("3", "Neutraal"),
            ("2", "Ontevreden"),
            ("1", "Zeer ontevreden"),
        ],
    ),
}
MULTI_QUESTION = (
    "hulpmiddelen",
    "Welke digitale hulpmiddelen gebruikt u dagelijks?",
    [
        ("teams", "Teams"),
        ("mail", "E-mail"),
        ("sharepoint", "SharePoint"),
        ("zaak", "Zaaksysteem"),
        ("geen", "Geen van deze"),
    ],
)


def codebook_csv() -> bytes:
    rows = [["vraagcode", "vraag", "vraagtype", "waarde", "label", "volgorde", "groep"]]
    for code, (text, group, values) in PROFILES.items():
        for order, (value, label, _share) in enumerate(values, start=1):
            rows.append([code, text, "profiel", value, label, order, group])
    for code, (text, answers) in SINGLE_QUESTIONS.items():
        for order, (value, label) in enumerate(answers, start=1):
            rows.append([code, text, "single", value, label, order, ""])
    code, text, options = MULTI_QUESTION
    for order, (value, label) in enumerate(options, start=1):
        rows.append([code, text, "multi", value, label, order, ""])
    return _csv(rows)


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _person(rng: random.Random, organisation: str) -> dict[str, str]:
    age = _pick(rng, {value: share for value, _label, share in PROFILES["leeftijd"][2]})
    function = _pick(rng, {value: share for value, _l, share in PROFILES["functie"][2]})
    home = {"rijk": [5, 15, 35, 45], "prov": [10, 25, 35, 30]}.get(
        organisation, [25, 35, 25, 15]
    )
    ai = {"j": [35, 35, 25, 5], "m": [15, 35, 42, 8], "o": [6, 24, 60, 10]}[age]
    pressure = [55, 35, 4, 6] if function == "leid" else [38, 48, 8, 6]
    answers = {
        "organisatie": organisation,
        "leeftijd": age,
        "functie": function,
        "thuiswerken": rng.choices(["0", "1", "2", "3"], weights=home)[0],
        "werkdruk": rng.choices(["hoog", "goed", "laag", "wn"], weights=pressure)[0],
        "ai": rng.choices(["vaak", "soms", "nee", "verbod"], weights=ai)[0],
        "werkplek": rng.choices(["5", "4", "3", "2", "1"], weights=[12, 45, 25, 13, 5])[
            0
        ],
    }
    for code in ("thuiswerken", "werkdruk", "ai", "werkplek", "functie"):
        if rng.random() < 0.03:
            answers[code] = ""  # no answer
    chosen = {
        "teams": rng.random() < 0.85,
        "mail": rng.random() < 0.95,
        "sharepoint": rng.random() < (0.55 if organisation == "rijk" else 0.35),
        "zaak": rng.random() < (0.60 if organisation == "gem" else 0.15),
    }
    chosen["geen"] = not any(chosen.values())
    skipped = rng.random() < 0.02
    for value, is_chosen in chosen.items():
        answers[f"hulpmiddelen_{value}"] = (
            "" if skipped else ("1" if is_chosen else "0")
        )
    sample_share = {v: s / 100 for v, _l, s in PROFILES["leeftijd"][2]}[age]
    weight = AGE_TARGET[age] / sample_share * rng.uniform(0.9, 1.1)
    answers["gewicht"] = f"{weight:.3f}"
    return answers


def answers_csv() -> bytes:
    rng = random.Random(SEED)
    people = []
    for value, _label, count in PROFILES["organisatie"][2]:
        people.extend(_person(rng, value) for _ in range(count))
    rng.shuffle(people)
    headers = ["respondent", *people[0]]
    rows = [headers]
    for number, person in enumerate(people, start=1):
        rows.append([f"WW24-{number:05d}", *(person[h] for h in headers[1:])])
    return _csv(rows)


def _csv(rows) -> bytes:
    stream = io.StringIO()
    csv.writer(stream).writerows(rows)
    return stream.getvalue().encode("utf-8")


def load_respondent_demo() -> Survey:
    """Create the round and import its respondents; a rerun that would change nothing writes nothing."""
    survey = Survey.objects.filter(slug=SLUG).first()
    if survey is None:
        survey = Survey.objects.create(slug=SLUG, **DEMO_SURVEY)
    else:
        changed = [f for f, v in DEMO_SURVEY.items() if getattr(survey, f) != v]
        for field in changed:
            setattr(survey, field, DEMO_SURVEY[field])
        if changed:
            survey.save(update_fields=changed)
    codebook, answers = codebook_csv(), answers_csv()
    if survey.is_computed:
        preview = import_respondents(
            survey=survey, answers=answers, codebook=codebook, dry_run=True
        )
        if (
            preview.is_valid
            and not preview.changed_codes
            and survey.respondents == RESPONDENTS
        ):
            return survey
    summary = import_respondents(survey=survey, answers=answers, codebook=codebook)
    if not summary.is_valid:  # the demo's own data: a programming error
        raise ValueError("; ".join(issue.message for issue in summary.errors))
    return survey
