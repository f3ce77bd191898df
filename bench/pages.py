"""Serving speed: gunicorn with 2 workers on 127.0.0.1, measured with wrk, in several set-ups.

    make bench-pages                  # SQLite and PostgreSQL, each with the file cache and Redis
    .venv/bin/python bench/pages.py --databases sqlite --caches file,diskcache --seconds 5

Each *set-up* is a database (``sqlite``: a temporary file; ``postgresql``: a throwaway
database on ``DATABASE_URL``'s server, or 127.0.0.1:5432) and a cache shared by the
workers (``file``: the embedded default, a folder; ``redis``: a private redis-server on a
free port, started and stopped here; ``diskcache``: the diskcache package's Django
backend, for comparison: ``pip install diskcache``, not a dependency of the site).

Per database: the demo content (``loaddemo``: the seed article with its charts) and 50
approved comments on the seed article. Per set-up: gunicorn (``gunicorn.conf.py``,
``DEBUG=0``, 2 workers of one thread each, keep-alive, no access log); then, one URL
after the other, with a warm-up before each: a static CSS file (the ceiling of this
machine), and the seed article, the home page and a question's ``grafiek.json``, each
cached (as an anonymous reader gets them) and uncached (with an ``Authorization``
header, which the page cache never answers, so the view renders the page). Prints the
set-ups side by side: requests per second and the share of the static file's rate,
then median and 99th percentile latency, then the article's page weight and the targets.

Targets: cached article at least 80 % of the static file's rate; uncached article at
least 300 requests per second; page weight at most 150 KB with no render-blocking script.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _child import setup_django  # noqa: E402
from _db import (  # noqa: E402
    PYTHON,
    ROOT,
    env_for,
    manage,
    throwaway_database,
    workdir,
)
from _page_weight import BROWSER_HEADERS, fetch, page_weight  # noqa: E402

from tests.support import servers  # noqa: E402

ARTICLE_SLUG = "digitale-dienstverlening"
COMMENTS = 50
WORKERS = 2
CACHED_SHARE_TARGET = 0.80  # cached article: at least this share of the static rate
UNCACHED_TARGET = 300  # uncached article: at least this many requests per second
WEIGHT_TARGET_KB = 150
# The page cache never answers a request with credentials (ambtenarenpanel/caching.py).
UNCACHED_HEADER = ("Authorization", "Bearer bench")
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


# --- Set-up child: runs inside Django ------------------------------------------------


def child_setup() -> None:
    """Add approved comments to the seed article; print the URLs to measure as JSON."""
    setup_django()
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from articles.models import Article, Comment
    from surveys.models import Question

    article = Article.objects.get(slug=ARTICLE_SLUG)
    missing = COMMENTS - Comment.objects.approved().filter(article=article).count()
    now = timezone.now()
    Comment.objects.bulk_create(
        Comment(
            article=article,
            name=f"Lezer {number}",
            email=f"lezer{number}@example.org",
            body=(
                "Herkenbaar: bij ons loopt de digitale dienstverlening ook achter op "
                "wat inwoners verwachten. Meer kennis van de Agenda zou helpen. "
            )
            * 2,
            status=Comment.Status.APPROVED,
            created_at=now - timedelta(minutes=number),
        )
        for number in range(max(0, missing))
    )
    question = Question.objects.filter(survey__slug=ARTICLE_SLUG).order_by(
        "order", "id"
    )[0]
    print(
        json.dumps(
            {
                "article": article.get_absolute_url(),
                "home": reverse("articles:home"),
                "chart": reverse(
                    "surveys:question-chart",
                    kwargs={"survey_slug": ARTICLE_SLUG, "code": question.code},
                ),
                "comments": Comment.objects.approved().filter(article=article).count(),
            }
        )
    )


# --- wrk -----------------------------------------------------------------------------


def wrk(url: str, seconds: int, connections: int, headers: list[str]) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(
        [*command, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    figures = {"rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])}
    for name, percentile in (("median", "50"), ("p99", "99")):
        value, unit = re.search(
            rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)", output, re.M
        ).groups()
        figures[name] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = int(errors[1]) if errors else 0
    socket_errors = re.search(r"Socket errors: (.*)", output)
    figures["socket_errors"] = socket_errors[1] if socket_errors else ""
    return figures


def postgres_server() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else DEFAULT_POSTGRES


def cache_env(cache: str, folder: Path, redis_server) -> dict[str, str]:
    if cache == "redis":
        return {"REDIS_URL": servers.redis_url(redis_server)}
    env = {"CACHE_DIR": str(folder / f"cache-{cache}")}
    if cache == "diskcache":  # bench/diskcache_settings.py
        env["DJANGO_SETTINGS_MODULE"] = "diskcache_settings"
        env["PYTHONPATH"] = str(Path(__file__).resolve().parent)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="per URL (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="seconds before each URL")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--caches", default="file,redis", help="file, redis, diskcache")
    parser.add_argument("--child-setup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_setup:
        child_setup()
        return
    databases = args.databases.split(",")
    caches = args.caches.split(",")
    if "diskcache" in caches:
        try:
            import diskcache  # noqa: F401
        except ImportError:
            print("diskcache is not installed (pip install diskcache): left out")
            caches.remove("diskcache")

    results: dict[str, dict] = {}
    weight = None
    with workdir() as folder:
        folder = Path(folder)
        static = folder / "static"
        manage("", "collectstatic", "--noinput", STATIC_ROOT=str(static))
        redis_server = None
        if "redis" in caches:
            redis_server = servers.redis(folder).start()
        try:
            for database in databases:
                server = "" if database == "sqlite" else postgres_server()
                with throwaway_database("bench_pages", folder, server) as url:
                    extra = {
                        "STATIC_ROOT": str(static),
                        "MEDIA_ROOT": str(folder / "media"),
                        "ALLOWED_HOSTS": "127.0.0.1,localhost",
                    }
                    manage(url, "loaddemo", **extra)
                    urls = json.loads(
                        subprocess.run(
                            [PYTHON, __file__, "--child-setup"],
                            cwd=ROOT,
                            env=env_for(url, **extra),
                            capture_output=True,
                            text=True,
                            check=True,
                        )
                        .stdout.strip()
                        .splitlines()[-1]
                    )
                    for cache in caches:
                        name = f"{'SQLite' if database == 'sqlite' else 'PostgreSQL'} + {cache}"
                        env = env_for(
                            url,
                            **extra,
                            **cache_env(cache, folder, redis_server),
                            WEB_CONCURRENCY=str(WORKERS),
                            GUNICORN_THREADS="1",
                        )
                        site = servers.gunicorn(env, folder, f"gunicorn-{len(results)}")
                        site.start("/robots.txt")
                        try:
                            if weight is None:
                                weight = page_weight(site.url, urls["article"])
                            results[name] = measure(args, site.url, urls, weight)
                        finally:
                            site.stop()
                        if cache == "redis":
                            subprocess.run(
                                ["redis-cli", "-p", str(redis_server.port), "flushall"],
                                capture_output=True,
                                check=False,
                            )
        finally:
            if redis_server is not None:
                redis_server.stop()
    report(args, results, weight, urls)


def measure(args, base: str, urls: dict, weight: dict) -> dict:
    css = next(
        u for u, _, _ in weight["files"] if re.search(r"/site\.[0-9a-f]+\.css$", u)
    )
    figures = {}
    for name, path, extra_headers in cases(urls, css):
        headers = [f"{k}: {v}" for k, v in [*BROWSER_HEADERS.items(), *extra_headers]]
        status, _, _ = fetch(base + path, dict(extra_headers))
        assert status == 200, (path, status)
        if args.warmup:
            wrk(base + path, args.warmup, args.connections, headers)
        figures[name] = wrk(base + path, args.seconds, args.connections, headers)
    return figures


def cases(urls: dict, css: str) -> list:
    return [
        ("static CSS (ceiling)", css, []),
        ("article, cached", urls["article"], []),
        ("article, uncached", urls["article"], [UNCACHED_HEADER]),
        ("home page, cached", urls["home"], []),
        ("home page, uncached", urls["home"], [UNCACHED_HEADER]),
        ("grafiek.json, cached", urls["chart"], []),
        ("grafiek.json, uncached", urls["chart"], [UNCACHED_HEADER]),
    ]


def report(args, results: dict, weight: dict, urls: dict) -> None:
    setups = list(results)
    names = [name for name, _, _ in cases(urls, "")]
    width = max(22, *(len(setup) + 2 for setup in setups))
    print(
        f"\nPage benchmark: gunicorn, {WORKERS} workers of 1 thread, DEBUG=0; wrk -t2 "
        f"-c{args.connections}, {args.seconds} s per URL after {args.warmup} s warm-up; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"Seed article {urls['article']} with its charts and {urls['comments']} "
        f"approved comments\n"
    )
    print("requests/s (share of the static file's rate)")
    print(f"{'':26}" + "".join(f"{setup:>{width}}" for setup in setups))
    for name in names:
        row = ""
        for setup in setups:
            rate = results[setup][name]["rate"]
            share = rate / results[setup]["static CSS (ceiling)"]["rate"]
            row += f"{f'{rate:.0f} ({share:.0%})':>{width}}"
        print(f"{name:26}{row}")
    print("\nmedian / 99th percentile latency, ms")
    for name in names:
        row = ""
        for setup in setups:
            figures = results[setup][name]
            latency = f"{figures['median']:.1f} / {figures['p99']:.1f}"
            row += f"{latency:>{width}}"
        print(f"{name:26}{row}")

    print(
        f"\nPage weight of {urls['article']} (as transferred, Accept-Encoding: br, gzip):"
    )
    for path, size, encoding in weight["files"]:
        print(f"  {size / 1024:7.1f} KB  {encoding:<5} {path}")
    total_kb = weight["total"] / 1024
    print(
        f"  {total_kb:7.1f} KB  in {len(weight['files'])} files; {weight['scripts']} "
        f"scripts, render-blocking: {', '.join(weight['blocking']) or 'none'}"
    )

    print()
    checks = []
    for setup in setups:
        figures = results[setup]
        cached = (
            figures["article, cached"]["rate"] / figures["static CSS (ceiling)"]["rate"]
        )
        uncached = figures["article, uncached"]["rate"]
        checks += [
            (
                f"{setup}: cached article at {cached:.0%} of the static file's rate "
                f"(target ≥ {CACHED_SHARE_TARGET:.0%})",
                cached >= CACHED_SHARE_TARGET,
            ),
            (
                f"{setup}: uncached article at {uncached:.0f} requests per second "
                f"(target ≥ {UNCACHED_TARGET})",
                uncached >= UNCACHED_TARGET,
            ),
            (
                f"{setup}: every response a 2xx and no socket errors",
                not any(f["errors"] or f["socket_errors"] for f in figures.values()),
            ),
        ]
    checks.append(
        (
            f"page weight {total_kb:.0f} KB (target ≤ {WEIGHT_TARGET_KB} KB), "
            "no render-blocking script",
            total_kb <= WEIGHT_TARGET_KB and not weight["blocking"],
        )
    )
    for text, ok in checks:
        print(f"{'meets target' if ok else 'MISSES TARGET'}: {text}")
    print(f"Load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
