"""Every figure of the seed article, in the order of the text, with the answer it names.

The intro's 43 is the one mismatch: it says 43 procent know the Agenda, the data (and
the body) say 57. Every other figure is the stored value of the answer named.
"""

from .model import ok, wrong

SEED_FIGURES = [
    # Intro
    ok(76, "gesprek", "Altijd+Vaak"),
    wrong(43, "agenda-bekend", "Ja", 57),
    # Respondents
    ok(52, "geslacht", "Man"),
    ok(48, "geslacht", "Vrouw"),
    ok(68, "leeftijd", "40 tot en met 65 jaar"),
    ok(31, "leeftijd", "Jonger dan 40 jaar"),
    ok(1, "leeftijd", "Ouder dan 65 jaar"),
    ok(33, "organisatie", "Rijksoverheid"),
    ok(6, "organisatie", "Provincie"),
    ok(46, "organisatie", "Gemeente"),
    ok(
        5, "organisatie", "Waterschap"
    ),  # "elk 5 procent": also Zbo and Andere organisatie
    ok(2, "functie", "Directeur"),
    ok(11, "functie", "Staffunctie"),
    ok(9, "functie", "Projectleider"),
    ok(18, "functie", "Beleidsadviseur"),
    ok(5, "functie", "Bureauhoofd"),
    ok(18, "functie", "Geen functie genoemd"),
    ok(37, "functie", "Adviseur"),
    # Kwaliteitseisen
    ok(25, "gesprek", "Altijd"),
    ok(51, "gesprek", "Vaak"),
    ok(12, "gesprek", "Niet vaak of nooit"),
    ok(9, "gesprek", "Neutraal"),
    ok(3, "gesprek", "Weet niet"),
    ok(13, "stimuleren", "Zeer eens"),
    ok(44, "stimuleren", "Mee eens"),
    ok(11, "stimuleren", "(Zeer) oneens"),
    ok(16, "stimuleren", "Weet niet"),
    ok(16, "stimuleren", "Neutraal"),
    ok(70, "samenwerking", "Ja, met een of meer partijen"),
    ok(5, "samenwerking", "Nee"),
    ok(25, "samenwerking", "Weet niet"),
    ok(32, "toegankelijkheid", "(Zeer) toegankelijk"),
    ok(23, "toegankelijkheid", "Neutraal"),
    ok(24, "toegankelijkheid", "(Zeer) ontoegankelijk"),
    ok(21, "toegankelijkheid", "Weet niet"),
    ok(36, "kwaliteitseisen", "Ja"),
    ok(7, "kwaliteitseisen", "Nee"),
    ok(57, "kwaliteitseisen", "Weet niet"),
    ok(57, "waarborging", "Ja"),
    ok(9, "waarborging", "Nee"),
    ok(34, "waarborging", "Weet niet"),
    # Agenda
    ok(57, "agenda-bekend", "Ja"),
    ok(43, "agenda-bekend", "Nee"),
    ok(31, "activiteiten", "Ja, een of meer activiteiten"),
    ok(7, "activiteiten", "Nee"),
    ok(5, "activiteiten", "Niet op de hoogte van mogelijke activiteiten"),
    ok(57, "activiteiten", "Weet niet"),
    ok(72, "grondrechten-bewust", "(Zeer) bewust"),
    ok(61, "grondrechten-beleid", "Ja, volledig of gedeeltelijk"),
    ok(8, "grondrechten-bewust", "Niet of nauwelijks bewust"),
    ok(18, "grondrechten-bewust", "Neutraal"),
    ok(2, "grondrechten-bewust", "Weet niet"),
    ok(5, "grondrechten-beleid", "Nee"),
    ok(34, "grondrechten-beleid", "Weet niet"),
    # Social media
    ok(70, "kanalen", "Facebook"),
    ok(77, "kanalen", "Twitter"),
    ok(60, "kanalen", "LinkedIn"),
    ok(39, "kanalen", "WhatsApp"),
    ok(30, "kanalen", "Instagram"),
    ok(2, "kanalen", "Snapchat"),
    ok(6, "kanalen", "Anders"),
    ok(11, "kanalen", "Weet niet"),
    ok(2, "kanalen", "Social media spelen geen rol"),
    ok(46, "gebruik", "Berichten plaatsen en in gesprek gaan met inwoners"),
    ok(27, "gebruik", "Verschilt per medium"),
    ok(16, "gebruik", "Alleen berichten plaatsen (zenden)"),
    ok(11, "gebruik", "Weet niet"),
    ok(48, "reactietijd", "Binnen een dag"),
    ok(8, "reactietijd", "Langer dan een dag"),
    ok(16, "reactietijd", "Geen mening"),
    ok(28, "reactietijd", "Weet niet"),
    ok(28, "verbetering", "Nee, ik ben tevreden"),
    ok(4, "verbetering", "Er moet geen gebruik worden gemaakt van social media"),
    ok(42, "verbetering", "Weet niet"),
    ok(26, "verbetering", "Ja, ik heb tips om die te verbeteren"),
]
