"""`manage.py loaddemo`: the seed article with its category, author and comments, idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, Author, Category, Comment

pytestmark = pytest.mark.django_db

ARTICLES_TABLES = [Article, Author, Category, Comment]


def loaddemo() -> str:
    out = StringIO()
    call_command("loaddemo", stdout=out)
    return out.getvalue()


def table_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ARTICLES_TABLES}


@pytest.fixture
def demo_article() -> Article:
    loaddemo()
    return Article.objects.get(slug="digitale-dienstverlening")


def test_the_seed_article_is_published_in_isamenleving_by_ambtenarenpanel(
    demo_article,
):
    assert demo_article.is_published()
    assert demo_article.status == Article.Status.PUBLISHED
    assert demo_article.category.name == "iSamenleving"
    assert demo_article.author.name == "Ambtenarenpanel"
    assert demo_article.title.startswith("Digitale dienstverlening hoog op de agenda")


def test_the_lead_is_the_first_paragraph_of_the_seed(demo_article):
    assert demo_article.lead.startswith(
        "Digitalisering van dienstverlening staat bij een meerderheid van de "
        "overheidsorganisaties hoog op de agenda."
    )
    assert demo_article.lead.endswith(
        "Dat blijkt uit onderzoek van het Ambtenarenpanel onder een kleine 500 ambtenaren."
    )


def test_the_body_has_the_three_subheadings_of_the_seed_in_order(demo_article):
    body = demo_article.body
    positions = [
        body.index(f"<h2>{heading}</h2>")
        for heading in ["Kwaliteitseisen", "Agenda", "Social media"]
    ]

    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "sentence",
    [
        # The seed's line-break hyphens ("Konin-krijksrelaties", "geraad-pleegde",
        # "communi- catie") are joined in the project's copy.
        "Van de ambtenaren die deelnamen aan het onderzoek is 52 procent man en 48 procent vrouw.",
        "stelt het verantwoordelijke ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "Volgens 25 procent van de geraadpleegde ambtenaren wordt er altijd over gesproken",
        "Stelt de organisatie kwaliteitseisen aan haar digitale dienstverlening? Ja, zegt 36 procent.",
        "57 procent zegt van het bestaan van de Agenda op de hoogte te zijn, "
        "terwijl 43 procent er nog nooit van heeft gehoord.",
        "Maar liefst 72 procent zegt zich bewust tot zeer bewust te zijn van deze rechten",
        "48 Procent reageert binnen een dag en slechts 8 procent doet er langer over.",
        "26 Procent heeft wel tips om de communicatie via social media te verbeteren.",
        "‘Webcare is een vak. Daar heb je dus professionals voor nodig.’",
    ],
)
def test_the_body_has_the_paragraphs_of_the_seed(demo_article, sentence):
    assert sentence in demo_article.body


def test_the_body_keeps_no_line_break_hyphen_from_the_seed(demo_article):
    for broken in ["amb-tenaren", "geraad-pleegde", "communi- catie", "Konin-krijks"]:
        assert broken not in demo_article.body
        assert broken not in demo_article.lead


def test_the_demo_comments_are_approved_and_carry_no_ip_address(demo_article):
    comments = demo_article.comments.all()

    assert comments.count() >= 3
    assert all(c.status == Comment.Status.APPROVED for c in comments)
    assert all(c.ip_address is None for c in comments)
    assert comments.filter(name="Marieke de Vries").exists()


def test_running_loaddemo_twice_changes_no_row_of_the_articles_app():
    loaddemo()
    counts = table_counts()
    article = Article.objects.get(slug="digitale-dienstverlening")

    loaddemo()

    assert table_counts() == counts
    assert Article.objects.filter(slug="digitale-dienstverlening").count() == 1
    again = Article.objects.get(slug="digitale-dienstverlening")
    assert again.pk == article.pk
    assert again.body == article.body
    assert again.updated_at == article.updated_at


def test_loaddemo_leaves_comments_of_readers_alone():
    loaddemo()
    article = Article.objects.get(slug="digitale-dienstverlening")
    reader_comment = Comment.objects.create(
        article=article,
        name="Lezer",
        email="lezer@example.org",
        body="Een reactie van een lezer.",
    )

    loaddemo()

    assert Comment.objects.filter(pk=reader_comment.pk).exists()


def test_loaddemo_prints_where_the_article_is():
    assert "/artikelen/digitale-dienstverlening/" in loaddemo()


def test_the_demo_article_page_answers_with_its_title_and_comments(
    client, demo_article
):
    response = client.get(demo_article.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "Digitale dienstverlening hoog op de agenda" in content
    assert "Kwaliteitseisen" in content
    assert "Marieke de Vries" in content
    assert "marieke@example.org" not in content
