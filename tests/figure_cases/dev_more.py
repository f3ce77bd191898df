"""More tuning sentences: appositions, colons, brackets, headings that name the question,
list items, and other ways the panel's editors write figures down."""

from .model import Case, ok, plain, unlinked, wrong

W = "werken-2024/"
K = "\n\n[grafiek kwaliteitseisen]"
V = "\n\n[grafiek verbetering]"
G = "\n\n[grafiek gesprek]"
A = "\n\n[grafiek agenda-bekend]"
ORG = "\n\n[grafiek organisatie]"
GE = "\n\n[grafiek gebruik]"
R = "\n\n[grafiek reactietijd]"
TH = f"\n\n[grafiek {W}thuiswerken]"
WD = f"\n\n[grafiek {W}werkdruk]"
LG = f"\n\n[grafiek {W}leidinggevende]"
VR = f"\n\n[grafiek {W}vertrouwen]"
AI = f"\n\n[grafiek {W}ai-gebruik]"

DEV_MORE = [
    # Appositions: a figure explained by another next to it.
    Case(
        "De grootste groep (46 procent) werkt bij een gemeente." + ORG,
        ok(46, "organisatie", "Gemeente"),
    ),
    Case(
        "De grootste groep (56 procent) werkt bij een gemeente." + ORG,
        wrong(56, "organisatie", "Gemeente", 46),
    ),
    Case(
        "Een derde (33 procent) werkt bij de rijksoverheid." + ORG,
        ok(33.3, "organisatie", "Rijksoverheid"),
        ok(33, "organisatie", "Rijksoverheid"),
    ),
    Case(
        "Een derde (38 procent) werkt bij de rijksoverheid." + ORG,
        ok(33.3, "organisatie", "Rijksoverheid"),
        wrong(38, "organisatie", "Rijksoverheid", 33),
    ),
    Case(
        "Bijna zes op de tien (57 procent) weten niet of er kwaliteitseisen zijn." + K,
        ok(60, "kwaliteitseisen", "Weet niet"),
        ok(57, "kwaliteitseisen", "Weet niet"),
    ),
    Case(
        "Ruim een derde, 36 procent, zegt dat de organisatie kwaliteitseisen stelt."
        + K,
        ok(33.3, "kwaliteitseisen", "Ja"),
        ok(36, "kwaliteitseisen", "Ja"),
    ),
    Case(
        "Ruim een derde, 31 procent, zegt dat de organisatie kwaliteitseisen stelt."
        + K,
        ok(33.3, "kwaliteitseisen", "Ja"),
        wrong(31, "kwaliteitseisen", "Ja", 36),
    ),
    Case(
        "Bijna de helft – 48 procent – reageert binnen een dag." + R,
        ok(50, "reactietijd", "Binnen een dag"),
        ok(48, "reactietijd", "Binnen een dag"),
    ),
    Case(
        "Vier op de tien (40,8 procent) werken vaak thuis." + TH,
        ok(40, "werken-2024/thuiswerken", "Vaak"),
        ok(40.8, "werken-2024/thuiswerken", "Vaak"),
    ),
    # Answers as labels with a colon or in brackets.
    Case(
        "Stelt de organisatie kwaliteitseisen? Ja: 36 procent, nee: 7 procent, weet niet: 57 procent."
        + K,
        ok(36, "kwaliteitseisen", "Ja"),
        ok(7, "kwaliteitseisen", "Nee"),
        ok(57, "kwaliteitseisen", "Weet niet"),
    ),
    Case(
        "Stelt de organisatie kwaliteitseisen? Ja: 57 procent, nee: 7 procent, weet niet: 36 procent."
        + K,
        wrong(57, "kwaliteitseisen", "Ja", 36),
        ok(7, "kwaliteitseisen", "Nee"),
        wrong(36, "kwaliteitseisen", "Weet niet", 57),
    ),
    Case(
        "Op de vraag of de organisatie kwaliteitseisen stelt, antwoordt 36 procent ja (7 procent nee, 57 procent weet het niet)."
        + K,
        ok(36, "kwaliteitseisen", "Ja"),
        ok(7, "kwaliteitseisen", "Nee"),
        ok(57, "kwaliteitseisen", "Weet niet"),
    ),
    Case(
        "Ja (36 procent), nee (7 procent) en weet niet (57 procent): zo antwoorden de ambtenaren op de vraag naar kwaliteitseisen."
        + K,
        ok(36, "kwaliteitseisen", "Ja"),
        ok(7, "kwaliteitseisen", "Nee"),
        ok(57, "kwaliteitseisen", "Weet niet"),
    ),
    Case(
        "Ja (7 procent), nee (36 procent) en weet niet (57 procent): zo antwoorden de ambtenaren op de vraag naar kwaliteitseisen."
        + K,
        wrong(7, "kwaliteitseisen", "Ja", 36),
        wrong(36, "kwaliteitseisen", "Nee", 7),
        ok(57, "kwaliteitseisen", "Weet niet"),
    ),
    Case(
        "Altijd: 25 procent. Vaak: 51 procent. Neutraal: 9 procent." + G,
        ok(25, "gesprek", "Altijd"),
        ok(51, "gesprek", "Vaak"),
        ok(9, "gesprek", "Neutraal"),
    ),
    Case(
        "Altijd: 25 procent. Vaak: 15 procent." + G,
        ok(25, "gesprek", "Altijd"),
        wrong(15, "gesprek", "Vaak", 51),
    ),
    # A heading or an earlier sentence names the question.
    Case(
        "## Tevredenheid over social media\n\nTevreden is 28 procent; 26 procent heeft tips."
        + V,
        ok(28, "verbetering", "Nee, ik ben tevreden"),
        ok(26, "verbetering", "Ja, ik heb tips om die te verbeteren"),
    ),
    Case(
        "## Tevredenheid over social media\n\nTevreden is 38 procent; 26 procent heeft tips."
        + V,
        wrong(38, "verbetering", "Nee, ik ben tevreden", 28),
        ok(26, "verbetering", "Ja, ik heb tips om die te verbeteren"),
    ),
    Case(
        "Dat ze tevreden zijn over de communicatie via social media, zegt 28 procent."
        + V,
        ok(28, "verbetering", "Nee, ik ben tevreden"),
    ),
    Case(
        "Tevreden met hoe de organisatie via social media communiceert, is 18 procent."
        + V,
        wrong(18, "verbetering", "Nee, ik ben tevreden", 28),
    ),
    Case(
        "## Werkdruk\n\nBijna twee derde ervaart die als hoog: 61 procent." + WD,
        ok(66.7, W + "werkdruk", "Ja"),
        ok(61, W + "werkdruk", "Ja"),
    ),
    Case(
        "## Werkdruk\n\nVolgens 71 procent is die hoog." + WD,
        wrong(71, W + "werkdruk", "Ja", 61),
    ),
    # Two answers of a scale named together in other words.
    Case(
        "Tevreden of zeer tevreden: 65 procent. Ontevreden of zeer ontevreden: 15 procent."
        + LG,
        ok(65, W + "leidinggevende", "Zeer tevreden+Tevreden"),
        ok(15, W + "leidinggevende", "Ontevreden+Zeer ontevreden"),
    ),
    Case(
        "Weinig of geen vertrouwen in de politiek heeft 40 procent." + VR,
        wrong(40, W + "vertrouwen", "Weinig vertrouwen+Geen vertrouwen", 50),
    ),
    Case(
        "Enig of veel vertrouwen heeft 50 procent." + VR,
        ok(50, W + "vertrouwen", "Veel vertrouwen+Enig vertrouwen"),
    ),
    Case(
        "Geen of weinig vertrouwen heeft 50 procent." + VR,
        ok(50, W + "vertrouwen", "Weinig vertrouwen+Geen vertrouwen"),
    ),
    Case(
        "Dagelijks of af en toe gebruikt 40 procent AI in het werk." + AI,
        ok(40, W + "ai-gebruik", "Ja, dagelijks+Ja, af en toe"),
    ),
    # Two similar answers of one question in one sentence.
    Case(
        "46 procent gebruikt social media om te zenden en in gesprek te gaan, 16 procent alleen om berichten te plaatsen."
        + GE,
        ok(46, "gebruik", "Berichten plaatsen en in gesprek gaan met inwoners"),
        ok(16, "gebruik", "Alleen berichten plaatsen (zenden)"),
    ),
    Case(
        "16 procent gebruikt social media om te zenden en in gesprek te gaan, 46 procent alleen om berichten te plaatsen."
        + GE,
        wrong(16, "gebruik", "Berichten plaatsen en in gesprek gaan met inwoners", 46),
        wrong(46, "gebruik", "Alleen berichten plaatsen (zenden)", 16),
    ),
    Case(
        "Alleen berichten plaatsen doet 16 procent, berichten plaatsen en in gesprek gaan 46 procent."
        + GE,
        ok(16, "gebruik", "Alleen berichten plaatsen (zenden)"),
        ok(46, "gebruik", "Berichten plaatsen en in gesprek gaan met inwoners"),
    ),
    # Polarity with a hedge word that holds a negation.
    Case(
        "Nog geen 50 procent kent de Agenda niet." + A, ok(50, "agenda-bekend", "Nee")
    ),
    Case(
        "Niet meer dan 45 procent is onbekend met de Agenda." + A,
        ok(45, "agenda-bekend", "Nee"),
    ),
    Case("Bijna de helft kent de Agenda niet." + A, ok(50, "agenda-bekend", "Nee")),
    Case(
        "Bijna de helft (43 procent) kent de Agenda niet." + A,
        ok(50, "agenda-bekend", "Nee"),
        ok(43, "agenda-bekend", "Nee"),
    ),
    Case(
        "Ruim de helft (57 procent) kent de Agenda wel." + A,
        ok(50, "agenda-bekend", "Ja"),
        ok(57, "agenda-bekend", "Ja"),
    ),
    Case(
        "Ruim de helft (67 procent) kent de Agenda wel." + A,
        ok(50, "agenda-bekend", "Ja"),
        wrong(67, "agenda-bekend", "Ja", 57),
    ),
    # Segments written as groups of civil servants.
    Case(
        "Van de rijksambtenaren werkt 39 procent altijd thuis, van de gemeenteambtenaren 24 procent."
        + TH,
        ok(39, W + "thuiswerken", "Altijd@Rijksoverheid"),
        ok(24, W + "thuiswerken", "Altijd@Gemeente"),
    ),
    Case(
        "Van de rijksambtenaren werkt 24 procent altijd thuis, van de gemeenteambtenaren 39 procent."
        + TH,
        wrong(24, W + "thuiswerken", "Altijd@Rijksoverheid", 39),
        wrong(39, W + "thuiswerken", "Altijd@Gemeente", 24),
    ),
    Case(
        "Gemeenten: 58 procent ervaart een hoge werkdruk." + WD,
        ok(58, W + "werkdruk", "Ja@Gemeente"),
    ),
    Case(
        "In alle groepen samen ervaart 61 procent een hoge werkdruk." + WD,
        ok(61, W + "werkdruk", "Ja"),
    ),
    # Figures in list items and quotes.
    Case(
        "- Altijd: 25 procent\n- Vaak: 51 procent\n- Weet niet: 3 procent" + G,
        ok(25, "gesprek", "Altijd"),
        ok(51, "gesprek", "Vaak"),
        ok(3, "gesprek", "Weet niet"),
    ),
    # Distractors mixed with figures.
    Case(
        "Van de 612 deelnemers, 318 vrouwen en 294 mannen, ervaart 61 procent een hoge werkdruk."
        + WD,
        plain("612"),
        plain("318"),
        plain("294"),
        ok(61, W + "werkdruk", "Ja"),
    ),
    Case(
        "In maart 2024 ervoer 61 procent een hoge werkdruk; in 2023 was dat 55 procent."
        + WD,
        plain("2024"),
        ok(61, W + "werkdruk", "Ja"),
        unlinked(55),
    ),
    Case(
        "Sinds 2020 is het aantal thuiswerkdagen van 1 naar 2,5 per week gegaan." + TH,
        plain("2020"),
        plain("1"),
        plain("2,5"),
    ),
    Case(
        "De enquête telde 24 vragen; de mediane invultijd was 9 minuten en 30 seconden."
        + TH,
        plain("24"),
        plain("9"),
        plain("30"),
    ),
    Case(
        "Bel 0800-1234 of mail naar panel@example.org; zie ook pagina 12 tot en met 14."
        + TH,
        plain("0800-1234"),
        plain("12"),
        plain("14"),
    ),
    Case(
        "Het salaris steeg in 2023 met 10 procent, in lijn met de cao." + TH,
        plain("2023"),
        plain("10"),
    ),
    Case(
        "Het aandeel thuiswerkers is 12 procentpunt hoger dan bij de start van het panel."
        + TH,
        plain("12"),
    ),
    Case(
        "Ruim 40 uur per week werkt 14 procent van de leidinggevenden; dat telt niet mee."
        + LG,
        plain("40"),
        unlinked(14),
    ),
    # Spelled numbers and fractions of other kinds.
    Case(
        "Twaalf procent heeft veel vertrouwen in de politiek." + VR,
        ok(12, W + "vertrouwen", "Veel vertrouwen"),
    ),
    Case(
        "Twintig procent heeft veel vertrouwen in de politiek." + VR,
        wrong(20, W + "vertrouwen", "Veel vertrouwen", 12),
    ),
    Case(
        "Vijfendertig procent heeft weinig vertrouwen in de politiek." + VR,
        ok(35, W + "vertrouwen", "Weinig vertrouwen"),
    ),
    Case(
        "Een op de acht heeft veel vertrouwen in de politiek." + VR,
        ok(12.5, W + "vertrouwen", "Veel vertrouwen"),
    ),
    Case(
        "Ruim een op de zeven heeft geen vertrouwen in de politiek." + VR,
        ok(14.3, W + "vertrouwen", "Geen vertrouwen"),
    ),
    # "Tevreden" may count the very satisfied, "vaak" those who say "altijd", unless the
    # sentence names them apart.
    Case(
        "Driekwart van de ambtenaren praat er vaak over." + G,
        ok(75, "gesprek", "Altijd+Vaak"),
    ),
    Case(
        "Twee derde van de ambtenaren praat er vaak over." + G,
        wrong(66.7, "gesprek", "Vaak", 51),
    ),
    Case(
        "Over de leidinggevende is 65 procent tevreden." + LG,
        ok(65, W + "leidinggevende", "Zeer tevreden+Tevreden"),
    ),
    Case(
        "Over de leidinggevende is 47 procent tevreden." + LG,
        ok(47, W + "leidinggevende", "Tevreden"),
    ),
    Case(
        "Over de leidinggevende is 55 procent tevreden." + LG,
        wrong(55, W + "leidinggevende", "Tevreden", 47),
    ),
    Case(
        "Zeer tevreden is 18 procent, tevreden 65 procent." + LG,
        ok(18, W + "leidinggevende", "Zeer tevreden"),
        wrong(65, W + "leidinggevende", "Tevreden", 47),
    ),
    Case(
        "Vaak thuis werkt 69,5 procent." + TH,
        ok(69.5, W + "thuiswerken", "Vaak+Altijd"),
    ),
    Case(
        "Altijd thuis werkt 28,7 procent, vaak 69,5 procent." + TH,
        ok(28.7, W + "thuiswerken", "Altijd"),
        wrong(69.5, W + "thuiswerken", "Vaak", 40.8),
    ),
]
