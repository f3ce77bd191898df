"""The sentences the check is tuned on: variants of the seed's figures and of the second round.

Wrong numbers, swapped answers, hedges, lists, polarity flips, sums and distractors
(years, n, counts, times, money, phone and section numbers).
"""

from .model import Case, ok, plain, unlinked, wrong

W = "werken-2024/"
A = "\n\n[grafiek agenda-bekend]"
G = "\n\n[grafiek gesprek]"
S = "\n\n[grafiek stimuleren]"
K = "\n\n[grafiek kwaliteitseisen]"
WB = "\n\n[grafiek waarborging]"
SW = "\n\n[grafiek samenwerking]"
T = "\n\n[grafiek toegankelijkheid]"
AC = "\n\n[grafiek activiteiten]"
GB = "\n\n[grafiek grondrechten-bewust]"
GL = "\n\n[grafiek grondrechten-beleid]"
KA = "\n\n[grafiek kanalen]"
GE = "\n\n[grafiek gebruik]"
R = "\n\n[grafiek reactietijd]"
V = "\n\n[grafiek verbetering]"
PROFILE = "\n\n[grafiek geslacht]\n\n[grafiek leeftijd]\n\n[grafiek organisatie]\n\n[grafiek functie]"
TH = f"\n\n[grafiek {W}thuiswerken]"
WD = f"\n\n[grafiek {W}werkdruk]"
LG = f"\n\n[grafiek {W}leidinggevende]"
VT = f"\n\n[grafiek {W}vertrek]"
AI = f"\n\n[grafiek {W}ai-gebruik]"
OP = f"\n\n[grafiek {W}opleiding]"
IN = f"\n\n[grafiek {W}integriteit]"
VR = f"\n\n[grafiek {W}vertrouwen]"

