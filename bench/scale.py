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
rebuilt (``search.indexing.rebuild``, timed), then gunicorn serves each site with
every cache off (``bench/_uncached_settings.py``: the page cache, the fragments and
the rate limit use a dummy cache). Each page is requested on the small and the large
site in turn, one request after the other, with a warm-up, over one keep-alive
connection per site, so that both sizes share whatever load the machine has; the
figures are the median and the 99th percentile of the requests' times.

Targets (issue 11): search median ≤ 30 ms and p99 ≤ 100 ms; every other page median
≤ 50 ms; no page's median more than 2× its median at 100 articles.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _db import PYTHON, ROOT, env_for, manage, throwaway_database, workdir  # noqa: E402
from _scale_site import child_build  # noqa: E402

from tests.support import servers  # noqa: E402

SMALL = 100
SEARCH_TARGET = (30, 100)
PAGE_TARGET = 50
GROWTH_TARGET = 2.0
UNCACHED_HEADER = {"Authorization": "Bearer bench"}
#: Measured beside the issue's pages, without a target of its own: a query whose words
#: are in every article (the issue's example of 20 s), held against the search target.
REPORTED = {"search, in every article"}


# --- Measuring -----------------------------------------------------------------------


class Timer:
    """Sequential GETs to one server over one keep-alive connection."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str) -> float:
        started = time.perf_counter()
        self.connection.request("GET", path, headers=UNCACHED_HEADER)
        response = self.connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise SystemExit(f"{path}: status {response.status}")
        return elapsed

    def close(self) -> None:
        self.connection.close()


def figures(times: list[float]) -> tuple[float, float]:
    """(median, 99th percentile) in milliseconds."""
    times = sorted(times)
    return statistics.median(times), times[round(0.99 * (len(times) - 1))]


def measure_side_by_side(sites: dict, requests: int, warmup: int) -> None:
    """Time every page on both sites, one request to each in turn.

    Taking turns, both sizes see the same load on the machine, so that their ratio
    holds even while something else runs; each site gets ``figures[page]``.
    """
    timers = {size: Timer(site["port"]) for size, site in sites.items()}
    try:
        for page in sites["large"]["urls"]:
            times: dict[str, list[float]] = {size: [] for size in sites}
            for number in range(warmup + requests):
                for size, site in sites.items():
                    elapsed = timers[size].get(site["urls"][page])
                    if number >= warmup:
                        times[size].append(elapsed)
            for size, site in sites.items():
                site.setdefault("figures", {})[page] = figures(times[size])
    finally:
        for timer in timers.values():
            timer.close()


@contextlib.contextmanager
def serving(backend_url: str, name: str, articles: int) -> Iterator[dict]:
    """A site of ``articles`` articles in a throwaway database, served by gunicorn."""
    with workdir() as folder, _database_url(backend_url):
        folder = Path(folder)
        with throwaway_database(name, folder) as url:
            site = _build(url, folder, articles)
            env = env_for(
                url,
                **site.pop("env"),
                WEB_CONCURRENCY="1",
                GUNICORN_THREADS="1",
                DJANGO_SETTINGS_MODULE="_uncached_settings",
                PYTHONPATH=str(Path(__file__).resolve().parent),
            )
            server = servers.gunicorn(env, folder, f"gunicorn-{name}").start(
                "/robots.txt"
            )
            try:
                yield {**site, "port": server.port}
            finally:
                server.stop()


@contextlib.contextmanager
def _database_url(backend_url: str) -> Iterator[None]:
    """``throwaway_database()`` reads the server from ``DATABASE_URL``."""
    saved = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = backend_url
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = saved


def _build(url: str, folder: Path, articles: int) -> dict:
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
    return {**json.loads(built.stdout.strip().splitlines()[-1]), "env": extra}


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
        if page in REPORTED:
            print(line + f"| ({target}: {'within' if met else 'over'}; no target)")
            continue
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
    backends = {"SQLite": ""}  # an empty DATABASE_URL: throwaway SQLite files
    if server.startswith(("postgres://", "postgresql://")):
        backends["PostgreSQL"] = server
    results = {}
    for backend, url in backends.items():
        with contextlib.ExitStack() as stack:
            sites = {}
            for size, articles in (("small", SMALL), ("large", args.articles)):
                print(f"{backend}: building {articles} articles …", flush=True)
                site = stack.enter_context(
                    serving(url, f"bench_scale_{size}", articles)
                )
                build = site["build"]
                print(
                    f"  built in {build['articles']} s (articles) + {build['comments']} s "
                    f"(comments) + {build['surveys']} s (rounds); search index rebuilt in "
                    f"{build['index']} s: {build['indexed'][0]} articles, "
                    f"{build['indexed'][1]} questions, {build['indexed'][2]} words; "
                    f"popular article: {site['comments']} comments",
                    flush=True,
                )
                sites[size] = site
            print(f"{backend}: timing both sites side by side …", flush=True)
            measure_side_by_side(sites, args.requests, args.warmup)
            results[backend] = sites
    print(
        f"\nUncached median and 99th percentile of {args.requests} sequential requests "
        f"per page and size ({args.warmup} warm-up), the two sizes taking turns, gunicorn "
        f"with 1 worker each, DEBUG=0, every cache off; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}. "
        f"× is the median at {args.articles} articles over the median at {SMALL}.\n"
    )
    met = report(results, args.articles)
    print(f"\n{'Every target met.' if met else 'Some targets MISSED.'}")
    print(
        "(search, in every article: the words of the issue's example are in all "
        f"{args.articles} articles; reported beside the search target, not one of the "
        "issue's pages.)"
    )


if __name__ == "__main__":
    main()
