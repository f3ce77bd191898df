"""The figure check's speed: ``check_figures`` over the seed article.

    make bench-figures
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench-figures

Loads the demo content (``loaddemo``: the seed article, 75 figures, 18 charts) into a
throwaway database (``bench/_db.py``), then, in a child process with Django set up,
runs ``call_command("check_figures", "digitale-dienstverlening", "--json")`` a number
of times (after one warm-up run) and prints the median and the slowest run against
the target: under 200 ms, database reads included, Django's start-up not.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _child import child_figures  # noqa: E402
from _db import backend_name, env_for, manage, throwaway_database, workdir  # noqa: E402

TARGET_MS = 200
SLUG = "digitale-dienstverlening"


def child(runs: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    def once() -> tuple[float, str]:
        output = io.StringIO()
        start = time.perf_counter()
        with contextlib.suppress(SystemExit):  # exit status 1: the seed's one mismatch
            call_command("check_figures", SLUG, "--json", stdout=output)
        return (time.perf_counter() - start) * 1000, output.getvalue()

    once()
    times, output = [], ""
    for _ in range(runs):
        elapsed, output = once()
        times.append(elapsed)
    print(json.dumps({"times": times, "findings": len(json.loads(output))}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.runs)
        return
    with workdir() as folder, throwaway_database("bench_figures", Path(folder)) as url:
        manage(url, "loaddemo")
        figures = child_figures(__file__, ["--runs", str(args.runs)], env_for(url))
    times = figures["times"]
    median, slowest = statistics.median(times), max(times)
    verdict = "meets" if median < TARGET_MS else "MISSES"
    print(f"check_figures {SLUG} --json on {backend_name(url)}, {len(times)} runs:")
    print(
        f"  median {median:.1f} ms, slowest {slowest:.1f} ms (target: under {TARGET_MS} ms): {verdict} the target"
    )
    print(
        f"  findings: {figures['findings']} (the seed's one mismatch: the intro's 43 procent)"
    )


if __name__ == "__main__":
    main()
