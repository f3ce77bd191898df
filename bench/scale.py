"""Cost at scale: every public page at 10 000 articles beside the same page at 100.

    make bench-scale                        # SQLite (temporary files)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench-scale
                                            # SQLite, then PostgreSQL

or ``.venv/bin/python bench/scale.py [--articles 10000] [--requests 60]``.

For each database and each size, a throwaway database (``bench/_db.py``) gets the
demo content (``loaddemo``) and then, in bulk (``bulk_create``, never one row at a
time): N articles of the seed article's length and its 18 charts (the seed's text,
with about one word in twelve swapped for another word of a 40 000-word lexicon, so
that the articles' words differ), 10 approved comments per article of which 2 % on
one article (2 000 at 10 000 articles), and one survey round of 50 questions (5
answers, 5 segments) per 50 articles (200 rounds at 10 000). The search index is
rebuilt (``search.indexing.rebuild``, timed), then gunicorn serves the site with
every cache off (``bench/_uncached_settings.py``: the page cache, the fragments and
the rate limit use a dummy cache) and each page is requested one after the other,
with a warm-up, over one keep-alive connection; the figures are the median and the
99th percentile of the requests' times.

Targets (issue 11): search median ≤ 30 ms and p99 ≤ 100 ms; every other page median
≤ 50 ms; no page's median more than 2× its median at 100 articles.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _db import PYTHON, ROOT, env_for, manage, throwaway_database, workdir  # noqa: E402
from pages import free_port, start_gunicorn, stop  # noqa: E402

SMALL = 100
COMMENTS_PER_ARTICLE = 10
POPULAR_SHARE = 0.02
ARTICLES_PER_ROUND = 50
QUESTIONS_PER_ROUND = 50
SEGMENTS = ["Totaal", "Gemeente", "Rijksoverheid", "Provincie", "Waterschap"]
ANSWERS = ["Helemaal eens", "Eens", "Neutraal", "Oneens", "Helemaal oneens"]
#: In the last paragraph of a few articles only: "a search hit deep in the body".
DEEP_WORD = "kwartiermakersoverleg"
NOTHING = "zeppelinhangaarvergunning"
SEARCH_TARGET = (30, 100)
PAGE_TARGET = 50
GROWTH_TARGET = 2.0
UNCACHED_HEADER = {"Authorization": "Bearer bench"}


# --- Building the site: runs in a child process, inside Django ----------------------


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


# --- Measuring -----------------------------------------------------------------------


def measure(port: int, path: str, requests: int, warmup: int) -> tuple[float, float]:
    """(median, p99) in milliseconds of ``requests`` sequential GETs after ``warmup``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times = []
    try:
        for number in range(warmup + requests):
            started = time.perf_counter()
            connection.request("GET", path, headers=UNCACHED_HEADER)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            if response.status != 200:
                raise SystemExit(f"{path}: status {response.status}")
            if number >= warmup:
                times.append(elapsed)
    finally:
        connection.close()
    times.sort()
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    return statistics.median(times), p99


def run(backend_url: str, name: str, articles: int, args) -> dict:
    """Build a site of ``articles`` articles in a throwaway database and time its pages."""
    with workdir() as folder:
        folder = Path(folder)
        saved = os.environ.get("DATABASE_URL")
        if backend_url:
            os.environ["DATABASE_URL"] = backend_url
        else:
            os.environ.pop("DATABASE_URL", None)
        try:
            with throwaway_database(name, folder) as url:
                return _run_in(url, folder, articles, args)
        finally:
            if saved is None:
                os.environ.pop("DATABASE_URL", None)
            else:
                os.environ["DATABASE_URL"] = saved


