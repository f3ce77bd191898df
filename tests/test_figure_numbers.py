"""The check reads Dutch percentages as the panel writes them, and nothing else as one."""

import pytest

from articles.figures.document import read_article
from articles.figures.numbers import find_percentages


def written(text: str) -> list[tuple[float, str]]:
    return [(m.value, text[m.start : m.end]) for m in find_percentages(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volgens 43 procent is dat zo.", [(43, "43 procent")]),
        ("Dat zegt 43% van hen.", [(43, "43%")]),
        ("Dat zegt 43 % van hen.", [(43, "43 %")]),
        ("Dat zegt 43\xa0% van hen.", [(43, "43\xa0%")]),
        ("Dat zegt 25,5 procent.", [(25.5, "25,5 procent")]),
        ("5 Procent is bureauhoofd.", [(5, "5 Procent")]),
        ("13 en 44 procent zijn het eens.", [(13, "13"), (44, "44 procent")]),
        (
            "respectievelijk 33, 6 en 46 procent",
            [(33, "33"), (6, "6"), (46, "46 procent")],
        ),
        ("een klein percentage van 32 vindt", [(32, "32")]),
        ("een schrikbarend percentage van 57 zegt", [(57, "57")]),
        ("Twee procent is directeur.", [(2, "Twee procent")]),
        (
            "Vijfendertig procent heeft weinig vertrouwen.",
            [(35, "Vijfendertig procent")],
        ),
        ("De helft is het eens.", [(50, "De helft")]),
        ("Driekwart weet het.", [(75, "Driekwart")]),
        ("Een derde weet het.", [(33.3, "Een derde")]),
        ("Een kwart weet het.", [(25, "Een kwart")]),
        ("Een op de vijf weet het.", [(20, "Een op de vijf")]),
        ("Twee op de drie weten het.", [(66.7, "Twee op de drie")]),
        ("Drie van de tien weten het.", [(30, "Drie van de tien")]),
        ("7 van de 10 weten het.", [(70, "7 van de 10")]),
        ("Een op de twintig weet het.", [(5, "Een op de twintig")]),
        ("tussen de 40 en 50 procent", [(45, "tussen de 40 en 50 procent")]),
        (
            "31 procent is onder de 40 en 1 procent ouder dan 65.",
            [(31, "31 procent"), (1, "1 procent")],
        ),
    ],
)
def test_percentages_are_found_as_written(text, expected):
    assert written(text) == [(float(v), w) for v, w in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Het onderzoek liep in 2020 onder een kleine 500 ambtenaren.",
        "Op 15 juni 2020 om 9.30 uur begon het.",
        "Bel 070-3456789 of lees paragraaf 3.2 op pagina 14.",
        "Het kostte 5 miljoen euro en € 12 per deelnemer.",
        "Dat gebeurde 2 keer, bij 3 organisaties, in 24 weken.",
        "Ambtenaren van 40 tot 65 jaar, n = 480.",
        "Het aandeel steeg met 4 procentpunt.",
        "Dat is 5 procentpunten meer dan vorig jaar.",
        "De salarissen stegen met 2 procent.",
        "Een stijging van 10 procent.",
        "Het budget is 15 procent hoger dan vorig jaar.",
        "Het salaris steeg in 2023 met 10 procent.",
        "Een derde partij deed het onderzoek, om kwart over negen.",
        "De respons was 48 van de 100 uitgenodigden.",
        "Met 95 procent zekerheid ligt het daar.",
        # A count of things is no share: "3 van de 20 grote gemeenten".
        "Webcare is 24/7 bereikbaar bij 3 van de 20 grote gemeenten.",
        "Het lukte 12 van de 40 provincies en waterschappen.",
        "De website scoort 4 van de 5 sterren.",
        "Thuiswerken doet men 2 op de 5 dagen.",
        # A percentage in a compound names a threshold or a rule, not a share.
        "Wie de 50%-grens haalt, krijgt het keurmerk.",
        "De 30-procentsnorm en de 80%-regel gelden niet.",
    ],
)
def test_numbers_that_are_no_share_of_respondents_are_never_found(text):
    assert written(text) == []


@pytest.mark.parametrize(
    ("text", "stored", "agrees"),
    [
        ("57 procent", 56.5, True),
        ("57 procent", 57.49, True),
        ("57 procent", 57.5, False),
        ("57 procent", 56.49, False),
        ("25,5 procent", 25.45, True),
        ("25,5 procent", 25.549, True),
        ("25,5 procent", 25.56, False),
        ("een kleine 5 procent", 4.6, True),
        ("een kleine 5 procent", 5.0, True),
        ("een kleine 5 procent", 6.0, False),
        ("bijna de helft", 45.0, True),
        ("bijna de helft", 52.0, False),
        ("ruim de helft", 57.0, True),
        ("ruim de helft", 48.0, False),
        ("ruim 40 procent", 40.8, True),
        ("ruim 40 procent", 38.0, False),
        ("nog geen 10 procent", 9.0, True),
        ("nog geen 10 procent", 12.0, False),
        ("meer dan 60 procent", 57.0, False),
        ("meer dan 60 procent", 75.0, True),
        ("minder dan 20 procent", 15.0, True),
        ("ongeveer 30 procent", 28.7, True),
        ("ongeveer 30 procent", 20.0, False),
        ("driekwart", 76.0, True),
        ("een op de vijf", 19.0, True),
    ],
)
def test_a_written_figure_allows_the_values_its_words_allow(text, stored, agrees):
    from articles.figures.check import agrees as allows

    [mention] = find_percentages(text)

    assert allows(mention, stored) is agrees


def test_hyphenation_from_print_is_joined_and_offsets_point_into_the_stored_html():
    body = (
        "<p>Zij zijn res-pectievelijk 9 en 18 pro-cent projectleider of advi- seur.</p>"
    )

    [paragraph] = read_article(body=body).paragraphs
    mentions = find_percentages(paragraph.text)

    assert "respectievelijk 9 en 18 procent projectleider of adviseur" in paragraph.text
    last = mentions[-1]
    start, end = paragraph.source_span(last.start, last.end)
    assert body[start:end] == "18 pro-cent"
