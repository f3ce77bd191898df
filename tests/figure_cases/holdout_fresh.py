"""A second held-out set, written after the first was seen, before any tuning that followed.

The first held-out set (holdout.py) was measured once and its failures were read;
this one stays unseen: its score is the honest estimate for sentences the check has
never met. Do not tune on it.
"""

from .model import Case, ok, plain, unlinked, wrong

W = "werken-2024/"

HOLDOUT_FRESH = [
    Case(
        "Van alle respondenten geeft 57 procent aan de Agenda Digitale Overheid te kennen.\n\n[grafiek agenda-bekend]",
        ok(57, "agenda-bekend", "Ja"),
    ),
    Case(
        "Van alle respondenten geeft 47 procent aan de Agenda Digitale Overheid te kennen.\n\n[grafiek agenda-bekend]",
        wrong(47, "agenda-bekend", "Ja", 57),
    ),
    Case(
        "Dat de Agenda Digitale Overheid hun onbekend is, meldt 43 procent.\n\n[grafiek agenda-bekend]",
        ok(43, "agenda-bekend", "Nee"),
    ),
    Case(
        "Circa 40 procent zegt de Agenda niet te kennen.\n\n[grafiek agenda-bekend]",
        ok(40, "agenda-bekend", "Nee"),
    ),
    Case(
        "Bijna een kwart weet niet of er met andere partijen wordt samengewerkt.\n\n[grafiek samenwerking]",
        ok(25, "samenwerking", "Weet niet"),
    ),
    Case(
        "Samenwerking met een of meer partijen noemt 60 procent.\n\n[grafiek samenwerking]",
        wrong(60, "samenwerking", "Ja, met een of meer partijen", 70),
    ),
    Case(
        "Over digitalisering wordt volgens een kwart altijd gesproken en volgens ruim de helft vaak.\n\n[grafiek gesprek]",
        ok(25, "gesprek", "Altijd"),
        ok(50, "gesprek", "Vaak"),
    ),
    Case(
        "Vaak of altijd: dat zegt 76 procent over hoe vaak digitalisering ter tafel komt.\n\n[grafiek gesprek]",
        ok(76, "gesprek", "Altijd+Vaak"),
    ),
    Case(
        "Een ruime meerderheid (57 procent) is het zeer eens of eens met de stelling dat de werkgever het digitale gebruik stimuleert.\n\n[grafiek stimuleren]",
        ok(57, "stimuleren", "Zeer eens+Mee eens"),
    ),
    Case(
        "Het oneens met die stelling is 21 procent.\n\n[grafiek stimuleren]",
        wrong(21, "stimuleren", "(Zeer) oneens", 11),
    ),
    Case(
        "Voor kwetsbare groepen noemt 24 procent de dienstverlening ontoegankelijk.\n\n[grafiek toegankelijkheid]",
        ok(24, "toegankelijkheid", "(Zeer) ontoegankelijk"),
    ),
    Case(
        "Voor kwetsbare groepen noemt 42 procent de dienstverlening ontoegankelijk.\n\n[grafiek toegankelijkheid]",
        wrong(42, "toegankelijkheid", "(Zeer) ontoegankelijk", 24),
    ),
    Case(
        "Of er kwaliteitseisen zijn, weet 57 procent niet; 36 procent zegt van wel.\n\n[grafiek kwaliteitseisen]",
        ok(57, "kwaliteitseisen", "Weet niet"),
        ok(36, "kwaliteitseisen", "Ja"),
    ),
    Case(
        "Of er kwaliteitseisen zijn, weet 47 procent niet; 46 procent zegt van wel.\n\n[grafiek kwaliteitseisen]",
        wrong(47, "kwaliteitseisen", "Weet niet", 57),
        wrong(46, "kwaliteitseisen", "Ja", 36),
    ),
    Case(
        "De waarborging van de kwaliteitseisen: ja 57 procent, nee 9 procent.\n\n[grafiek waarborging]",
        ok(57, "waarborging", "Ja"),
        ok(9, "waarborging", "Nee"),
    ),
    Case(
        "De waarborging van de kwaliteitseisen: ja 59 procent, nee 9 procent.\n\n[grafiek waarborging]",
        wrong(59, "waarborging", "Ja", 57),
        ok(9, "waarborging", "Nee"),
    ),
    Case(
        "Activiteiten in het kader van de Agenda worden volgens 31 procent uitgevoerd.\n\n[grafiek activiteiten]",
        ok(31, "activiteiten", "Ja, een of meer activiteiten"),
    ),
    Case(
        "Ruim de helft weet niet of er activiteiten in het kader van de Agenda zijn.\n\n[grafiek activiteiten]",
        ok(50, "activiteiten", "Weet niet"),
    ),
    Case(
        "Zeer bewust of bewust van de digitale grondrechten is bijna driekwart.\n\n[grafiek grondrechten-bewust]",
        ok(75, "grondrechten-bewust", "(Zeer) bewust"),
    ),
    Case(
        "Zeer bewust of bewust van de digitale grondrechten is 82 procent.\n\n[grafiek grondrechten-bewust]",
        wrong(82, "grondrechten-bewust", "(Zeer) bewust", 72),
    ),
    Case(
        "In het beleid worden de grondrechten volgens een derde niet meegenomen.\n\n[grafiek grondrechten-beleid]",
        wrong(33.3, "grondrechten-beleid", "Nee", 5),
    ),
    Case(
        "Met 77 procent is Twitter het meest gebruikte kanaal, Facebook volgt met 70 procent.\n\n[grafiek kanalen]",
        ok(77, "kanalen", "Twitter"),
        ok(70, "kanalen", "Facebook"),
    ),
    Case(
        "Met 70 procent is Twitter het meest gebruikte kanaal, Facebook volgt met 77 procent.\n\n[grafiek kanalen]",
        wrong(70, "kanalen", "Twitter", 77),
        wrong(77, "kanalen", "Facebook", 70),
    ),
    Case(
        "WhatsApp gebruikt 39 procent van de organisaties, Instagram 30 procent.\n\n[grafiek kanalen]",
        ok(39, "kanalen", "WhatsApp"),
        ok(30, "kanalen", "Instagram"),
    ),
    Case(
        "Binnen een dag reageert 58 procent op vragen via social media.\n\n[grafiek reactietijd]",
        wrong(58, "reactietijd", "Binnen een dag", 48),
    ),
    Case(
        "Geen mening over de reactiesnelheid heeft 16 procent.\n\n[grafiek reactietijd]",
        ok(16, "reactietijd", "Geen mening"),
    ),
    Case(
        "Tips voor betere communicatie via social media heeft 26 procent.\n\n[grafiek verbetering]",
        ok(26, "verbetering", "Ja, ik heb tips om die te verbeteren"),
    ),
    Case(
        "Per medium verschilt het volgens 27 procent.\n\n[grafiek gebruik]",
        ok(27, "gebruik", "Verschilt per medium"),
    ),
    Case(
        "Het panel telde 612 deelnemers; 3 op de 4 vulden de lijst binnen 10 minuten in.\n\n[grafiek geslacht]",
        plain("612"),
        unlinked(75),
        plain("10"),
    ),
    Case(
        "De vragenlijst, versie 2.1, werd op 4 maart 2024 om 8.00 uur verstuurd.\n\n[grafiek geslacht]",
        plain("2.1"),
        plain("4"),
        plain("2024"),
        plain("8.00"),
    ),
    Case(
        "De organisatie investeerde 3,5 miljoen euro; de kosten stegen met 8 procent.\n\n[grafiek gesprek]",
        plain("3,5"),
        plain("8"),
    ),
    Case(
        "Van de deelnemers is 52 procent man.\n\n[grafiek geslacht]",
        ok(52, "geslacht", "Man"),
    ),
    Case(
        "Vrouw is 58 procent van de deelnemers.\n\n[grafiek geslacht]",
        wrong(58, "geslacht", "Vrouw", 48),
    ),
    Case(
        "Bij een gemeente werkt 46 procent, bij een provincie 6 procent.\n\n[grafiek organisatie]",
        ok(46, "organisatie", "Gemeente"),
        ok(6, "organisatie", "Provincie"),
    ),
    Case(
        "Bij een gemeente werkt 6 procent, bij een provincie 46 procent.\n\n[grafiek organisatie]",
        wrong(6, "organisatie", "Gemeente", 46),
        wrong(46, "organisatie", "Provincie", 6),
    ),
    Case(
        f"Een hoge werkdruk ervaart ruim zes op de tien ambtenaren.\n\n[grafiek {W}werkdruk]",
        ok(60, W + "werkdruk", "Ja"),
    ),
    Case(
        f"Geen hoge werkdruk: 43 procent.\n\n[grafiek {W}werkdruk]",
        wrong(43, W + "werkdruk", "Nee", 33),
    ),
    Case(
        f"Bij gemeenten ervaart 58 procent een hoge werkdruk, tegen 66 procent bij het Rijk.\n\n[grafiek {W}werkdruk]",
        ok(58, W + "werkdruk", "Ja@Gemeente"),
        ok(66, W + "werkdruk", "Ja@Rijksoverheid"),
    ),
    Case(
        f"Bij gemeenten ervaart 66 procent een hoge werkdruk, tegen 58 procent bij het Rijk.\n\n[grafiek {W}werkdruk]",
        wrong(66, W + "werkdruk", "Ja@Gemeente", 58),
        wrong(58, W + "werkdruk", "Ja@Rijksoverheid", 66),
    ),
    Case(
        f"Neutraal over de leidinggevende is een op de vijf.\n\n[grafiek {W}leidinggevende]",
        ok(20, W + "leidinggevende", "Neutraal"),
    ),
    Case(
        f"Zeer ontevreden over de leidinggevende is 15 procent.\n\n[grafiek {W}leidinggevende]",
        wrong(15, W + "leidinggevende", "Zeer ontevreden", 5),
    ),
    Case(
        f"Nog niet weten of ze binnen twee jaar vertrekken, zegt 21 procent.\n\n[grafiek {W}vertrek]",
        ok(21, W + "vertrek", "Weet ik nog niet"),
    ),
    Case(
        f"Binnen twee jaar een andere baan zoeken wil 27 procent.\n\n[grafiek {W}vertrek]",
        ok(27, W + "vertrek", "Ja"),
    ),
    Case(
        f"AI-toepassingen gebruikt 55 procent nooit.\n\n[grafiek {W}ai-gebruik]",
        ok(55, W + "ai-gebruik", "Nee"),
    ),
    Case(
        f"Dagelijks AI gebruiken doet 19 procent.\n\n[grafiek {W}ai-gebruik]",
        wrong(19, W + "ai-gebruik", "Ja, dagelijks", 9),
    ),
    Case(
        f"Een e-learning volgde ruim de helft (52 procent).\n\n[grafiek {W}opleiding]",
        ok(50, W + "opleiding", "E-learning"),
        ok(52, W + "opleiding", "E-learning"),
    ),
    Case(
        f"Een congres bezocht 12 procent en een cursus 44 procent.\n\n[grafiek {W}opleiding]",
        ok(12, W + "opleiding", "Congres"),
        ok(44, W + "opleiding", "Cursus"),
    ),
    Case(
        f"Vertrouwen in de politiek: veel 12 procent, enig 38 procent, weinig 35 procent, geen 15 procent.\n\n[grafiek {W}vertrouwen]",
        ok(12, W + "vertrouwen", "Veel vertrouwen"),
        ok(38, W + "vertrouwen", "Enig vertrouwen"),
        ok(35, W + "vertrouwen", "Weinig vertrouwen"),
        ok(15, W + "vertrouwen", "Geen vertrouwen"),
    ),
    Case(
        f"Thuiswerken: nooit 8 procent, soms 32,5 procent.\n\n[grafiek {W}thuiswerken]",
        ok(8, W + "thuiswerken", "Nooit"),
        wrong(32.5, W + "thuiswerken", "Soms", 22.5),
    ),
    Case(
        f"In 2021 werkte volgens het eerdere onderzoek 15 procent altijd thuis.\n\n[grafiek {W}thuiswerken]",
        plain("2021"),
        unlinked(15),
    ),
    Case(
        f"Volgens [cijfer {W}thuiswerken/Altijd] werkt men altijd thuis en volgens 40 procent vaak.",
        wrong(40, W + "thuiswerken", "Vaak", 40.8),
    ),
]