DEV = [
    # --- The Agenda: polarity, hedges, the intro's mistake and its variants ---------
    Case(
        "Slechts 43 procent van de overheidsmedewerkers is bekend met de Agenda Digitale Overheid."
        + A,
        wrong(43, "agenda-bekend", "Ja", 57),
    ),
    Case(
        "57 procent van de overheidsmedewerkers is bekend met de Agenda Digitale Overheid."
        + A,
        ok(57, "agenda-bekend", "Ja"),
    ),
    Case(
        "Met de Agenda Digitale Overheid is 57 procent bekend." + A,
        ok(57, "agenda-bekend", "Ja"),
    ),
    Case(
        "Met de Agenda Digitale Overheid is 55 procent bekend." + A,
        wrong(55, "agenda-bekend", "Ja", 57),
    ),
    Case(
        "57 procent zegt van het bestaan van de Agenda op de hoogte te zijn." + A,
        ok(57, "agenda-bekend", "Ja"),
    ),
    Case(
        "52 procent zegt van het bestaan van de Agenda op de hoogte te zijn." + A,
        wrong(52, "agenda-bekend", "Ja", 57),
    ),
    Case(
        "43 procent is niet bekend met de Agenda Digitale Overheid." + A,
        ok(43, "agenda-bekend", "Nee"),
    ),
    Case(
        "57 procent is niet bekend met de Agenda Digitale Overheid." + A,
        wrong(57, "agenda-bekend", "Nee", 43),
    ),
    Case(
        "Van de Agenda Digitale Overheid heeft 43 procent nog nooit gehoord." + A,
        ok(43, "agenda-bekend", "Nee"),
    ),
    Case(
        "Van de Agenda Digitale Overheid heeft 34 procent nog nooit gehoord." + A,
        wrong(34, "agenda-bekend", "Nee", 43),
    ),
    Case(
        "De Agenda Digitale Overheid is voor 43 procent onbekend." + A,
        ok(43, "agenda-bekend", "Nee"),
    ),
    Case(
        "De Agenda Digitale Overheid is onbekend bij 47 procent van de ambtenaren." + A,
        wrong(47, "agenda-bekend", "Nee", 43),
    ),
    Case(
        "Ruim de helft van de ambtenaren kent de Agenda Digitale Overheid." + A,
        ok(50, "agenda-bekend", "Ja"),
    ),
    Case(
        "Bijna zes op de tien ambtenaren kennen de Agenda Digitale Overheid." + A,
        ok(60, "agenda-bekend", "Ja"),
    ),
    Case(
        "Ruim 40 procent kent de Agenda Digitale Overheid niet." + A,
        ok(40, "agenda-bekend", "Nee"),
    ),
    Case(
        "Ruim 50 procent kent de Agenda Digitale Overheid niet." + A,
        wrong(50, "agenda-bekend", "Nee", 43, hedged=True),
    ),
    Case(
        "Nog geen 60 procent kent de Agenda Digitale Overheid." + A,
        ok(60, "agenda-bekend", "Ja"),
    ),
    Case(
        "Meer dan 60 procent kent de Agenda Digitale Overheid." + A,
        wrong(60, "agenda-bekend", "Ja", 57, hedged=True),
    ),
    Case(
        "57 procent zegt van het bestaan van de Agenda op de hoogte te zijn, terwijl 43 procent er nog nooit van heeft gehoord."
        + A,
        ok(57, "agenda-bekend", "Ja"),
        ok(43, "agenda-bekend", "Nee"),
    ),
    Case(
        "43 procent zegt van het bestaan van de Agenda op de hoogte te zijn, terwijl 57 procent er nog nooit van heeft gehoord."
        + A,
        wrong(43, "agenda-bekend", "Ja", 57),
        wrong(57, "agenda-bekend", "Nee", 43),
    ),
    Case(
        "Daar staat tegenover dat slechts 57 procent van de overheidsmedewerkers bekend is met de Agenda Digitale Overheid, die juist het contact met en de digitale dienstverlening aan inwoners en ondernemers centraal stelt."
        + A,
        ok(57, "agenda-bekend", "Ja"),
    ),
    Case("De Agenda kent 57%." + A, ok(57, "agenda-bekend", "Ja")),
    Case("Bekend met de Agenda: 57 %." + A, ok(57, "agenda-bekend", "Ja")),
    Case("Bekend met de Agenda: 75 %." + A, wrong(75, "agenda-bekend", "Ja", 57)),
    # --- Gesprek: sums, frequency words ----------------------------------------------
    Case(
        "Volgens 76 procent van de ambtenaren wordt er op het werk veel over dit onderwerp gesproken."
        + G,
        ok(76, "gesprek", "Altijd+Vaak"),
    ),
    Case(
        "Volgens 67 procent van de ambtenaren wordt er op het werk veel over dit onderwerp gesproken."
        + G,
        wrong(67, "gesprek", "Altijd+Vaak", 76),
    ),
    Case(
        "Driekwart van de ambtenaren zegt dat er veel over digitalisering wordt gesproken."
        + G,
        ok(75, "gesprek", "Altijd+Vaak"),
    ),
    Case(
        "76 procent zegt dat er altijd of vaak over digitalisering wordt gesproken."
        + G,
        ok(76, "gesprek", "Altijd+Vaak"),
    ),
    Case(
        "70 procent zegt dat er altijd of vaak over digitalisering wordt gesproken."
        + G,
        wrong(70, "gesprek", "Altijd+Vaak", 76),
    ),
    Case(
        "Volgens 25 procent van de ambtenaren wordt er altijd over gesproken, terwijl 51 procent aangeeft dat digitalisering vaak ter tafel komt."
        + G,
        ok(25, "gesprek", "Altijd"),
        ok(51, "gesprek", "Vaak"),
    ),
    Case(
        "Volgens 51 procent van de ambtenaren wordt er altijd over gesproken, terwijl 25 procent aangeeft dat digitalisering vaak ter tafel komt."
        + G,
        wrong(51, "gesprek", "Altijd", 25),
        wrong(25, "gesprek", "Vaak", 51),
    ),
    Case(
        "Volgens 28 procent wordt er altijd over digitalisering gesproken." + G,
        wrong(28, "gesprek", "Altijd", 25),
    ),
    Case(
        "Een kwart zegt dat het onderwerp altijd ter sprake komt." + G,
        ok(25, "gesprek", "Altijd"),
    ),
    Case(
        "Ruim de helft zegt dat digitalisering vaak ter tafel komt." + G,
        ok(50, "gesprek", "Vaak"),
    ),
    Case(
        "Slechts 12 procent van de ambtenaren zegt dat het onderwerp niet vaak of nooit ter sprake komt, terwijl 9 procent een neutraal antwoord geeft en 3 procent het niet weet."
        + G,
        ok(12, "gesprek", "Niet vaak of nooit"),
        ok(9, "gesprek", "Neutraal"),
        ok(3, "gesprek", "Weet niet"),
    ),
    Case(
        "Slechts 21 procent van de ambtenaren zegt dat het onderwerp niet vaak of nooit ter sprake komt."
        + G,
        wrong(21, "gesprek", "Niet vaak of nooit", 12),
    ),
    Case(
        "Dat het onderwerp zelden of nooit ter sprake komt, zegt 12 procent." + G,
        ok(12, "gesprek", "Niet vaak of nooit"),
    ),
    Case(
        "Een neutraal antwoord geeft 19 procent." + G,
        wrong(19, "gesprek", "Neutraal", 9),
    ),
    Case(
        "3 procent weet niet hoe vaak het onderwerp besproken wordt." + G,
        ok(3, "gesprek", "Weet niet"),
    ),
    Case(
        "8 procent weet niet hoe vaak het onderwerp besproken wordt." + G,
        wrong(8, "gesprek", "Weet niet", 3),
    ),
    Case(
        "Het onderwerp komt volgens 2 op de 3 ambtenaren altijd of vaak ter sprake."
        + G,
        wrong(66.7, "gesprek", "Altijd+Vaak", 76),
    ),
    # --- Stimuleren: lists, ranges of agreement ------------------------------------
    Case(
        "13 en 44 Procent zijn het ‘zeer eens’ tot ‘mee eens’ dat hun werkgever daartoe actie onderneemt."
        + S,
        ok(13, "stimuleren", "Zeer eens"),
        ok(44, "stimuleren", "Mee eens"),
    ),
    Case(
        "44 en 13 Procent zijn het ‘zeer eens’ tot ‘mee eens’ dat hun werkgever daartoe actie onderneemt."
        + S,
        wrong(44, "stimuleren", "Zeer eens", 13),
        wrong(13, "stimuleren", "Mee eens", 44),
    ),
    Case(
        "57 Procent is het ‘zeer eens’ tot ‘mee eens’ dat hun werkgever actie onderneemt om digitaal gebruik te stimuleren."
        + S,
        ok(57, "stimuleren", "Zeer eens+Mee eens"),
    ),
    Case(
        "60 Procent is het zeer eens of mee eens dat de werkgever het digitale gebruik stimuleert."
        + S,
        wrong(60, "stimuleren", "Zeer eens+Mee eens", 57),
    ),
    Case(
        "11 Procent is het er in meer of mindere mate mee oneens en 16 procent zegt het niet te weten."
        + S,
        ok(11, "stimuleren", "(Zeer) oneens"),
        ok(16, "stimuleren", "Weet niet"),
    ),
    Case(
        "16 Procent is het er in meer of mindere mate mee oneens en 11 procent zegt het niet te weten."
        + S,
        wrong(16, "stimuleren", "(Zeer) oneens", 11),
        wrong(11, "stimuleren", "Weet niet", 16),
    ),
    Case(
        "Ook doen organisaties moeite om het gebruik van digitale dienstverlening te stimuleren. Nog eens 16 procent is neutraal."
        + S,
        ok(16, "stimuleren", "Neutraal"),
    ),
    Case(
        "Ook doen organisaties moeite om het gebruik van digitale dienstverlening te stimuleren. Nog eens 26 procent is neutraal."
        + S,
        wrong(26, "stimuleren", "Neutraal", 16),
    ),
    Case("Zeer eens is 13 procent." + S, ok(13, "stimuleren", "Zeer eens")),
    Case("Zeer eens is 31 procent." + S, wrong(31, "stimuleren", "Zeer eens", 13)),
    Case(
        "Mee eens is 44 procent, zeer eens 13 procent." + S,
        ok(44, "stimuleren", "Mee eens"),
        ok(13, "stimuleren", "Zeer eens"),
    ),
    Case(
        "Mee eens is 13 procent, zeer eens 44 procent." + S,
        wrong(13, "stimuleren", "Mee eens", 44),
        wrong(44, "stimuleren", "Zeer eens", 13),
    ),
    # --- Samenwerking ----------------------------------------------------------------
    Case(
        "Een opvallend groot aantal van de medewerkers – 70 procent – zegt dat er met een of meer partijen wordt samengewerkt."
        + SW,
        ok(70, "samenwerking", "Ja, met een of meer partijen"),
    ),
    Case(
        "Een opvallend groot aantal van de medewerkers – 80 procent – zegt dat er met een of meer partijen wordt samengewerkt."
        + SW,
        wrong(80, "samenwerking", "Ja, met een of meer partijen", 70),
    ),
    Case(
        "5 Procent geeft aan dat er niet met andere partijen wordt samengewerkt en 25 procent zegt niets van samenwerking te weten."
        + SW,
        ok(5, "samenwerking", "Nee"),
        ok(25, "samenwerking", "Weet niet"),
    ),
    Case(
        "25 Procent geeft aan dat er niet met andere partijen wordt samengewerkt en 5 procent zegt niets van samenwerking te weten."
        + SW,
        wrong(25, "samenwerking", "Nee", 5),
        wrong(5, "samenwerking", "Weet niet", 25),
    ),
    Case(
        "Zeven op de tien werken samen met de markt of de wetenschap." + SW,
        ok(70, "samenwerking", "Ja, met een of meer partijen"),
    ),
    Case(
        "Dat er met andere partijen wordt samengewerkt, zegt 75 procent." + SW,
        wrong(75, "samenwerking", "Ja, met een of meer partijen", 70),
    ),
    Case(
        "Een kwart weet niet of er met andere partijen wordt samengewerkt." + SW,
        ok(25, "samenwerking", "Weet niet"),
    ),
    # --- Toegankelijkheid ------------------------------------------------------------
    Case(
        "Als het om kwetsbare, digitaal minder vaardige groepen gaat, vindt slechts een klein percentage van 32 dat de dienstverlening van de eigen organisatie in meer of mindere mate toegankelijk is."
        + T,
        ok(32, "toegankelijkheid", "(Zeer) toegankelijk"),
    ),
    Case(
        "Als het om kwetsbare, digitaal minder vaardige groepen gaat, vindt slechts een klein percentage van 23 dat de dienstverlening van de eigen organisatie in meer of mindere mate toegankelijk is."
        + T,
        wrong(23, "toegankelijkheid", "(Zeer) toegankelijk", 32),
    ),
    Case(
        "23 Procent van de geraadpleegde ambtenaren neemt een neutrale positie in terwijl 24 procent de eigen dienstverlening ontoegankelijk tot zeer ontoegankelijk vindt en 21 procent zegt het niet te weten."
        + T,
        ok(23, "toegankelijkheid", "Neutraal"),
        ok(24, "toegankelijkheid", "(Zeer) ontoegankelijk"),
        ok(21, "toegankelijkheid", "Weet niet"),
    ),
    Case(
        "24 Procent van de geraadpleegde ambtenaren neemt een neutrale positie in terwijl 23 procent de eigen dienstverlening ontoegankelijk tot zeer ontoegankelijk vindt."
        + T,
        wrong(24, "toegankelijkheid", "Neutraal", 23),
        wrong(23, "toegankelijkheid", "(Zeer) ontoegankelijk", 24),
    ),
    Case(
        "Ongeveer een kwart vindt de dienstverlening voor kwetsbare groepen ontoegankelijk."
        + T,
        ok(25, "toegankelijkheid", "(Zeer) ontoegankelijk"),
    ),
    Case(
        "Een derde vindt de dienstverlening voor digitaal minder vaardige groepen toegankelijk."
        + T,
        ok(33.3, "toegankelijkheid", "(Zeer) toegankelijk"),
    ),
    Case(
        "De helft vindt de dienstverlening voor digitaal minder vaardige groepen toegankelijk."
        + T,
        wrong(50, "toegankelijkheid", "(Zeer) toegankelijk", 32, hedged=True),
    ),
    Case(
        "Dat de eigen dienstverlening toegankelijk is voor kwetsbare groepen, vindt 36 procent."
        + T,
        wrong(36, "toegankelijkheid", "(Zeer) toegankelijk", 32),
    ),
    # --- Kwaliteitseisen and waarborging ---------------------------------------------
    Case(
        "Stelt de organisatie kwaliteitseisen aan haar digitale dienstverlening? Ja, zegt 36 procent. Nee, zegt 7 procent en 57 procent weet het niet."
        + K,
        ok(36, "kwaliteitseisen", "Ja"),
        ok(7, "kwaliteitseisen", "Nee"),
        ok(57, "kwaliteitseisen", "Weet niet"),
    ),
    Case(
        "Stelt de organisatie kwaliteitseisen aan haar digitale dienstverlening? Ja, zegt 63 procent. Nee, zegt 7 procent en 30 procent weet het niet."
        + K,
        wrong(63, "kwaliteitseisen", "Ja", 36),
        ok(7, "kwaliteitseisen", "Nee"),
        wrong(30, "kwaliteitseisen", "Weet niet", 57),
    ),
    Case(
        "Stelt de organisatie kwaliteitseisen aan haar digitale dienstverlening? Nee, zegt 36 procent."
        + K,
        wrong(36, "kwaliteitseisen", "Nee", 7),
    ),
    Case(
        "Dat de organisatie kwaliteitseisen stelt, zegt 36 procent." + K,
        ok(36, "kwaliteitseisen", "Ja"),
    ),
    Case(
        "Bijna zes op de tien weten niet of de organisatie kwaliteitseisen stelt." + K,
        ok(60, "kwaliteitseisen", "Weet niet"),
    ),
    Case(
        "Ook worden normenkaders als BIR en NORA en webrichtlijnen genoemd. 57 Procent van de overheidsmedewerkers zegt ja op de vraag of deze kwaliteitseisen worden gewaarborgd. 9 Procent zegt van niet en 34 procent weet het niet."
        + WB,
        ok(57, "waarborging", "Ja"),
        ok(9, "waarborging", "Nee"),
        ok(34, "waarborging", "Weet niet"),
    ),
    Case(
        "57 Procent van de overheidsmedewerkers zegt nee op de vraag of deze kwaliteitseisen worden gewaarborgd."
        + WB,
        wrong(57, "waarborging", "Nee", 9),
    ),
    Case(
        "75 Procent van de overheidsmedewerkers zegt ja op de vraag of deze kwaliteitseisen worden gewaarborgd. 9 Procent zegt van niet."
        + WB,
        wrong(75, "waarborging", "Ja", 57),
        ok(9, "waarborging", "Nee"),
    ),
    Case(
        "Dat de kwaliteitseisen worden gewaarborgd, zegt ruim de helft." + WB,
        ok(50, "waarborging", "Ja"),
    ),
    Case(
        "Of de eisen worden gewaarborgd, weet een derde niet." + WB,
        ok(33.3, "waarborging", "Weet niet"),
    ),
    Case(
        "Dat de eisen niet worden gewaarborgd, zegt 19 procent." + WB,
        wrong(19, "waarborging", "Nee", 9),
    ),
    # --- Activiteiten ----------------------------------------------------------------
    Case(
        "Het zal niemand verbazen dat slechts 31 procent een of meerdere activiteiten uitvoert in het kader van de Agenda en 7 procent zegt dat er geen activiteiten worden uitgevoerd."
        + AC,
        ok(31, "activiteiten", "Ja, een of meer activiteiten"),
        ok(7, "activiteiten", "Nee"),
    ),
    Case(
        "Slechts 13 procent voert een of meerdere activiteiten uit in het kader van de Agenda en 7 procent zegt dat er geen activiteiten worden uitgevoerd."
        + AC,
        wrong(13, "activiteiten", "Ja, een of meer activiteiten", 31),
        ok(7, "activiteiten", "Nee"),
    ),
    Case(
        "5 Procent is er niet van op de hoogte dat er mogelijk uit te voeren activiteiten zijn en een schrikbarend percentage van 57 zegt het niet te weten."
        + AC,
        ok(5, "activiteiten", "Niet op de hoogte van mogelijke activiteiten"),
        ok(57, "activiteiten", "Weet niet"),
    ),
    Case(
        "5 Procent is er niet van op de hoogte dat er mogelijk uit te voeren activiteiten zijn en een schrikbarend percentage van 75 zegt het niet te weten."
        + AC,
        ok(5, "activiteiten", "Niet op de hoogte van mogelijke activiteiten"),
        wrong(75, "activiteiten", "Weet niet", 57),
    ),
    Case(
        "15 Procent is niet op de hoogte van mogelijke activiteiten." + AC,
        wrong(15, "activiteiten", "Niet op de hoogte van mogelijke activiteiten", 5),
    ),
    Case(
        "Dat er geen activiteiten in het kader van de Agenda worden uitgevoerd, zegt 7 procent."
        + AC,
        ok(7, "activiteiten", "Nee"),
    ),
    Case(
        "Een op de drie voert activiteiten uit in het kader van de Agenda." + AC,
        ok(33.3, "activiteiten", "Ja, een of meer activiteiten"),
    ),
    # --- Grondrechten ----------------------------------------------------------------
    Case(
        "Maar liefst 72 procent zegt zich bewust tot zeer bewust te zijn van deze rechten en 61 procent geeft aan dat ze volledig of gedeeltelijk worden meegenomen in het beleid ten aanzien van digitalisering."
        + GB
        + GL,
        ok(72, "grondrechten-bewust", "(Zeer) bewust"),
        ok(61, "grondrechten-beleid", "Ja, volledig of gedeeltelijk"),
    ),
    Case(
        "Maar liefst 61 procent zegt zich bewust tot zeer bewust te zijn van deze rechten en 72 procent geeft aan dat ze volledig of gedeeltelijk worden meegenomen in het beleid ten aanzien van digitalisering."
        + GB
        + GL,
        wrong(61, "grondrechten-bewust", "(Zeer) bewust", 72),
        wrong(72, "grondrechten-beleid", "Ja, volledig of gedeeltelijk", 61),
    ),
    Case(
        "8 Procent van de ambtenaren geeft aan zich niet of nauwelijks van de digitale grondrechten van inwoners bewust te zijn terwijl respectievelijk 18 en 2 procent neutraal is of zegt het niet te weten."
        + GB,
        ok(8, "grondrechten-bewust", "Niet of nauwelijks bewust"),
        ok(18, "grondrechten-bewust", "Neutraal"),
        ok(2, "grondrechten-bewust", "Weet niet"),
    ),
    Case(
        "8 Procent van de ambtenaren geeft aan zich niet of nauwelijks van de digitale grondrechten van inwoners bewust te zijn terwijl respectievelijk 2 en 18 procent neutraal is of zegt het niet te weten."
        + GB,
        ok(8, "grondrechten-bewust", "Niet of nauwelijks bewust"),
        wrong(2, "grondrechten-bewust", "Neutraal", 18),
        wrong(18, "grondrechten-bewust", "Weet niet", 2),
    ),
    Case(
        "Een kleine 5 procent zegt dat grondrechten van inwoners niet worden meegenomen in het beleid ten aanzien van digitalisering en 34 procent geeft aan het niet te weten."
        + GL,
        ok(5, "grondrechten-beleid", "Nee"),
        ok(34, "grondrechten-beleid", "Weet niet"),
    ),
    Case(
        "Een kleine 15 procent zegt dat grondrechten van inwoners niet worden meegenomen in het beleid ten aanzien van digitalisering."
        + GL,
        wrong(15, "grondrechten-beleid", "Nee", 5, hedged=True),
    ),
    Case(
        "Ruim 70 procent is zich bewust van de digitale grondrechten van inwoners."
        + GB,
        ok(70, "grondrechten-bewust", "(Zeer) bewust"),
    ),
    Case(
        "Ruim 80 procent is zich bewust van de digitale grondrechten van inwoners."
        + GB,
        wrong(80, "grondrechten-bewust", "(Zeer) bewust", 72, hedged=True),
    ),
    Case(
        "Niet of nauwelijks bewust van de digitale grondrechten is 8 procent." + GB,
        ok(8, "grondrechten-bewust", "Niet of nauwelijks bewust"),
    ),
    Case(
        "Van de grondrechten van inwoners is 18 procent zich niet bewust." + GB,
        wrong(18, "grondrechten-bewust", "Niet of nauwelijks bewust", 8),
    ),
    Case(
        "In het beleid worden de digitale grondrechten volgens 66 procent volledig of gedeeltelijk meegenomen."
        + GL,
        wrong(66, "grondrechten-beleid", "Ja, volledig of gedeeltelijk", 61),
    ),
    # --- Social media ----------------------------------------------------------------
    Case(
        "Respectievelijk 70 en 77 procent van de deelnemende ambtenaren zegt dat de eigen organisatie via Facebook en Twitter communiceert."
        + KA,
        ok(70, "kanalen", "Facebook"),
        ok(77, "kanalen", "Twitter"),
    ),
    Case(
        "Respectievelijk 77 en 70 procent van de deelnemende ambtenaren zegt dat de eigen organisatie via Facebook en Twitter communiceert."
        + KA,
        wrong(77, "kanalen", "Facebook", 70),
        wrong(70, "kanalen", "Twitter", 77),
    ),
    Case(
        "Nog eens 60, 39 en 30 procent zegt dat er gebruik gemaakt wordt van LinkedIn, Whatsapp en Instagram."
        + KA,
        ok(60, "kanalen", "LinkedIn"),
        ok(39, "kanalen", "WhatsApp"),
        ok(30, "kanalen", "Instagram"),
    ),
    Case(
        "Nog eens 60, 30 en 39 procent zegt dat er gebruik gemaakt wordt van LinkedIn, Whatsapp en Instagram."
        + KA,
        ok(60, "kanalen", "LinkedIn"),
        wrong(30, "kanalen", "WhatsApp", 39),
        wrong(39, "kanalen", "Instagram", 30),
    ),
    Case(
        "Ook Snapchat wordt genoemd, maar door slechts 2 procent van de deelnemers."
        + KA,
        ok(2, "kanalen", "Snapchat"),
    ),
    Case(
        "Ook Snapchat wordt genoemd, maar door slechts 12 procent van de deelnemers."
        + KA,
        wrong(12, "kanalen", "Snapchat", 2),
    ),
    Case(
        "6 Procent noemt andere social media, en respectievelijk 11 en 2 procent geven aan het niet te weten of dat social media geen rol spelen."
        + KA,
        ok(6, "kanalen", "Anders"),
        ok(11, "kanalen", "Weet niet"),
        ok(2, "kanalen", "Social media spelen geen rol"),
    ),
    Case(
        "Via Facebook communiceert 70 procent van de organisaties." + KA,
        ok(70, "kanalen", "Facebook"),
    ),
    Case(
        "Via Twitter communiceert 70 procent van de organisaties." + KA,
        wrong(70, "kanalen", "Twitter", 77),
    ),
    Case(
        "LinkedIn (60 procent) en WhatsApp (39 procent) volgen." + KA,
        ok(60, "kanalen", "LinkedIn"),
        ok(39, "kanalen", "WhatsApp"),
    ),
    Case(
        "LinkedIn (39 procent) en WhatsApp (60 procent) volgen." + KA,
        wrong(39, "kanalen", "LinkedIn", 60),
        wrong(60, "kanalen", "WhatsApp", 39),
    ),
    Case(
        "Instagram wordt door drie op de tien organisaties gebruikt." + KA,
        ok(30, "kanalen", "Instagram"),
    ),
    Case(
        "Een groot deel van de overheidsorganisaties gebruikt social media om berichten te plaatsen (zenden) maar ook om met inwoners in gesprek te gaan: 46 procent zegt dat altijd te doen en 27 procent geeft aan dat het per medium verschilt."
        + GE,
        ok(46, "gebruik", "Berichten plaatsen en in gesprek gaan met inwoners"),
        ok(27, "gebruik", "Verschilt per medium"),
    ),
    Case(
        "Een groot deel van de overheidsorganisaties gebruikt social media om berichten te plaatsen (zenden) maar ook om met inwoners in gesprek te gaan: 64 procent zegt dat altijd te doen."
        + GE,
        wrong(64, "gebruik", "Berichten plaatsen en in gesprek gaan met inwoners", 46),
    ),
    Case(
        "16 Procent gebruikt social media alleen om berichten te plaatsen en 11 procent weet het niet."
        + GE,
        ok(16, "gebruik", "Alleen berichten plaatsen (zenden)"),
        ok(11, "gebruik", "Weet niet"),
    ),
    Case(
        "26 Procent gebruikt social media alleen om berichten te plaatsen en 11 procent weet het niet."
        + GE,
        wrong(26, "gebruik", "Alleen berichten plaatsen (zenden)", 16),
        ok(11, "gebruik", "Weet niet"),
    ),
    Case(
        "48 Procent reageert binnen een dag en slechts 8 procent doet er langer over."
        + R,
        ok(48, "reactietijd", "Binnen een dag"),
        ok(8, "reactietijd", "Langer dan een dag"),
    ),
    Case(
        "8 Procent reageert binnen een dag en slechts 48 procent doet er langer over."
        + R,
        wrong(8, "reactietijd", "Binnen een dag", 48),
        wrong(48, "reactietijd", "Langer dan een dag", 8),
    ),
    Case(
        "16 Procent heeft geen mening en 28 procent weet niet hoe lang de eigen organisatie erover doet om te reageren."
        + R,
        ok(16, "reactietijd", "Geen mening"),
        ok(28, "reactietijd", "Weet niet"),
    ),
    Case(
        "16 Procent heeft geen mening en 18 procent weet niet hoe lang de eigen organisatie erover doet om te reageren."
        + R,
        ok(16, "reactietijd", "Geen mening"),
        wrong(18, "reactietijd", "Weet niet", 28),
    ),
    Case(
        "Bijna de helft reageert binnen een dag op vragen via social media." + R,
        ok(50, "reactietijd", "Binnen een dag"),
    ),
    Case(
        "Gevraagd naar punten van verbetering zegt 28 procent van de geraadpleegde ambtenaren dat ze tevreden zijn met de wijze waarop de eigen organisatie via social media communiceert."
        + V,
        ok(28, "verbetering", "Nee, ik ben tevreden"),
    ),
    Case(
        "Gevraagd naar punten van verbetering zegt 38 procent van de geraadpleegde ambtenaren dat ze tevreden zijn met de wijze waarop de eigen organisatie via social media communiceert."
        + V,
        wrong(38, "verbetering", "Nee, ik ben tevreden", 28),
    ),
    Case(
        "4 Procent vindt dat er geen gebruik gemaakt moet worden van social media en 42 procent zegt het niet te weten."
        + V,
        ok(4, "verbetering", "Er moet geen gebruik worden gemaakt van social media"),
        ok(42, "verbetering", "Weet niet"),
    ),
    Case(
        "14 Procent vindt dat er geen gebruik gemaakt moet worden van social media en 24 procent zegt het niet te weten."
        + V,
        wrong(
            14, "verbetering", "Er moet geen gebruik worden gemaakt van social media", 4
        ),
        wrong(24, "verbetering", "Weet niet", 42),
    ),
    Case(
        "26 Procent heeft wel tips om de communicatie via social media te verbeteren."
        + V,
        ok(26, "verbetering", "Ja, ik heb tips om die te verbeteren"),
    ),
    Case(
        "62 Procent heeft wel tips om de communicatie via social media te verbeteren."
        + V,
        wrong(62, "verbetering", "Ja, ik heb tips om die te verbeteren", 26),
    ),
    # --- The respondents -------------------------------------------------------------
    Case(
        "Van de ambtenaren die deelnamen aan het onderzoek is 52 procent man en 48 procent vrouw."
        + PROFILE,
        ok(52, "geslacht", "Man"),
        ok(48, "geslacht", "Vrouw"),
    ),
    Case(
        "Van de ambtenaren die deelnamen aan het onderzoek is 48 procent man en 52 procent vrouw."
        + PROFILE,
        wrong(48, "geslacht", "Man", 52),
        wrong(52, "geslacht", "Vrouw", 48),
    ),
    Case(
        "Een meerderheid van 68 procent is tussen de 40 en 65 jaar, 31 procent is onder de 40 en 1 procent is ouder dan 65."
        + PROFILE,
        ok(68, "leeftijd", "40 tot en met 65 jaar"),
        ok(31, "leeftijd", "Jonger dan 40 jaar"),
        ok(1, "leeftijd", "Ouder dan 65 jaar"),
        plain("40"),
        plain("65"),
    ),
    Case(
        "Een meerderheid van 58 procent is tussen de 40 en 65 jaar, 41 procent is onder de 40 en 1 procent is ouder dan 65."
        + PROFILE,
        wrong(58, "leeftijd", "40 tot en met 65 jaar", 68),
        wrong(41, "leeftijd", "Jonger dan 40 jaar", 31),
        ok(1, "leeftijd", "Ouder dan 65 jaar"),
    ),
    Case(
        "Bij de rijksoverheid, provincie en gemeente werken respectievelijk 33, 6 en 46 procent van de deelnemers."
        + PROFILE,
        ok(33, "organisatie", "Rijksoverheid"),
        ok(6, "organisatie", "Provincie"),
        ok(46, "organisatie", "Gemeente"),
    ),
    Case(
        "Bij de rijksoverheid, provincie en gemeente werken respectievelijk 46, 6 en 33 procent van de deelnemers."
        + PROFILE,
        wrong(46, "organisatie", "Rijksoverheid", 33),
        ok(6, "organisatie", "Provincie"),
        wrong(33, "organisatie", "Gemeente", 46),
    ),
    Case(
        "Bij een waterschap, zbo of andere organisatie is elk 5 procent werkzaam."
        + PROFILE,
        ok(5, "organisatie", "Waterschap"),
    ),
    Case(
        "Bij een waterschap, zbo of andere organisatie is elk 6 procent werkzaam."
        + PROFILE,
        wrong(6, "organisatie", "Waterschap", 5),
    ),
    Case(
        "Van de deelnemende ambtenaren geeft 2 procent aan directeur te zijn, heeft 11 procent een staffunctie en zijn respectievelijk 9 en 18 procent projectleider of beleidsadviseur."
        + PROFILE,
        ok(2, "functie", "Directeur"),
        ok(11, "functie", "Staffunctie"),
        ok(9, "functie", "Projectleider"),
        ok(18, "functie", "Beleidsadviseur"),
    ),
    Case(
        "Van de deelnemende ambtenaren geeft 2 procent aan directeur te zijn, heeft 11 procent een staffunctie en zijn respectievelijk 18 en 9 procent projectleider of beleidsadviseur."
        + PROFILE,
        ok(2, "functie", "Directeur"),
        ok(11, "functie", "Staffunctie"),
        wrong(18, "functie", "Projectleider", 9),
        wrong(9, "functie", "Beleidsadviseur", 18),
    ),
    Case(
        "5 Procent is bureauhoofd en 18 procent noemt geen functie; 37 procent noemt zichzelf adviseur."
        + PROFILE,
        ok(5, "functie", "Bureauhoofd"),
        ok(18, "functie", "Geen functie genoemd"),
        ok(37, "functie", "Adviseur"),
    ),
    Case(
        "15 Procent is bureauhoofd en 18 procent noemt geen functie; 27 procent noemt zichzelf adviseur."
        + PROFILE,
        wrong(15, "functie", "Bureauhoofd", 5),
        ok(18, "functie", "Geen functie genoemd"),
        wrong(27, "functie", "Adviseur", 37),
    ),
    Case(
        "Ruim de helft van de deelnemers is man." + PROFILE, ok(50, "geslacht", "Man")
    ),
    Case(
        "Bijna de helft van de deelnemers is vrouw." + PROFILE,
        ok(50, "geslacht", "Vrouw"),
    ),
    Case(
        "Een derde van de deelnemers werkt bij de rijksoverheid." + PROFILE,
        ok(33.3, "organisatie", "Rijksoverheid"),
    ),
    Case(
        "Bijna de helft werkt bij een gemeente." + PROFILE,
        ok(50, "organisatie", "Gemeente"),
    ),
    Case(
        "Een kwart werkt bij een gemeente." + PROFILE,
        wrong(25, "organisatie", "Gemeente", 46),
    ),
    # --- Distractors: numbers that are no percentages -----------------------------
    Case(
        "Dat blijkt uit onderzoek van het Ambtenarenpanel onder een kleine 500 ambtenaren."
        + G,
        plain("500"),
    ),
    Case(
        "In 2020 deden 480 ambtenaren mee aan het onderzoek, van 1 tot en met 21 juni."
        + G,
        plain("2020"),
        plain("480"),
        plain("1"),
        plain("21"),
    ),
    Case(
        "De vragenlijst bestond uit 18 vragen en kostte ongeveer 10 minuten." + G,
        plain("18"),
        plain("10"),
    ),
    Case(
        "Het onderzoek is 2 keer eerder gehouden, in 2018 en 2019." + G,
        plain("2"),
        plain("2018"),
        plain("2019"),
    ),
    Case(
        "Meer informatie via 070 - 123 45 67 of in hoofdstuk 4 van het rapport." + G,
        plain("070"),
        plain("4"),
    ),
    Case(
        "De organisatie trok 2,5 miljoen euro uit voor 12 projecten." + G,
        plain("2,5"),
        plain("12"),
    ),
    Case(
        "Om 10.00 uur begon de bijeenkomst met 35 deelnemers." + G,
        plain("10.00"),
        plain("35"),
    ),
    Case(
        "Op 1 januari 2021 trad de wet in werking; artikel 3 regelt de digitale dienstverlening."
        + G,
        plain("1"),
        plain("2021"),
        plain("3"),
    ),
    Case(
        "Ruim 300 gemeenten en 12 provincies hebben een eigen website." + PROFILE,
        plain("300"),
        plain("12"),
    ),
    Case(
        "Onder de 40 jaar zijn er 150 deelnemers, boven de 65 jaar 5." + PROFILE,
        plain("40"),
        plain("150"),
        plain("65"),
        plain("5"),
    ),
    Case(
        "De respons was 48 van de 100 uitgenodigde ambtenaren." + G,
        plain("48"),
        plain("100"),
    ),
    Case(
        "Het aandeel dat altijd over digitalisering spreekt, is met 3 procentpunten gestegen."
        + G,
        plain("3"),
    ),
    Case("Dat is 5 procentpunt meer dan in de vorige peiling." + G, plain("5")),
    Case("De salarissen stegen met 2 procent." + G, plain("2")),
    Case("Een stijging van 10 procent ten opzichte van vorig jaar." + G, plain("10")),
    Case(
        "Het budget voor digitalisering is 15 procent hoger dan vorig jaar." + G,
        plain("15"),
    ),
    Case(
        "De deelnemers kregen 3 weken de tijd en ontvingen na 1 week een herinnering."
        + G,
        plain("3"),
        plain("1"),
    ),
    Case("Een derde partij voerde het onderzoek uit in week 24." + G, plain("24")),
    Case("Om kwart over negen begon de eerste sessie." + G),
    Case(
        "Van de 18 vragen gingen er 4 over social media." + KA, plain("18"), plain("4")
    ),
    # --- Unlinked: percentages the data cannot say -------------------------------------
    Case(
        "Volgens het CBS heeft 92 procent van de Nederlanders internet." + G,
        unlinked(92),
    ),
    Case(
        "Vorig jaar sprak nog maar 60 procent van de ambtenaren vaak over digitalisering."
        + G,
        unlinked(60),
    ),
    Case("Ongeveer 15 procent van de rijksbegroting gaat naar zorg." + G, unlinked(15)),
    Case(
        "Landelijk is 30 procent van de ambtenaren ouder dan 55." + PROFILE,
        unlinked(30),
    ),
    Case("Volgens 64 procent is de werkdruk te hoog." + SW, unlinked(64)),
    # --- Two sections: the nearest chart of the same section ------------------------
    Case(
        "## Kwaliteitseisen\n\n7 procent zegt nee."
        + K
        + "\n\n## Waarborging\n\n9 procent zegt nee."
        + WB,
        ok(7, "kwaliteitseisen", "Nee"),
        ok(9, "waarborging", "Nee"),
    ),
    Case(
        "## Kwaliteitseisen\n\n9 procent zegt nee."
        + K
        + "\n\n## Waarborging\n\n7 procent zegt nee."
        + WB,
        wrong(9, "kwaliteitseisen", "Nee", 7),
        wrong(7, "waarborging", "Nee", 9),
    ),
    Case(
        "## Agenda\n\n57 procent weet het niet."
        + AC
        + "\n\n## Kwaliteitseisen\n\n57 procent weet het niet."
        + K,
        ok(57, "activiteiten", "Weet niet"),
        ok(57, "kwaliteitseisen", "Weet niet"),
    ),
    Case(
        "## Agenda\n\n34 procent weet het niet."
        + AC
        + "\n\n## Kwaliteitseisen\n\n34 procent weet het niet."
        + K,
        wrong(34, "activiteiten", "Weet niet", 57),
        wrong(34, "kwaliteitseisen", "Weet niet", 57),
    ),
    # --- Tags tie a sentence to their question -------------------------------------
    Case(
        "Volgens [cijfer agenda-bekend/Ja] kent men de Agenda; 43 procent niet.",
        ok(43, "agenda-bekend", "Nee"),
    ),
    Case(
        "Volgens [cijfer agenda-bekend/Ja] kent men de Agenda; 40 procent niet.",
        wrong(40, "agenda-bekend", "Nee", 43),
    ),
    Case(
        "[cijfer gesprek/Altijd] zegt altijd, 55 procent vaak.",
        wrong(55, "gesprek", "Vaak", 51),
    ),
    Case(
        "[cijfer gesprek/Altijd] zegt altijd, 51 procent vaak.",
        ok(51, "gesprek", "Vaak"),
    ),
    Case(
        "Ja zegt [cijfer kwaliteitseisen/Ja], nee 7 procent.",
        ok(7, "kwaliteitseisen", "Nee"),
    ),
    Case(
        "Ja zegt [cijfer kwaliteitseisen/Ja], nee 17 procent.",
        wrong(17, "kwaliteitseisen", "Nee", 7),
    ),
    # --- The second round: decimals, segments, sums --------------------------------
    Case(
        "Gemiddeld werkt 40,8 procent van de ambtenaren vaak thuis." + TH,
        ok(40.8, W + "thuiswerken", "Vaak"),
    ),
    Case(
        "Gemiddeld werkt 48,0 procent van de ambtenaren vaak thuis." + TH,
        wrong(48, W + "thuiswerken", "Vaak", 40.8),
    ),
    Case(
        "Altijd thuis werkt 28,7 procent, nooit 8 procent." + TH,
        ok(28.7, W + "thuiswerken", "Altijd"),
        ok(8, W + "thuiswerken", "Nooit"),
    ),
    Case(
        "Altijd thuis werkt 8 procent, nooit 28,7 procent." + TH,
        wrong(8, W + "thuiswerken", "Altijd", 28.7),
        wrong(28.7, W + "thuiswerken", "Nooit", 8),
    ),
    Case("Soms thuis werkt 22,5 procent." + TH, ok(22.5, W + "thuiswerken", "Soms")),
    Case(
        "Soms thuis werkt 25,5 procent." + TH,
        wrong(25.5, W + "thuiswerken", "Soms", 22.5),
    ),
    Case("Af en toe thuis werkt 23 procent." + TH, ok(23, W + "thuiswerken", "Soms")),
    Case(
        "Bij gemeenten werkt 41 procent vaak thuis." + TH,
        ok(41, W + "thuiswerken", "Vaak@Gemeente"),
    ),
    Case(
        "Bij gemeenten werkt 45 procent vaak thuis." + TH,
        wrong(45, W + "thuiswerken", "Vaak@Gemeente", 41),
    ),
    Case(
        "Gemeenteambtenaren werken in 24 procent van de gevallen altijd thuis." + TH,
        ok(24, W + "thuiswerken", "Altijd@Gemeente"),
    ),
    Case(
        "Bij het Rijk werkt 39 procent altijd thuis." + TH,
        ok(39, W + "thuiswerken", "Altijd@Rijksoverheid"),
    ),
    Case(
        "Bij het Rijk werkt 29 procent altijd thuis." + TH,
        wrong(29, W + "thuiswerken", "Altijd@Rijksoverheid", 39),
    ),
    Case(
        "Zeven op de tien werken vaak of altijd thuis." + TH,
        ok(70, W + "thuiswerken", "Vaak+Altijd"),
    ),
    Case(
        "Zes op de tien werken vaak of altijd thuis." + TH,
        wrong(60, W + "thuiswerken", "Vaak+Altijd", 69.5),
    ),
    Case(
        "Een hoge werkdruk ervaart 61 procent van de ambtenaren, 33 procent niet." + WD,
        ok(61, W + "werkdruk", "Ja"),
        ok(33, W + "werkdruk", "Nee"),
    ),
    Case(
        "Een hoge werkdruk ervaart 66 procent van de ambtenaren, 29 procent niet." + WD,
        wrong(66, W + "werkdruk", "Ja", 61),
        wrong(29, W + "werkdruk", "Nee", 33),
    ),
    Case(
        "Bij de rijksoverheid ervaart 66 procent een hoge werkdruk, bij gemeenten 58 procent."
        + WD,
        ok(66, W + "werkdruk", "Ja@Rijksoverheid"),
        ok(58, W + "werkdruk", "Ja@Gemeente"),
    ),
    Case(
        "Bij de rijksoverheid ervaart 58 procent een hoge werkdruk, bij gemeenten 66 procent."
        + WD,
        wrong(58, W + "werkdruk", "Ja@Rijksoverheid", 66),
        wrong(66, W + "werkdruk", "Ja@Gemeente", 58),
    ),
    Case(
        "Geen hoge werkdruk ervaart een derde van de ambtenaren." + WD,
        ok(33.3, W + "werkdruk", "Nee"),
    ),
    Case(
        "Tevreden of zeer tevreden over de leidinggevende is 65 procent." + LG,
        ok(65, W + "leidinggevende", "Zeer tevreden+Tevreden"),
    ),
    Case(
        "Tevreden of zeer tevreden over de leidinggevende is 56 procent." + LG,
        wrong(56, W + "leidinggevende", "Zeer tevreden+Tevreden", 65),
    ),
    Case(
        "Zeer tevreden over de leidinggevende is 18 procent, tevreden 47 procent." + LG,
        ok(18, W + "leidinggevende", "Zeer tevreden"),
        ok(47, W + "leidinggevende", "Tevreden"),
    ),
    Case(
        "Ontevreden is 10 procent en zeer ontevreden 5 procent." + LG,
        ok(10, W + "leidinggevende", "Ontevreden"),
        ok(5, W + "leidinggevende", "Zeer ontevreden"),
    ),
    Case(
        "Ontevreden is 5 procent en zeer ontevreden 10 procent." + LG,
        wrong(5, W + "leidinggevende", "Ontevreden", 10),
        wrong(10, W + "leidinggevende", "Zeer ontevreden", 5),
    ),
    Case(
        "Een op de vijf is neutraal over de leidinggevende." + LG,
        ok(20, W + "leidinggevende", "Neutraal"),
    ),
    Case(
        "Ruim een kwart wil binnen twee jaar een andere baan." + VT,
        ok(25, W + "vertrek", "Ja"),
        plain("twee"),
    ),
    Case(
        "Ruim de helft is niet van plan om binnen twee jaar een andere baan te zoeken."
        + VT,
        ok(50, W + "vertrek", "Nee"),
    ),
    Case(
        "Een op de vijf weet nog niet of hij binnen twee jaar een andere baan zoekt."
        + VT,
        ok(20, W + "vertrek", "Weet ik nog niet"),
    ),
    Case(
        "Van plan om binnen twee jaar te vertrekken is 37 procent." + VT,
        wrong(37, W + "vertrek", "Ja", 27),
    ),
    Case(
        "Dagelijks gebruikt 9 procent AI-toepassingen zoals ChatGPT, af en toe 31 procent."
        + AI,
        ok(9, W + "ai-gebruik", "Ja, dagelijks"),
        ok(31, W + "ai-gebruik", "Ja, af en toe"),
    ),
    Case(
        "Dagelijks gebruikt 19 procent AI-toepassingen zoals ChatGPT." + AI,
        wrong(19, W + "ai-gebruik", "Ja, dagelijks", 9),
    ),
    Case(
        "Vier op de tien gebruiken AI dagelijks of af en toe." + AI,
        ok(40, W + "ai-gebruik", "Ja, dagelijks+Ja, af en toe"),
    ),
    Case(
        "55 procent gebruikt geen AI-toepassingen in het werk." + AI,
        ok(55, W + "ai-gebruik", "Nee"),
    ),
    Case(
        "45 procent gebruikt geen AI-toepassingen in het werk." + AI,
        wrong(45, W + "ai-gebruik", "Nee", 55),
    ),
    Case(
        "Een cursus volgde 44 procent, een e-learning 52 procent." + OP,
        ok(44, W + "opleiding", "Cursus"),
        ok(52, W + "opleiding", "E-learning"),
    ),
    Case(
        "Een cursus volgde 52 procent, een e-learning 44 procent." + OP,
        wrong(52, W + "opleiding", "Cursus", 44),
        wrong(44, W + "opleiding", "E-learning", 52),
    ),
    Case(
        "Training on the job kreeg 30 procent." + OP,
        ok(30, W + "opleiding", "Training on the job"),
    ),
    Case(
        "Geen enkele opleiding volgde 19 procent." + OP, ok(19, W + "opleiding", "Geen")
    ),
    Case(
        "Geen enkele opleiding volgde 9 procent." + OP,
        wrong(9, W + "opleiding", "Geen", 19),
    ),
    Case(
        "Bijna driekwart weet waar men terecht kan met een vermoeden van een integriteitsschending."
        + IN,
        ok(75, W + "integriteit", "Ja"),
    ),
    Case(
        "Waar men terecht kan met een vermoeden van een integriteitsschending, weet 19 procent niet."
        + IN,
        ok(19, W + "integriteit", "Nee"),
    ),
    Case(
        "Veel of enig vertrouwen in de politiek heeft de helft van de ambtenaren." + VR,
        ok(50, W + "vertrouwen", "Veel vertrouwen+Enig vertrouwen"),
    ),
    Case(
        "Weinig vertrouwen in de politiek heeft 35 procent, geen vertrouwen 15 procent."
        + VR,
        ok(35, W + "vertrouwen", "Weinig vertrouwen"),
        ok(15, W + "vertrouwen", "Geen vertrouwen"),
    ),
    Case(
        "Weinig vertrouwen in de politiek heeft 15 procent, geen vertrouwen 35 procent."
        + VR,
        wrong(15, W + "vertrouwen", "Weinig vertrouwen", 35),
        wrong(35, W + "vertrouwen", "Geen vertrouwen", 15),
    ),
    Case(
        "Veel vertrouwen in de politiek heeft 21 procent." + VR,
        wrong(21, W + "vertrouwen", "Veel vertrouwen", 12),
    ),
    Case(
        "Het onderzoek liep van 4 tot en met 22 maart 2024 onder 612 ambtenaren." + VR,
        plain("4"),
        plain("22"),
        plain("2024"),
        plain("612"),
    ),
    Case(
        "Volgens 61,0 procent is de werkdruk hoog." + WD, ok(61, W + "werkdruk", "Ja")
    ),
    Case(
        "Volgens 60,5 procent is de werkdruk hoog." + WD,
        wrong(60.5, W + "werkdruk", "Ja", 61),
    ),
]
