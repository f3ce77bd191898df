"""Serving speed: gunicorn with 2 workers on 127.0.0.1, measured with wrk.

    make bench-pages                        # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench-pages

or ``.venv/bin/python bench/pages.py [--seconds 10] [--connections 16]``.

Sets up a throwaway database (``bench/_db.py``) with the demo content (``loaddemo``:
the seed article with its charts) and 50 approved comments on the seed article,
collects the static files into a temporary folder and starts gunicorn
(``gunicorn.conf.py``, ``DEBUG=0``, 2 workers of one thread each, keep-alive, no
access log). With
``REDIS_URL`` set the page cache is in that Redis, as in production on several
machines; without it in each worker's local memory.

Then measures, one URL after the other, with a warm-up before each: the seed
article, the home page and a question's ``grafiek.json``, each cached (as an
anonymous reader gets them) and uncached (with an ``Authorization`` header, which
the page cache never answers, so the view renders the page from the database), and
a static CSS file as the ceiling of this machine. Prints requests per second,
median and 99th percentile latency and the ratio to the static file, then the
article's page weight: the page and every stylesheet, script and image it loads,
compressed as a browser gets them, and whether any script blocks rendering.

Targets: cached article at least 60 % of the static file's rate; uncached
article at least 150 requests per second; page weight at most 150 KB with no
render-blocking script.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _db import (  # noqa: E402
    PYTHON,
    ROOT,
    backend_name,
    env_for,
    manage,
    throwaway_database,
    workdir,
)

ARTICLE_SLUG = "digitale-dienstverlening"
COMMENTS = 50
WORKERS = 2
CACHED_SHARE_TARGET = 0.60  # cached article: at least this share of the static rate
UNCACHED_TARGET = 150  # uncached article: at least this many requests per second
WEIGHT_TARGET_KB = 150
BROWSER_HEADERS = {"Accept-Encoding": "br, gzip", "Accept-Language": "nl"}
# The page cache never answers a request with credentials (ambtenarenpanel/caching.py).
UNCACHED_HEADER = ("Authorization", "Bearer bench")


# --- Set-up child: runs inside Django ------------------------------------------------


def child_setup() -> None:
    """Add approved comments to the seed article; print the URLs to measure as JSON."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
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


