"""Import speed: our survey results import against django-import-export and a bare bulk_create.

    make bench-import                       # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench-import

or ``.venv/bin/python bench/import.py [--rows 10000,100000] [--plain-rows 10000]``
(``--plain-rows 10000``: the plain resource on 10 000 rows only, a quicker run).

Generates one survey round with many questions × answer options × segments (every
row a distinct result) as csv and xlsx files, then, for each size, each in a fresh
child process on a throwaway database (``bench/_db.py``):

- **ours**: ``import_results(file=...)`` as ``manage.py import_results`` runs it, into
  an empty round (reading is lazy, so its time is taken from the progress callback);
  also the admin's dry-run preview and a second, unchanged import of the same file,
  each from the file's bytes. Peak memory is the child's maximum resident size.
- **plain**: a ``ModelResource`` over our ``Result`` model with django-import-export's
  default settings (fields ``option``, ``segment``, ``percentage``, ``count``; the
  foreign keys by id through the default ``ForeignKeyWidget``) importing the same
  rows from csv, one ``import_data`` call (the admin calls it twice: preview, confirm).
- **floor**: the same rows read from the same file with ``csv.reader`` or openpyxl
  in read-only mode, turned into ``Result`` objects (options and segments created
  beforehand, looked up in a dict) and stored with one ``bulk_create``. The bare
  ``bulk_create`` time alone is printed too.

Prints rows per second and the ratios, against the targets: csv at least 10× the
plain resource and within 3× of the floor; xlsx within 3× of the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _child import child_figures, setup_django  # noqa: E402
from _db import (  # noqa: E402
    backend_name,
    env_for,
    throwaway_database,
    workdir,
)
from _import_files import OPTIONS, SEGMENTS, write_files  # noqa: E402
from _import_measures import child_admin, child_floor, child_ours, child_plain  # noqa: E402

PLAIN_TARGET = 10  # csv: at least this many times the plain resource's rate
FLOOR_TARGET = 3  # csv and xlsx: at most this many times the floor's time


def run_child(url: str, *args: str) -> dict:
    # "testserver": the admin measurement uses Django's test client; TMPDIR: the
    # admin's uploads wait for confirmation in a temp folder of this run's own.
    env = env_for(
        url,
        ALLOWED_HOSTS="localhost,127.0.0.1,testserver",
        TMPDIR=str(Path(args[1]).parent),
    )
    return child_figures(__file__, list(args), env)


# --- Report --------------------------------------------------------------------------


def rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:>9,.0f} rows/s"


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES TARGET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", default="10000,100000", help="sizes, comma-separated")
    parser.add_argument(
        "--plain-rows",
        type=int,
        default=100000,
        help="largest size also imported with the plain resource (it is slow: "
        "about 2 minutes for 100 000 rows)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        setup_django()
        what, path, *rest = args.child
        if what == "ours":
            figures = child_ours(Path(path), Path(rest[0]), int(rest[1]))
        elif what == "admin":
            figures = child_admin(Path(path))
        elif what == "plain":
            figures = child_plain(Path(path), int(rest[0]))
        else:
            figures = child_floor(Path(path), rest[0], int(rest[1]))
        print(json.dumps(figures))
        return

    sizes = [int(size) for size in args.rows.split(",")]
    with workdir() as folder, throwaway_database("bench_import", Path(folder)) as url:
        print(
            f"Import benchmark on {backend_name(url)} (throwaway database); load "
            f"average at the start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        print(
            f"{OPTIONS} options × {SEGMENTS} segments per question; one row per result\n"
        )
        failures = 0
        plain_rate, plain_rows = None, 0
        for count in sizes:
            started = time.perf_counter()
            paths = write_files(count, Path(folder))
            changed = write_files(count, Path(folder), changed=True)
            sizes_kb = {k: p.stat().st_size // 1024 for k, p in paths.items()}
            print(
                f"== {count:,} rows ({count // (OPTIONS * SEGMENTS)} questions; "
                f"csv {sizes_kb['csv']:,} KB, xlsx {sizes_kb['xlsx']:,} KB; "
                f"generated in {time.perf_counter() - started:.1f} s)"
            )
            if count <= args.plain_rows:
                plain = run_child(url, "plain", str(paths["csv"]), str(count))
                plain_rate, plain_rows = count / plain["import"], count
                print(
                    f"  plain ModelResource  csv   {plain['import']:7.2f} s "
                    f"{rate(count, plain['import'])}"
                )
            for kind in ("csv", "xlsx"):
                floor = run_child(url, "floor", str(paths[kind]), kind, str(count))
                ours = run_child(
                    url, "ours", str(paths[kind]), str(changed[kind]), str(count)
                )
                total = ours["read"] + ours["import"]
                print(
                    f"  floor (parse+bulk)   {kind:<5} {floor['total']:7.2f} s "
                    f"{rate(count, floor['total'])}   "
                    f"(bare bulk_create {floor['bulk_create']:.2f} s)"
                )
                print(
                    f"  ours: read+import    {kind:<5} {total:7.2f} s "
                    f"{rate(count, total)}   (read {ours['read']:.2f} s, import "
                    f"{ours['import']:.2f} s; preview {ours['preview']:.2f} s, "
                    f"unchanged re-import {ours['reimport']:.2f} s; changed file "
                    f"read+import {ours['update']:.2f} s; "
                    f"peak memory {ours['peak_mb']:.0f} MB)"
                )
                admin = run_child(url, "admin", str(paths[kind]))
                assert admin["stored"] == count, admin
                print(
                    f"  ours: admin          {kind:<5} "
                    f"{admin['preview'] + admin['confirm']:7.2f} s "
                    f"{rate(count, admin['preview'] + admin['confirm'])}   (upload and "
                    f"preview {admin['preview']:.2f} s, a {admin['preview_kb']:.0f} KB "
                    f"page; confirm {admin['confirm']:.2f} s; peak memory "
                    f"{admin['peak_mb']:.0f} MB)"
                )
                floor_ratio = total / floor["total"]
                ok = floor_ratio <= FLOOR_TARGET
                line = f"    {kind}: {floor_ratio:.1f}× the floor's time (target ≤ {FLOOR_TARGET}×)"
                if kind == "csv" and plain_rate:
                    plain_ratio = (count / total) / plain_rate
                    ok = ok and plain_ratio >= PLAIN_TARGET
                    line += f", {plain_ratio:.1f}× the plain resource's rate (target ≥ {PLAIN_TARGET}×"
                    if plain_rows != count:
                        line += f"; its rate at {plain_rows:,} rows"
                    line += ")"
                print(f"{line}: {verdict(ok)}")
                failures += not ok
            print()
        print(
            "All targets met."
            if not failures
            else f"{failures} figure(s) miss their target."
        )
        print(f"Load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
