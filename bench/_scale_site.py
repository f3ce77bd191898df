"""The site that bench/scale.py measures, built in bulk inside Django (a child process).

``child_build(articles)`` adds, after ``loaddemo``: the articles (the seed's text with
words swapped), the comments, the survey rounds, then rebuilds the search index, and
prints the timings and the URLs to measure as JSON. See bench/README.md.
"""

from __future__ import annotations

import json
import random
import sys
import time

from _db import ROOT

COMMENTS_PER_ARTICLE = 10
POPULAR_SHARE = 0.02
ARTICLES_PER_ROUND = 50
QUESTIONS_PER_ROUND = 50
SEGMENTS = ["Totaal", "Gemeente", "Rijksoverheid", "Provincie", "Waterschap"]
ANSWERS = ["Helemaal eens", "Eens", "Neutraal", "Oneens", "Helemaal oneens"]
#: In the last paragraph of a few articles only: "a search hit deep in the body".
DEEP_WORD = "kwartiermakersoverleg"
NOTHING = "zeppelinhangaarvergunning"


def lexicon(size: int, rng: random.Random) -> list[str]:
    """Dutch-looking words that no dictionary holds, so that articles differ in words."""
    onsets = ["b", "d", "g", "k", "v", "w", "z", "st", "tr", "sl", "gr", "pl", "sch"]
    vowels = ["a", "e", "i", "o", "u", "aa", "ee", "oo", "ie", "ui", "ij", "ou"]
    codas = ["", "n", "r", "l", "k", "t", "s", "m", "nd", "rk", "ng", "cht"]
    endings = ["", "en", "ing", "heid", "elijk", "er", "ers", "te", "isch", "beleid"]
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.randint(2, 4)
        word = "".join(
            rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
            for _ in range(syllables)
        )
        words.add(word + rng.choice(endings))
    return sorted(words)


def vary(text: str, rng: random.Random, words: list[str]) -> str:
    """``text`` with about one word in twelve swapped; chart lines stay as they are."""
    lines = []
    for line in text.split("\n"):
        if line.startswith("[") or line.startswith("## "):
            lines.append(line)
            continue
        lines.append(
            " ".join(
                rng.choice(words) if rng.random() < 1 / 12 else token
                for token in line.split(" ")
            )
        )
    return "\n".join(lines)