# --- The server ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env: dict[str, str]) -> subprocess.Popen:
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    base = f"http://{env['BIND']}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{server.stderr.read()}")
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2).read()
            return server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    stop(server)
    raise SystemExit("gunicorn did not answer within 30 s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# --- Fetching and page weight -------------------------------------------------------


def fetch(url: str, headers: dict[str, str] | None = None):
    """(status, headers, body as transferred): no decompression, like counting bytes on the wire."""
    request = urllib.request.Request(
        url, headers={**BROWSER_HEADERS, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def decoded(headers, body: bytes) -> bytes:
    encoding = headers.get("Content-Encoding", "")
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


class Assets(HTMLParser):
    """The stylesheets, scripts and images a page loads, and its render-blocking scripts."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.blocking: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = set((attrs.get("rel") or "").split())
        if tag == "link" and rel & {"stylesheet", "icon", "preload"}:
            self.urls.append(attrs["href"])
        elif tag == "img" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "script" and attrs.get("src"):
            self.scripts += 1
            self.urls.append(attrs["src"])
            if not (
                "defer" in attrs or "async" in attrs or attrs.get("type") == "module"
            ):
                self.blocking.append(attrs["src"])
        elif tag == "script" and (attrs.get("type") or "text/javascript") in (
            "text/javascript",
            "module",
        ):
            self.blocking.append("inline script")


def page_weight(base: str, path: str) -> dict:
    status, headers, body = fetch(base + path)
    assert status == 200, (path, status)
    parser = Assets()
    parser.feed(decoded(headers, body).decode())
    files = [(path, len(body), headers.get("Content-Encoding", "-"))]
    seen = set()
    for url in parser.urls:
        if url in seen or url.startswith("data:"):
            continue
        seen.add(url)
        status, headers, body = fetch(base + url)
        assert status == 200, (url, status)
        files.append((url, len(body), headers.get("Content-Encoding", "-")))
        if url.endswith(".css"):  # fonts and images a stylesheet loads
            for ref in re.findall(
                r"url\(['\"]?([^'\")]+)", decoded(headers, body).decode()
            ):
                if ref.startswith("data:"):
                    continue
                ref_url = urllib.parse.urljoin(url, ref)
                if ref_url not in seen:
                    seen.add(ref_url)
                    status, headers, body = fetch(base + ref_url)
                    files.append(
                        (ref_url, len(body), headers.get("Content-Encoding", "-"))
                    )
    total = sum(size for _, size, _ in files)
    # gunicorn sends the page itself uncompressed; in production nginx in front
    # compresses it (docs/deploy.md: gzip on, nginx's default level 1).
    page, page_encoding = files[0][1], files[0][2]
    with_front = total
    if page_encoding == "-":
        html = fetch(base + path)[2]
        with_front = total - page + len(gzip.compress(html, compresslevel=1))
    return {
        "files": files,
        "total": total,
        "with_front": with_front,
        "scripts": parser.scripts,
        "blocking": parser.blocking,
    }


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="per URL (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds before each URL")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--child-setup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_setup:
        child_setup()
        return

    with workdir() as folder, throwaway_database("bench_pages", Path(folder)) as url:
        folder = Path(folder)
        redis_url = os.environ.get("REDIS_URL", "")
        extra = {
            "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        manage(url, "loaddemo", **extra)
        manage(url, "collectstatic", "--noinput", **extra)
        setup = subprocess.run(
            [PYTHON, __file__, "--child-setup"],
            cwd=ROOT,
            env=env_for(url, **extra),
            capture_output=True,
            text=True,
            check=True,
        )
        urls = json.loads(setup.stdout.strip().splitlines()[-1])
        port = free_port()
        env = env_for(
            url,
            **extra,
            BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY=str(WORKERS),
            GUNICORN_THREADS="1",
            GUNICORN_ACCESS_LOG="",
        )
        if redis_url:
            env["REDIS_URL"] = redis_url
        base = f"http://127.0.0.1:{port}"
        server = start_gunicorn(env)
        try:
            report(args, base, url, urls, redis_url)
        finally:
            stop(server)


def report(args, base: str, database_url: str, urls: dict, redis_url: str) -> None:
    weight = page_weight(base, urls["article"])
    css = next(
        u for u, _, _ in weight["files"] if re.search(r"/site\.[0-9a-f]+\.css$", u)
    )
    _, css_headers, _ = fetch(base + css)

    print(
        f"Page benchmark on {backend_name(database_url)}: gunicorn, {WORKERS} "
        f"workers of 1 thread, DEBUG=0, page cache in {'Redis' if redis_url else 'local memory'}; "
        f"wrk -t2 -c{args.connections}, {args.seconds} s per URL after "
        f"{args.warmup} s warm-up; {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}"
    )
    print(
        f"Seed article {urls['article']} with its charts and {urls['comments']} "
        f"approved comments\n"
    )
    cases = [
        ("static CSS (ceiling)", css, []),
        ("article, cached", urls["article"], []),
        ("article, uncached", urls["article"], [UNCACHED_HEADER]),
        ("home page, cached", urls["home"], []),
        ("home page, uncached", urls["home"], [UNCACHED_HEADER]),
        ("grafiek.json, cached", urls["chart"], []),
        ("grafiek.json, uncached", urls["chart"], [UNCACHED_HEADER]),
    ]
    results = {}
    print(f"{'':26}{'req/s':>9}{'median':>10}{'p99':>10}{'vs static':>11}")
    for name, path, extra_headers in cases:
        headers = [f"{k}: {v}" for k, v in [*BROWSER_HEADERS.items(), *extra_headers]]
        status, response_headers, _ = fetch(base + path, dict(extra_headers))
        assert status == 200, (path, status)
        if args.warmup:
            wrk(base + path, args.warmup, args.connections, headers)
        figures = wrk(base + path, args.seconds, args.connections, headers)
        results[name] = figures
        share = figures["rate"] / results["static CSS (ceiling)"]["rate"]
        flag = ""
        if figures["errors"] or figures["socket_errors"]:
            flag = f"  ({figures['errors']} non-2xx; socket errors: {figures['socket_errors'] or 0})"
        print(
            f"{name:26}{figures['rate']:9.0f}{figures['median']:8.1f}ms"
            f"{figures['p99']:8.1f}ms{share:10.0%}{flag}"
        )

    cached = (
        results["article, cached"]["rate"] / results["static CSS (ceiling)"]["rate"]
    )
    uncached = results["article, uncached"]["rate"]
    print()
    print(
        f"Static CSS: Cache-Control {css_headers.get('Cache-Control')!r}, "
        f"Content-Encoding {css_headers.get('Content-Encoding')!r}"
    )
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
    if weight["with_front"] != weight["total"]:
        total_kb = weight["with_front"] / 1024
        print(
            f"  {total_kb:7.1f} KB  with the page gzip-compressed by nginx in front "
            f"(docs/deploy.md); gunicorn alone sends it uncompressed"
        )

    front_note = ""
    if weight["with_front"] != weight["total"]:
        front_note = (
            f" behind nginx ({weight['total'] / 1024:.0f} KB from gunicorn alone)"
        )
    checks = [
        (
            f"cached article at {cached:.0%} of the static file's rate (target ≥ {CACHED_SHARE_TARGET:.0%})",
            cached >= CACHED_SHARE_TARGET,
        ),
        (
            f"uncached article at {uncached:.0f} requests per second (target ≥ {UNCACHED_TARGET})",
            uncached >= UNCACHED_TARGET,
        ),
        (
            f"page weight {total_kb:.0f} KB{front_note} (target ≤ {WEIGHT_TARGET_KB} "
            f"KB), no render-blocking script",
            total_kb <= WEIGHT_TARGET_KB and not weight["blocking"],
        ),
        (
            "every response a 2xx and no socket errors",
            not any(r["errors"] or r["socket_errors"] for r in results.values()),
        ),
    ]
    print()
    for text, ok in checks:
        print(f"{'meets target' if ok else 'MISSES TARGET'}: {text}")
    print(f"Load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
