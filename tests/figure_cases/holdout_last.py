"""A third held-out set, written after sets 1 and 2 were read; measured once, never tuned on.

Its score is the estimate for sentences the check has never met.
"""

from .model import Case, ok, plain, unlinked, wrong

W = "werken-2024/"

HOLDOUT_LAST = [
    Case(
        "Met de Agenda Digitale Overheid is een minderheid bekend: 47 procent.\n\n[grafiek agenda-bekend]",
        wrong(47, "agenda-bekend", "Ja", 57),
    ),
    Case(
        "Onbekend met de Agenda is 43 procent van de ondervraagden.\n\n[grafiek agenda-bekend]",
        ok(43, "agenda-bekend", "Nee"),
    ),
    Case(
        "Dat er altijd over digitalisering wordt gesproken, meldt 35 procent.\n\n[grafiek gesprek]",
        wrong(35, "gesprek", "Altijd", 25),
    ),
    Case(
        "Niet vaak of nooit komt het onderwerp ter sprake bij 12 procent.\n\n[grafiek gesprek]",
        ok(12, "gesprek", "Niet vaak of nooit"),
    ),
    Case(
        "Dat de werkgever actie onderneemt om het gebruik te stimuleren, vindt 44 procent mee eens.\n\n[grafiek stimuleren]",
        ok(44, "stimuleren", "Mee eens"),
    ),
    Case(
        "Weet niet: 16 procent. Neutraal: 26 procent.\n\n[grafiek stimuleren]",
        ok(16, "stimuleren", "Weet niet"),
        wrong(26, "stimuleren", "Neutraal", 16),
    ),
    Case(
        "Met een of meer partijen werkt volgens zeven op de tien de organisatie samen.\n\n[grafiek samenwerking]",
        ok(70, "samenwerking", "Ja, met een of meer partijen"),
    ),
    Case(
        "Neutraal over de toegankelijkheid voor kwetsbare groepen is 32 procent.\n\n[grafiek toegankelijkheid]",
        wrong(32, "toegankelijkheid", "Neutraal", 23),
    ),
    Case(
        "Kwaliteitseisen? 36 procent zegt ja, 7 procent nee.\n\n[grafiek kwaliteitseisen]",
        ok(36, "kwaliteitseisen", "Ja"),
        ok(7, "kwaliteitseisen", "Nee"),
    ),
    Case(
        "Kwaliteitseisen? 7 procent zegt ja, 36 procent nee.\n\n[grafiek kwaliteitseisen]",
        wrong(7, "kwaliteitseisen", "Ja", 36),
        wrong(36, "kwaliteitseisen", "Nee", 7),
    ),
    Case(
        "Gewaarborgd worden de eisen volgens 57 procent; 34 procent weet het niet.\n\n[grafiek waarborging]",
        ok(57, "waarborging", "Ja"),
        ok(34, "waarborging", "Weet niet"),
    ),
    Case(
        "Geen activiteiten in het kader van de Agenda: dat zegt 7 procent.\n\n[grafiek activiteiten]",
        ok(7, "activiteiten", "Nee"),
    ),
    Case(
        "Neutraal over de eigen bewustheid van de grondrechten is 28 procent.\n\n[grafiek grondrechten-bewust]",
        wrong(28, "grondrechten-bewust", "Neutraal", 18),
    ),
    Case(
        "Volledig of gedeeltelijk meegenomen in het beleid: 61 procent.\n\n[grafiek grondrechten-beleid]",
        ok(61, "grondrechten-beleid", "Ja, volledig of gedeeltelijk"),
    ),
    Case(
        "LinkedIn noemt 60 procent, Snapchat slechts 12 procent.\n\n[grafiek kanalen]",
        ok(60, "kanalen", "LinkedIn"),
        wrong(12, "kanalen", "Snapchat", 2),
    ),
    Case(
        "Social media spelen volgens 2 procent geen rol.\n\n[grafiek kanalen]",
        ok(2, "kanalen", "Social media spelen geen rol"),
    ),
    Case(
        "Langer dan een dag doet 8 procent over een antwoord op social media.\n\n[grafiek reactietijd]",
        ok(8, "reactietijd", "Langer dan een dag"),
    ),
    Case(
        "Vindt dat er geen gebruik gemaakt moet worden van social media: 14 procent.\n\n[grafiek verbetering]",
        wrong(
            14, "verbetering", "Er moet geen gebruik worden gemaakt van social media", 4
        ),
    ),
    Case(
        "Man is 42 procent van de deelnemers, vrouw 58 procent.\n\n[grafiek geslacht]",
        wrong(42, "geslacht", "Man", 52),
        wrong(58, "geslacht", "Vrouw", 48),
    ),
    Case(
        "Ouder dan 65 jaar is 1 procent van de deelnemers.\n\n[grafiek leeftijd]",
        ok(1, "leeftijd", "Ouder dan 65 jaar"),
        plain("65"),
    ),
    Case(
        "Projectleider is 9 procent, directeur 12 procent.\n\n[grafiek functie]",
        ok(9, "functie", "Projectleider"),
        wrong(12, "functie", "Directeur", 2),
    ),
    Case(
        "Het onderzoek kende 18 vragen en duurde van 1 tot 21 juni.\n\n[grafiek functie]",
        plain("18"),
        plain("1"),
        plain("21"),
    ),
    Case(
        "Een op de drie organisaties heeft 2 of meer webcare-medewerkers in dienst.\n\n[grafiek verbetering]",
        unlinked(33.3),
        plain("2"),
    ),
    Case(
        f"Bijna een kwart werkt soms thuis.\n\n[grafiek {W}thuiswerken]",
        ok(25, W + "thuiswerken", "Soms"),
    ),
    Case(
        f"Nooit thuis werkt 8 procent, altijd 38,7 procent.\n\n[grafiek {W}thuiswerken]",
        ok(8, W + "thuiswerken", "Nooit"),
        wrong(38.7, W + "thuiswerken", "Altijd", 28.7),
    ),
    Case(
        f"Geen hoge werkdruk ervaart 36 procent van de gemeenteambtenaren.\n\n[grafiek {W}werkdruk]",
        ok(36, W + "werkdruk", "Nee@Gemeente"),
    ),
    Case(
        f"Tevreden over de leidinggevende is 57 procent.\n\n[grafiek {W}leidinggevende]",
        wrong(57, W + "leidinggevende", "Tevreden", 47),
    ),
    Case(
        f"Van plan om binnen twee jaar van baan te wisselen is ruim een kwart.\n\n[grafiek {W}vertrek]",
        ok(25, W + "vertrek", "Ja"),
        plain("twee"),
    ),
    Case(
        f"Af en toe AI gebruiken doet bijna een derde.\n\n[grafiek {W}ai-gebruik]",
        ok(33.3, W + "ai-gebruik", "Ja, af en toe"),
    ),
    Case(
        f"Geen opleiding volgde 29 procent.\n\n[grafiek {W}opleiding]",
        wrong(29, W + "opleiding", "Geen", 19),
    ),
    Case(
        f"Weet waar men terecht kan bij een vermoeden van schending van de integriteit: 74 procent.\n\n[grafiek {W}integriteit]",
        ok(74, W + "integriteit", "Ja"),
    ),
    Case(
        f"Enig vertrouwen in de politiek heeft 48 procent.\n\n[grafiek {W}vertrouwen]",
        wrong(48, W + "vertrouwen", "Enig vertrouwen", 38),
    ),
    Case(
        f"Volgens het SCP vertrouwt 55 procent van de Nederlanders de politiek.\n\n[grafiek {W}vertrouwen]",
        unlinked(55),
    ),
    Case(
        f"In de peiling van maart 2024, onder 612 ambtenaren, zegt 61 procent dat de werkdruk hoog is.\n\n[grafiek {W}werkdruk]",
        plain("2024"),
        plain("612"),
        ok(61, W + "werkdruk", "Ja"),
    ),
]
