"""A fifth held-out set, written after the fixes that set 4 led to, and run once as written.

Its first score (recorded in tests/test_figure_check_accuracy.py) is the estimate of
what the check does on sentences it has never met, after those fixes.
"""

from .model import Case, ok, plain, unlinked, wrong

W = "werken-2024/"


def chart(*codes: str) -> str:
    return "".join(f"\n\n[grafiek {code}]" for code in codes)


HOLDOUT_AFTER = [
    Case(
        "Bekend met de Agenda zegt 57 procent te zijn, onbekend 43 procent."
        + chart("agenda-bekend"),
        ok(57, "agenda-bekend", "Ja"),
        ok(43, "agenda-bekend", "Nee"),
    ),
    Case(
        "Nooit van de Agenda gehoord heeft bijna de helft." + chart("agenda-bekend"),
        ok(50, "agenda-bekend", "Nee"),
    ),
    Case(
        "Op de hoogte van de Agenda is 47 procent." + chart("agenda-bekend"),
        wrong(47, "agenda-bekend", "Ja", 57),
    ),
    Case(
        "Dat er vaak over wordt gesproken, zegt 15 procent; altijd, zegt 25 procent."
        + chart("gesprek"),
        wrong(15, "gesprek", "Vaak", 51),
        ok(25, "gesprek", "Altijd"),
    ),
    Case(
        "Volgens ruim drie kwart komt digitalisering vaak of altijd ter sprake."
        + chart("gesprek"),
        ok(75, "gesprek", "Altijd+Vaak"),
    ),
    Case(
        "Een neutraal antwoord geeft 19 procent." + chart("gesprek"),
        wrong(19, "gesprek", "Neutraal", 9),
    ),
    Case(
        "Het eens of zeer eens is 67 procent." + chart("stimuleren"),
        wrong(67, "stimuleren", "Zeer eens+Mee eens", 57),
    ),
    Case(
        "Niet weten of de werkgever actie onderneemt: 16 procent."
        + chart("stimuleren"),
        ok(16, "stimuleren", "Weet niet"),
    ),
    Case(
        "Het oneens of zeer oneens zijn is 11 procent." + chart("stimuleren"),
        ok(11, "stimuleren", "(Zeer) oneens"),
    ),
    Case(
        "Geen samenwerking met andere partijen meldt 5 procent."
        + chart("samenwerking"),
        ok(5, "samenwerking", "Nee"),
    ),
    Case(
        "Niet op de hoogte van samenwerking is 35 procent." + chart("samenwerking"),
        wrong(35, "samenwerking", "Weet niet", 25),
    ),
    Case(
        "Zeer toegankelijk of toegankelijk vindt 32 procent de eigen dienstverlening."
        + chart("toegankelijkheid"),
        ok(32, "toegankelijkheid", "(Zeer) toegankelijk"),
    ),
    Case(
        "Geen idee hoe toegankelijk de dienstverlening is, heeft 31 procent."
        + chart("toegankelijkheid"),
        wrong(31, "toegankelijkheid", "Weet niet", 21),
    ),
    Case(
        "Kwaliteitseisen stelt volgens 36 procent de eigen organisatie; 57 procent weet het niet."
        + chart("kwaliteitseisen"),
        ok(36, "kwaliteitseisen", "Ja"),
        ok(57, "kwaliteitseisen", "Weet niet"),
    ),
    Case(
        "Dat de eisen niet worden gewaarborgd, meldt 19 procent."
        + chart("waarborging"),
        wrong(19, "waarborging", "Nee", 9),
    ),
    Case(
        "Borging van de eisen: ja volgens 57 procent, nee volgens 9 procent."
        + chart("waarborging"),
        ok(57, "waarborging", "Ja"),
        ok(9, "waarborging", "Nee"),
    ),
    Case(
        "Een of meer activiteiten voor de Agenda voert 21 procent uit."
        + chart("activiteiten"),
        wrong(21, "activiteiten", "Ja, een of meer activiteiten", 31),
    ),
    Case(
        "Ruim de helft weet niet of er activiteiten zijn." + chart("activiteiten"),
        ok(50, "activiteiten", "Weet niet"),
    ),
    Case(
        "Bewust tot zeer bewust van de grondrechten is 72 procent."
        + chart("grondrechten-bewust"),
        ok(72, "grondrechten-bewust", "(Zeer) bewust"),
    ),
    Case(
        "Nauwelijks of niet bewust is 18 procent." + chart("grondrechten-bewust"),
        wrong(18, "grondrechten-bewust", "Niet of nauwelijks bewust", 8),
    ),
    Case(
        "Niet meegenomen in het beleid worden de grondrechten volgens 5 procent."
        + chart("grondrechten-beleid"),
        ok(5, "grondrechten-beleid", "Nee"),
    ),
    Case(
        "In het beleid meegenomen, volledig of gedeeltelijk: 71 procent."
        + chart("grondrechten-beleid"),
        wrong(71, "grondrechten-beleid", "Ja, volledig of gedeeltelijk", 61),
    ),
    Case(
        "Instagram noemt 30 procent, WhatsApp 49 procent." + chart("kanalen"),
        ok(30, "kanalen", "Instagram"),
        wrong(49, "kanalen", "WhatsApp", 39),
    ),
    Case(
        "Ruim driekwart communiceert via Twitter." + chart("kanalen"),
        ok(75, "kanalen", "Twitter"),
    ),
    Case(
        "Respectievelijk 60 en 20 procent noemt LinkedIn en Snapchat."
        + chart("kanalen"),
        ok(60, "kanalen", "LinkedIn"),
        wrong(20, "kanalen", "Snapchat", 2),
    ),
    Case(
        "Andere kanalen noemt 16 procent." + chart("kanalen"),
        wrong(16, "kanalen", "Anders", 6),
    ),
    Case(
        "Alleen zenden doet 16 procent, in gesprek gaan 46 procent." + chart("gebruik"),
        ok(16, "gebruik", "Alleen berichten plaatsen (zenden)"),
        ok(46, "gebruik", "Berichten plaatsen en in gesprek gaan met inwoners"),
    ),
    Case(
        "Niet bekend met het gebruik is 21 procent." + chart("gebruik"),
        wrong(21, "gebruik", "Weet niet", 11),
    ),
    Case(
        "Binnen een dag reageert bijna de helft." + chart("reactietijd"),
        ok(50, "reactietijd", "Binnen een dag"),
    ),
    Case(
        "Meer dan een dag doet 18 procent over een reactie." + chart("reactietijd"),
        wrong(18, "reactietijd", "Langer dan een dag", 8),
    ),
    Case(
        "Tevreden over de communicatie via social media: 38 procent."
        + chart("verbetering"),
        wrong(38, "verbetering", "Nee, ik ben tevreden", 28),
    ),
    Case(
        "Een kwart heeft tips voor verbetering." + chart("verbetering"),
        ok(25, "verbetering", "Ja, ik heb tips om die te verbeteren"),
    ),
    Case(
        "Vrouw is 48 procent van de deelnemers." + chart("geslacht"),
        ok(48, "geslacht", "Vrouw"),
    ),
    Case(
        "Ouder dan 65 is 11 procent." + chart("leeftijd"),
        wrong(11, "leeftijd", "Ouder dan 65 jaar", 1),
        plain("65"),
    ),
    Case(
        "Bij een provincie werkt 16 procent, bij een zbo 5 procent."
        + chart("organisatie"),
        wrong(16, "organisatie", "Provincie", 6),
        ok(5, "organisatie", "Zbo"),
    ),
    Case(
        "Bijna vier op de tien noemen zich adviseur." + chart("functie"),
        ok(40, "functie", "Adviseur"),
    ),
    Case(
        "Beleidsadviseur is 8 procent." + chart("functie"),
        wrong(8, "functie", "Beleidsadviseur", 18),
    ),
    # distractors
    Case(
        "De enquête stond van 3 tot 24 mei 2023 open; 1.234 leden reageerden."
        + chart("gesprek"),
        plain("3"),
        plain("24"),
        plain("2023"),
        plain("1.234"),
    ),
    Case(
        "Een abonnement kost € 49,95 per maand, 21 procent btw inbegrepen."
        + chart("kanalen"),
        plain("49,95"),
        plain("21"),
    ),
    Case(
        "De website scoort 4 van de 5 sterren en versie 3.1 verschijnt in Q2."
        + chart("toegankelijkheid"),
        plain("4"),
        plain("3.1"),
    ),
    Case(
        "Het aandeel dat de Agenda kent, daalde met 8 procentpunten."
        + chart("agenda-bekend"),
        plain("8"),
    ),
    Case(
        "Sinds 2019 is het budget met 12 procent gestegen." + chart("activiteiten"),
        plain("2019"),
        plain("12"),
    ),
    Case(
        "Volgens de Rekenkamer voldoet 45 procent van de overheidssites aan de richtlijnen."
        + chart("toegankelijkheid"),
        unlinked(45),
    ),
    Case(
        "‘Minder dan 10 procent van onze inwoners belt nog,’ zegt een deelnemer."
        + chart("reactietijd"),
        unlinked(10),
    ),
    Case(
        "Het streven is dat in 2030 100 procent van de diensten digitaal is."
        + chart("agenda-bekend"),
        plain("2030"),
        unlinked(100),
    ),
    # the work round
    Case(
        f"Nooit thuiswerken doet 18 procent.{chart(W + 'thuiswerken')}",
        wrong(18, W + "thuiswerken", "Nooit", 8),
    ),
    Case(
        f"Van de gemeenteambtenaren werkt een kwart altijd thuis.{chart(W + 'thuiswerken')}",
        ok(25, W + "thuiswerken", "Altijd@Gemeente"),
    ),
    Case(
        f"Bij het Rijk werkt 42 procent vaak thuis en 39 procent altijd.{chart(W + 'thuiswerken')}",
        ok(42, W + "thuiswerken", "Vaak@Rijksoverheid"),
        ok(39, W + "thuiswerken", "Altijd@Rijksoverheid"),
    ),
    Case(
        f"Geen hoge werkdruk: 43 procent.{chart(W + 'werkdruk')}",
        wrong(43, W + "werkdruk", "Nee", 33),
    ),
    Case(
        f"Ruim zes op de tien ervaren een hoge werkdruk.{chart(W + 'werkdruk')}",
        ok(60, W + "werkdruk", "Ja"),
    ),
    Case(
        f"Zeer ontevreden over de leidinggevende is 15 procent.{chart(W + 'leidinggevende')}",
        wrong(15, W + "leidinggevende", "Zeer ontevreden", 5),
    ),
    Case(
        f"Neutraal over de leidinggevende is een op de vijf.{chart(W + 'leidinggevende')}",
        ok(20, W + "leidinggevende", "Neutraal"),
    ),
    Case(
        f"Ruim de helft is niet van plan een andere baan te zoeken.{chart(W + 'vertrek')}",
        ok(50, W + "vertrek", "Nee"),
    ),
    Case(
        f"Dat nog niet weet of hij vertrekt, zegt 31 procent.{chart(W + 'vertrek')}",
        wrong(31, W + "vertrek", "Weet ik nog niet", 21),
    ),
    Case(
        f"Dagelijks AI gebruiken doet 19 procent.{chart(W + 'ai-gebruik')}",
        wrong(19, W + "ai-gebruik", "Ja, dagelijks", 9),
    ),
    Case(
        f"Training on the job volgde 30 procent, een congres 22 procent.{chart(W + 'opleiding')}",
        ok(30, W + "opleiding", "Training on the job"),
        wrong(22, W + "opleiding", "Congres", 12),
    ),
    Case(
        f"Wie een vermoeden heeft van een integriteitsschending, weet in 74 procent van de gevallen waar hij terechtkan.{chart(W + 'integriteit')}",
        ok(74, W + "integriteit", "Ja"),
    ),
    Case(
        f"Weinig vertrouwen in de politiek heeft 25 procent.{chart(W + 'vertrouwen')}",
        wrong(25, W + "vertrouwen", "Weinig vertrouwen", 35),
    ),
    Case(
        f"Veel of enig vertrouwen heeft de helft.{chart(W + 'vertrouwen')}",
        ok(50, W + "vertrouwen", "Veel vertrouwen+Enig vertrouwen"),
    ),
    Case(
        f"Volgens [cijfer {W}vertrek/Ja] wil men weg, 62 procent blijft.",
        wrong(62, W + "vertrek", "Nee", 52),
    ),
]
