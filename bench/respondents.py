"""Respondent-level import: 10 000 respondents × 100 questions (1 000 000 answers) from csv.

    make bench-respondents                  # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench-respondents

or ``.venv/bin/python bench/respondents.py [--respondents 10000] [--questions 100]``.

Generates a codebook and an answers file (3 profile questions with 5, 4 and 6 values,
the rest single questions of 5 answers, a few per cent unanswered, a weight column),
then, in a fresh child process on a throwaway database (``bench/_db.py``):

- **import**: ``import_respondents`` as ``manage.py import_respondents`` runs it:
  read, validate every cell, compute every figure (every single question by the three
  profile questions: Totaal and 15 segments each, with n, n_eff, Wilson intervals,
  z-tests with Holm, suppression) and store (respondents and results) in one
  transaction, with the time per phase and the peak memory of the process;
- **re-import** of the same files (everything replaced);
- **question page**: one question page of that round rendered uncached (the page
  cache is off in the child), median and slowest of 30 requests after a warm-up.

Targets: import ≤ 10 s, peak memory < 500 MB, question page ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _child import child_figures, peak_memory_mb, setup_django  # noqa: E402
from _db import backend_name, env_for, throwaway_database, workdir  # noqa: E402

SLUG = "bench-respondenten"
PROFILE_SIZES = {"organisatie": 5, "leeftijd": 4, "functie": 6}
OPTIONS = 5
IMPORT_TARGET = 10.0
MEMORY_TARGET = 500
PAGE_TARGET = 0.100


def write_files(folder: Path, respondents: int, questions: int) -> tuple[Path, Path]:
    rng = random.Random(13)
    singles = [
        f"v{number:03d}" for number in range(1, questions - len(PROFILE_SIZES) + 1)
    ]
    codebook = folder / "codeboek.csv"
    with codebook.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(
            ["vraagcode", "vraag", "vraagtype", "waarde", "label", "volgorde"]
        )
        for code, size in PROFILE_SIZES.items():
            for value in range(1, size + 1):
                writer.writerow(
                    [
                        code,
                        f"Profielvraag {code}?",
                        "profiel",
                        value,
                        f"{code.capitalize()} {value}",
                        value,
                    ]
                )
        for code in singles:
            for value in range(1, OPTIONS + 1):
                writer.writerow(
                    [
                        code,
                        f"Vraag {code}?",
                        "single",
                        value,
                        f"Antwoord {value}",
                        value,
                    ]
                )
    answers = folder / "antwoorden.csv"
    with answers.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["respondent", *PROFILE_SIZES, *singles, "gewicht"])
        for number in range(1, respondents + 1):
            row = [f"R{number:06d}"]
            row += [rng.randint(1, size) for size in PROFILE_SIZES.values()]
            row += [
                "" if rng.random() < 0.03 else rng.randint(1, OPTIONS) for _ in singles
            ]
            row.append(f"{rng.uniform(0.5, 2.0):.3f}")
            writer.writerow(row)
    return codebook, answers


def child(codebook: Path, answers: Path) -> dict:
    setup_django()
    from django.conf import settings
    from django.test import Client

    from surveys.models import Question, Result, Survey
    from surveys.respondents.service import import_respondents

    settings.PAGE_CACHE_SECONDS = 0
    # The page, not the static files: plain static names, no collected manifest needed.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    survey, _ = Survey.objects.get_or_create(slug=SLUG, defaults={"title": "Bench"})
    phases: dict[str, float] = {}
    last = [time.perf_counter(), None]

    def progress(phase, done, total):
        now = time.perf_counter()
        if last[1] is not None and last[1] != phase:
            phases[last[1]] = phases.get(last[1], 0) + now - last[0]
            last[0] = now
        elif last[1] is None:
            last[0] = now
        last[1] = phase

    started = time.perf_counter()
    summary = import_respondents(
        survey=survey, answers=answers, codebook=codebook, progress=progress
    )
    elapsed = time.perf_counter() - started
    phases[last[1]] = phases.get(last[1], 0) + time.perf_counter() - last[0]
    assert summary.is_valid, [str(e) for e in summary.errors[:5]]
    results = Result.objects.filter(option__question__survey=survey).count()
    memory = peak_memory_mb()

    started = time.perf_counter()
    again = import_respondents(survey=survey, answers=answers, codebook=codebook)
    reimport = time.perf_counter() - started
    assert again.is_valid

    client = Client()
    # The 50th question (v050), or the last one of a smaller run.
    singles = Question.objects.filter(survey=survey, type="single").order_by("order")
    codes = list(singles.values_list("code", flat=True))
    url = f"/onderzoek/{SLUG}/{codes[min(49, len(codes) - 1)]}/"
    for _ in range(3):
        assert client.get(url).status_code == 200
    times = []
    for _ in range(30):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200
    return {
        "import": elapsed,
        "phases": phases,
        "reimport": reimport,
        "peak_mb": memory,
        "respondents": summary.respondents,
        "results": results,
        "page_median": statistics.median(times),
        "page_max": max(times),
        "page_kb": len(response.content) / 1024,
    }


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES TARGET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=10000)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child[0]), Path(args.child[1]))))
        return

    with (
        workdir() as folder,
        throwaway_database("bench_respondents", Path(folder)) as url,
    ):
        print(
            f"Respondent import benchmark on {backend_name(url)} (throwaway database); "
            f"load average at the start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        started = time.perf_counter()
        codebook, answers = write_files(Path(folder), args.respondents, args.questions)
        answers_count = args.respondents * args.questions
        print(
            f"{args.respondents:,} respondents × {args.questions} questions "
            f"({answers_count:,} answers; csv {answers.stat().st_size // 1024:,} KB, "
            f"generated in {time.perf_counter() - started:.1f} s)\n"
        )
        figures = child_figures(
            __file__,
            [str(codebook), str(answers)],
            env_for(url, ALLOWED_HOSTS="localhost,127.0.0.1,testserver"),
        )
        phases = ", ".join(f"{k} {v:.2f} s" for k, v in figures["phases"].items())
        print(
            f"  import (read, validate, compute, store)  {figures['import']:6.2f} s   "
            f"target ≤ {IMPORT_TARGET:.0f} s    {verdict(figures['import'] <= IMPORT_TARGET)}"
        )
        print(f"    phases: {phases}")
        print(
            f"    {figures['respondents']:,} respondents and {figures['results']:,} results stored"
        )
        print(
            f"  peak memory                             {figures['peak_mb']:6.0f} MB  "
            f"target < {MEMORY_TARGET} MB   {verdict(figures['peak_mb'] < MEMORY_TARGET)}"
        )
        print(f"  re-import (everything replaced)         {figures['reimport']:6.2f} s")
        print(
            f"  question page, uncached, median         {figures['page_median'] * 1000:6.1f} ms  "
            f"target ≤ {PAGE_TARGET * 1000:.0f} ms   "
            f"{verdict(figures['page_median'] <= PAGE_TARGET)} "
            f"(slowest {figures['page_max'] * 1000:.1f} ms, {figures['page_kb']:.0f} KB)"
        )


if __name__ == "__main__":
    main()
