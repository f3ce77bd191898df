"""Download speed: building a round's data.csv and data.xlsx (surveys/export.py).

    make bench-export                       # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench-export

or ``.venv/bin/python bench/export.py [--rows 100000]``. Stores one generated round of
``--rows`` results (500 questions × 10 options × 20 segments at 100 000) in a
throwaway database, then builds each file three times in a child process and prints
the best time, the size and the peak memory beside the targets. Before the rewrite,
data.csv took 1.1 s at 100 000 results, through tablib.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _child import child_figures, peak_memory_mb, setup_django  # noqa: E402
from _db import backend_name, env_for, throwaway_database, workdir  # noqa: E402

SLUG = "bench-ronde"
#: Best of three, at 100 000 results (scaled to the rows asked for).
TARGETS = {"data.csv": 0.6, "data.xlsx": 6.0}


def child(rows: int) -> dict:
    setup_django()
    from surveys.export import results_csv, results_xlsx
    from surveys.models import AnswerOption, Question, Result, Segment, Survey

    survey = Survey.objects.create(slug=SLUG, title="Bench")
    segments = Segment.objects.bulk_create(
        Segment(name="Totaal" if s == 0 else f"Segment {s:02d}", order=s)
        for s in range(20)
    )
    questions = Question.objects.bulk_create(
        Question(
            survey=survey,
            code=f"v{q:04d}",
            text=f"Vraag {q}: hoe vaak?",
            type="multi",
            order=q,
        )
        for q in range(rows // 200)
    )
    options = AnswerOption.objects.bulk_create(
        (
            AnswerOption(question=question, label=f"Antwoord {o}", order=o)
            for question in questions
            for o in range(10)
        ),
        batch_size=1000,
    )
    Result.objects.bulk_create(
        (
            Result(
                option=option,
                segment=segment,
                percentage=(option.pk % 90) + 0.5,
                count=100,
            )
            for option in options
            for segment in segments
        ),
        batch_size=1000,
    )
    results = Result.objects.filter(option__question__survey=survey)
    figures = {}
    for name, build in (("data.csv", results_csv), ("data.xlsx", results_xlsx)):
        times = []
        for _ in range(3):
            started = time.perf_counter()
            data = build(results)
            times.append(time.perf_counter() - started)
        figures[name] = {"seconds": min(times), "kb": len(data) // 1024}
    figures["peak_mb"] = int(peak_memory_mb())
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    with workdir() as folder, throwaway_database("bench_export", Path(folder)) as url:
        print(
            f"Export benchmark on {backend_name(url)}, {args.rows:,} results; load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        figures = child_figures(__file__, [str(args.rows)], env_for(url))
        failures = 0
        for name, target in TARGETS.items():
            target = target * args.rows / 100_000
            seconds, kb = figures[name]["seconds"], figures[name]["kb"]
            ok = seconds <= target
            failures += not ok
            print(
                f"  {name:<10} {seconds:6.2f} s  {kb:>7,} KB   target ≤ {target:.2f} s: "
                + ("meets target" if ok else "MISSES TARGET")
            )
        print(f"  peak memory {figures['peak_mb']} MB (whole process, Django included)")
        print(
            "All targets met."
            if not failures
            else f"{failures} figure(s) miss their target."
        )


if __name__ == "__main__":
    main()