def _run_in(url: str, folder: Path, articles: int, args) -> dict:
    extra = {
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    manage(url, "loaddemo", **extra)
    manage(url, "collectstatic", "--noinput", **extra)
    built = subprocess.run(
        [PYTHON, __file__, "--child-build", str(articles)],
        cwd=ROOT,
        env=env_for(url, **extra),
        capture_output=True,
        text=True,
    )
    if built.returncode:
        raise SystemExit(f"building the site failed:\n{built.stderr}")
    site = json.loads(built.stdout.strip().splitlines()[-1])
    port = free_port()
    env = env_for(
        url,
        **extra,
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="1",
        GUNICORN_ACCESS_LOG="",
        DJANGO_SETTINGS_MODULE="_uncached_settings",
        PYTHONPATH=str(Path(__file__).resolve().parent),
    )
    server = start_gunicorn(env)
    try:
        site["figures"] = {
            page: measure(port, path, args.requests, args.warmup)
            for page, path in site["urls"].items()
        }
    finally:
        stop(server)
    return site


def is_search(page: str) -> bool:
    return page.startswith("search")


def report(results: dict, articles: int) -> bool:
    """Print the table; return whether every target is met."""
    backends = list(results)
    pages = list(next(iter(results.values()))["large"]["figures"])
    head = f"{'page':26}"
    for backend in backends:
        head += f"| {backend + ' ' + str(SMALL):>13} {backend + ' ' + str(articles):>20} {'×':>5} "
    print(head + "| target")
    print(
        f"{'':26}" + f"| {'median':>13} {'median / p99':>20} {'':>5} " * len(backends)
    )
    all_met = True
    for page in pages:
        line = f"{page:26}"
        met = True
        for backend in backends:
            small_median, _ = results[backend]["small"]["figures"][page]
            median, p99 = results[backend]["large"]["figures"][page]
            growth = median / small_median if small_median else float("inf")
            limit = SEARCH_TARGET[0] if is_search(page) else PAGE_TARGET
            met &= median <= limit and growth <= GROWTH_TARGET
            if is_search(page):
                met &= p99 <= SEARCH_TARGET[1]
            line += f"| {small_median:10.1f} ms {median:9.1f} / {p99:5.1f} ms {growth:4.1f}× "
        target = (
            f"≤ {SEARCH_TARGET[0]} / {SEARCH_TARGET[1]} ms"
            if is_search(page)
            else f"≤ {PAGE_TARGET} ms"
        )
        print(line + f"| {target}, ≤ {GROWTH_TARGET:.0f}×  {'ok' if met else 'MISSED'}")
        all_met &= met
    return all_met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--requests", type=int, default=60, help="per page (default 60)"
    )
    parser.add_argument("--warmup", type=int, default=5, help="requests before timing")
    parser.add_argument("--child-build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_build is not None:
        child_build(args.child_build)
        return

    server = os.environ.get("DATABASE_URL", "")
    backends = {"SQLite": ""}
    if server.startswith(("postgres://", "postgresql://")):
        backends["PostgreSQL"] = server
    results = {}
    for backend, url in backends.items():
        results[backend] = {}
        for size, articles in (("small", SMALL), ("large", args.articles)):
            print(f"{backend}: building {articles} articles …", flush=True)
            site = run(url, f"bench_scale_{size}", articles, args)
            build = site["build"]
            print(
                f"  built in {build['articles']} s (articles) + {build['comments']} s "
                f"(comments) + {build['surveys']} s (rounds); search index rebuilt in "
                f"{build['index']} s: {build['indexed'][0]} articles, "
                f"{build['indexed'][1]} questions, {build['indexed'][2]} words; "
                f"popular article: {site['comments']} comments",
                flush=True,
            )
            results[backend][size] = site
    print(
        f"\nUncached median and 99th percentile of {args.requests} sequential requests "
        f"per page ({args.warmup} warm-up), gunicorn with 1 worker, DEBUG=0, every "
        f"cache off; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}. "
        f"× is the median at {args.articles} articles over the median at {SMALL}.\n"
    )
    met = report(results, args.articles)
    print(f"\n{'Every target met.' if met else 'Some targets MISSED.'}")


if __name__ == "__main__":
    main()