def child_build(articles: int) -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from datetime import timedelta
    from decimal import Decimal

    from django.db import transaction
    from django.urls import reverse
    from django.utils import timezone

    from articles.demo import DEMO_DIR, SEED_ARTICLE, text_to_html
    from articles.models import Article, Author, Category, Comment
    from search.indexing import rebuild
    from surveys.models import AnswerOption, Question, Result, Segment, Survey

    rng = random.Random(11)
    words = lexicon(40_000, rng)
    seed = (DEMO_DIR / SEED_ARTICLE["file"]).read_text(encoding="utf-8")
    seed_lead, _, seed_body = seed.partition("\n\n")
    now = timezone.now()
    started = time.monotonic()

    with transaction.atomic():
        categories = Category.objects.bulk_create(
            Category(name=f"Categorie {n}", slug=f"categorie-{n}") for n in range(8)
        )
        authors = Author.objects.bulk_create(
            Author(name=f"Auteur {n}", slug=f"auteur-{n}") for n in range(20)
        )
        deep = {3, articles // 2, articles - 17}
        batch = []
        for number in range(articles):
            body = vary(seed_body, rng, words)
            if number in deep:
                body += f"\n\nTot slot het {DEEP_WORD} van de gemeenten."
            batch.append(
                Article(
                    title=f"{rng.choice(words).capitalize()} en de digitale overheid {number}",
                    slug=f"artikel-{number}",
                    lead=vary(seed_lead, rng, words),
                    body=text_to_html(body),
                    category=categories[number % len(categories)],
                    author=authors[number % len(authors)],
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(hours=number + 1),
                )
            )
            if len(batch) == 500:
                Article.objects.bulk_create(batch)
                batch = []
        Article.objects.bulk_create(batch)
        built_articles = time.monotonic()

        ids = list(
            Article.objects.filter(slug__startswith="artikel-")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        popular = ids[len(ids) // 3]
        total = articles * COMMENTS_PER_ARTICLE
        on_popular = int(total * POPULAR_SHARE)
        others = [pk for pk in ids if pk != popular]
        comments = []
        for number in range(total):
            article = popular if number < on_popular else others[number % len(others)]
            comments.append(
                Comment(
                    article_id=article,
                    name=f"Lezer {number}",
                    email=f"lezer{number}@example.org",
                    body="Herkenbaar: bij ons loopt de digitale dienstverlening ook "
                    f"achter. {rng.choice(words)} zou helpen.",
                    status=Comment.Status.APPROVED,
                    created_at=now - timedelta(minutes=total - number),
                )
            )
            if len(comments) == 5000:
                Comment.objects.bulk_create(comments)
                comments = []
        Comment.objects.bulk_create(comments)
        built_comments = time.monotonic()

        segments = [Segment.objects.get_or_create(name=name)[0] for name in SEGMENTS]
        rounds = max(1, articles // ARTICLES_PER_ROUND)
        surveys = Survey.objects.bulk_create(
            Survey(
                title=f"Peiling {number}: {rng.choice(words)}",
                slug=f"peiling-{number}",
                respondents=480,
                method="Online vragenlijst onder leden van het panel.",
            )
            for number in range(rounds)
        )
        for survey in surveys:
            questions = Question.objects.bulk_create(
                Question(
                    survey=survey,
                    code=f"v{number}",
                    text=f"In hoeverre bent u het eens met: {rng.choice(words)} "
                    f"verbetert de {rng.choice(words)}?",
                    type=Question.Type.SINGLE,
                    order=number,
                )
                for number in range(QUESTIONS_PER_ROUND)
            )
            options = AnswerOption.objects.bulk_create(
                AnswerOption(question=question, label=label, order=order)
                for question in questions
                for order, label in enumerate(ANSWERS)
            )
            results = []
            for start in range(0, len(options), len(ANSWERS)):
                for segment in segments:
                    shares = [rng.randint(1, 30) for _ in ANSWERS]
                    scale = sum(shares)
                    values = [round(Decimal(100 * s / scale), 2) for s in shares]
                    values[-1] = Decimal(100) - sum(values[:-1])
                    results += [
                        Result(option=option, segment=segment, percentage=value)
                        for option, value in zip(
                            options[start : start + len(ANSWERS)], values, strict=True
                        )
                    ]
            Result.objects.bulk_create(results, batch_size=5000)
    built_surveys = time.monotonic()
    summary = rebuild()
    indexed = time.monotonic()
    from django.db import connection

    if connection.vendor == "postgresql":
        # As autovacuum leaves a table some time after a bulk load: statistics for
        # the planner, the visibility map for index-only scans.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    page_count = (Article.objects.published().count() + 9) // 10
    category = categories[1]
    popular_article = Article.objects.get(pk=popular)
    survey = surveys[len(surveys) // 2]
    print(
        json.dumps(
            {
                "build": {
                    "articles": round(built_articles - started, 1),
                    "comments": round(built_comments - built_articles, 1),
                    "surveys": round(built_surveys - built_comments, 1),
                    "index": round(indexed - built_surveys, 1),
                    "indexed": [summary.articles, summary.questions, summary.words],
                },
                "comments": Comment.objects.filter(article_id=popular).count(),
                "urls": {
                    "home page": reverse("articles:home"),
                    "deep pagination": f"{reverse('articles:home')}?pagina={page_count}",
                    "category archive": category.get_absolute_url(),
                    "popular article": popular_article.get_absolute_url(),
                    "its last comments": popular_article.get_absolute_url()
                    + f"?reacties={(on_popular + 49) // 50}",
                    "search, deep in body": f"{reverse('search:search')}?q={DEEP_WORD}",
                    "search, nothing": f"{reverse('search:search')}?q={NOTHING}",
                    "search, in every article": f"{reverse('search:search')}"
                    "?q=digitale+dienstverlening",
                    "sitemap index": reverse("sitemap"),
                    "sitemap of articles": reverse(
                        "sitemap-section", kwargs={"section": "articles"}
                    ),
                    "feed": reverse("articles:feed"),
                    "category feed": reverse(
                        "articles:category-feed", kwargs={"slug": category.slug}
                    ),
                    "round page": survey.get_absolute_url(),
                    "data.csv": reverse(
                        "surveys:survey-csv", kwargs={"slug": survey.slug}
                    ),
                },
            }
        )
    )
