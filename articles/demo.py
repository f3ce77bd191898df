"""Demo content: the panel's article on digital services, from ``demo/``."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.html import escape

from surveys.demo import load_survey_demo
from surveys.demo_respondents import load_respondent_demo

from .models import Article, Author, Category, Comment

DEMO_DIR = Path(__file__).resolve().parent / "demo"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

SEED_ARTICLE = {
    "slug": "digitale-dienstverlening",
    "title": "Digitale dienstverlening hoog op de agenda, maar Agenda Digitale Overheid onbekend",
    "file": "digitale-dienstverlening.txt",
    "published_at": datetime(2020, 6, 15, 9, 0, tzinfo=AMSTERDAM),
    "search_description": (
        "76 procent van de ambtenaren spreekt op het werk veel over digitale dienstverlening; "
        "hoe staat het met kwaliteit, de Agenda en social media?"
    ),
}

DEMO_COMMENTS = [
    (
        "Marieke de Vries",
        "marieke@example.org",
        "Herkenbaar. Bij ons wordt veel over digitalisering gepraat, maar de Agenda "
        "Digitale Overheid ken ik alleen van naam.",
        datetime(2020, 6, 15, 11, 12, tzinfo=AMSTERDAM),
    ),
    (
        "Johan Bakker",
        "johan.bakker@example.org",
        "Opvallend dat 57 procent niet weet of er kwaliteitseisen zijn. Dat zegt ook iets "
        "over de interne communicatie.",
        datetime(2020, 6, 15, 14, 40, tzinfo=AMSTERDAM),
    ),
    (
        "Fatima el Amrani",
        "f.elamrani@example.org",
        "Webcare is inderdaad een vak. Goed dat dat in het onderzoek naar voren komt.",
        datetime(2020, 6, 16, 8, 5, tzinfo=AMSTERDAM),
    ),
]


def text_to_html(text: str) -> str:
    """Turn the demo text format into body HTML: ``## `` starts a subheading, a blank line a paragraph."""
    blocks = []
    for block in (part.strip() for part in text.split("\n\n")):
        if not block:
            continue
        if block.startswith("## "):
            blocks.append(f"<h2>{escape(block[3:])}</h2>")
        else:
            blocks.append(f"<p>{escape(block)}</p>")
    return "\n".join(blocks)


def _create_or_update(model, *, values: dict, **lookup):
    """Like ``update_or_create``, but saves only when a value differs, so a rerun touches nothing."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = False
    for field, value in values.items():
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed = True
    if changed:
        obj.save()
    return obj


@transaction.atomic
def load_demo() -> Article:
    """Create or update the demo article with its category, author and comments.

    The demo survey rounds are loaded first (the article's, and one computed from
    synthetic respondents), so the article's charts refer to existing questions.
    Running it again changes nothing.
    """
    load_survey_demo()
    load_respondent_demo()
    category, _ = Category.objects.update_or_create(
        slug="isamenleving",
        defaults={
            "name": "iSamenleving",
            "description": "Digitalisering van overheid en samenleving.",
        },
    )
    author, _ = Author.objects.update_or_create(
        slug="ambtenarenpanel",
        defaults={
            "name": "Ambtenarenpanel",
            "bio": "Het Ambtenarenpanel peilt regelmatig de mening van ambtenaren bij "
            "Rijk, provincies, gemeenten, waterschappen en zbo's.",
        },
    )
    text = (DEMO_DIR / SEED_ARTICLE["file"]).read_text(encoding="utf-8")
    lead, _, body = text.partition("\n\n")
    article = _create_or_update(
        Article,
        slug=SEED_ARTICLE["slug"],
        values={
            "title": SEED_ARTICLE["title"],
            "lead": lead.strip(),
            "body": text_to_html(body),
            "category": category,
            "author": author,
            "status": Article.Status.PUBLISHED,
            "published_at": SEED_ARTICLE["published_at"],
            "search_description": SEED_ARTICLE["search_description"],
            "comments_open": True,
        },
    )
    for name, email, body_text, created_at in DEMO_COMMENTS:
        Comment.objects.update_or_create(
            article=article,
            name=name,
            created_at=created_at,
            defaults={
                "email": email,
                "body": body_text,
                "status": Comment.Status.APPROVED,
            },
        )
    return article
