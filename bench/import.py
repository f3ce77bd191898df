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
import csv
import json
import os
import re
import resource
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _db import (  # noqa: E402
    PYTHON,
    ROOT,
    backend_name,
    env_for,
    throwaway_database,
    workdir,
)

SLUG = "bench-ronde"
OPTIONS = 10
SEGMENTS = 20  # "Totaal" and 19 breakdowns
HEADERS = [  # surveys.importing.COLUMNS; written out, as the files are made before Django starts
    "enquete",
    "vraagcode",
    "vraag",
    "vraagtype",
    "antwoord",
    "percentage",
    "aantal",
    "segment",
    "volgorde",
]
# A single question's percentages add up to 100 in every segment.
SHARES = [5, 7.5, 9, 11, 12.5, 15, 10, 10, 10, 10]
PLAIN_TARGET = 10  # csv: at least this many times the plain resource's rate
FLOOR_TARGET = 3  # csv and xlsx: at most this many times the floor's time


# --- Generated files -----------------------------------------------------------------


def segment_names() -> list[str]:
    return ["Totaal", *(f"Segment {i:02d}" for i in range(1, SEGMENTS))]


def generated_rows(count: int, changed: bool = False):
    """``count`` rows: count / 200 questions of 10 options in 20 segments.

    ``changed``: the same results with other percentages and counts, as a corrected
    file would have them.
    """
    shift = 1 if changed else 0
    questions = count // (OPTIONS * SEGMENTS)
    segments = segment_names()
    for q in range(1, questions + 1):
        kind = "single" if q % 2 else "multi"
        text = f"Vraag {q}: hoe vaak gebruikt u digitale kanalen voor uw werk?"
        for s, segment in enumerate(segments):
            for o in range(OPTIONS):
                share = (
                    SHARES[(o + shift) % OPTIONS]
                    if kind == "single"
                    else (q + s * 3 + o * 7) % 90 + 5 + shift
                )
                yield [
                    SLUG,
                    f"v{q:04d}",
                    text,
                    kind,
                    f"Antwoord {o + 1}",
                    share,
                    100 + o + s + shift,
                    segment,
                    o + 1,
                ]


def write_files(count: int, folder: Path, changed: bool = False) -> dict[str, Path]:
    from openpyxl import Workbook

    name = f"ronde-{count}" + ("-gewijzigd" if changed else "")
    paths = {"csv": folder / f"{name}.csv", "xlsx": folder / f"{name}.xlsx"}
    with open(paths["csv"], "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(HEADERS)
        writer.writerows(generated_rows(count, changed))
    # Written as our own export writes a workbook (openpyxl, with the sheet's size),
    # with the percentages as cells formatted as percentage (25 % stored as 0.25),
    # as Excel users often have them: the reader must turn them back into 25.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Resultaten"
    sheet.append(HEADERS)
    for number, row in enumerate(generated_rows(count, changed), start=2):
        row[5] = row[5] / 100
        sheet.append(row)
        sheet.cell(row=number, column=6).number_format = "0.0%"
    workbook.save(paths["xlsx"])
    return paths


# --- Child processes: one measurement each, on a fresh process -----------------------


def setup_django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def fresh_round():
    """An empty round ``SLUG`` and the 20 segments; every earlier result deleted."""
    from surveys.models import Question, Result, Segment, Survey

    Result.objects.all().delete()
    Question.objects.all().delete()
    survey, _ = Survey.objects.get_or_create(slug=SLUG, defaults={"title": "Bench"})
    for order, name in enumerate(segment_names()):
        Segment.objects.get_or_create(name=name, defaults={"order": order})
    return survey


def prepared_options(count: int) -> dict[tuple[str, str], int]:
    """Questions and options for ``count`` rows, created in bulk (not timed); ids by (code, label)."""
    from surveys.models import AnswerOption, Question

    survey = fresh_round()
    questions, options = {}, []
    for row in generated_rows(count):
        code = row[1]
        if code not in questions:
            questions[code] = Question(
                survey=survey, code=code, text=row[2], type=row[3], order=len(questions)
            )
    Question.objects.bulk_create(questions.values())
    for question in Question.objects.filter(survey=survey):
        options.extend(
            AnswerOption(question=question, label=f"Antwoord {o + 1}", order=o + 1)
            for o in range(OPTIONS)
        )
    AnswerOption.objects.bulk_create(options, batch_size=1000)
    return {
        (code, label): pk
        for pk, code, label in AnswerOption.objects.values_list(
            "pk", "question__code", "label"
        )
    }


def segment_ids() -> dict[str, int]:
    from surveys.models import Segment

    return dict(Segment.objects.values_list("name", "pk"))


def child_ours(path: Path, changed_path: Path, count: int) -> dict:
    """What ``manage.py import_results FILE`` does, each step from the file's bytes.

    Reading is lazy (rows are read as they are checked), so the reading time is taken
    from the import's progress callback: until the phase "lezen" ends.
    """
    from surveys.importing import import_results
    from surveys.models import Result

    survey = fresh_round()
    data = path.read_bytes()

    def timed(**options):
        marks = {}
        started = time.perf_counter()

        def progress(phase, done, total):
            marks[phase] = time.perf_counter() - started

        summary = import_results(file=data, survey=survey, progress=progress, **options)
        return summary, time.perf_counter() - started, marks.get("lezen", 0.0)

    preview, preview_time, _read = timed(dry_run=True)
    assert preview.is_valid, preview.errors[:3]
    assert not preview.rows, "a large preview must show totals, not every row"

    summary, total, read = timed()
    assert summary.is_valid and summary.new == count, str(summary)
    assert Result.objects.count() == count
    assert Result.objects.filter(percentage=Decimal("12.5")).exists()

    again, reimport, _read = timed()
    assert again.unchanged == count, str(again)

    data = changed_path.read_bytes()
    summary, update, _read = timed()
    assert summary.is_valid and summary.new == 0 and summary.updated == count
    return {
        "update": update,
        "read": read,
        "preview": preview_time,
        "import": total - read,
        "reimport": reimport,
        "peak_mb": peak_memory_mb(),
    }


def peak_memory_mb() -> float:
    """This process's peak resident memory since it started, Django included.

    Linux's VmHWM, not ``ru_maxrss``: a child process's ``ru_maxrss`` starts at its
    parent's resident size when it was started, and the parent here has held a
    100 000-row workbook while writing it.
    """
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)[1]) / 1024
    except (OSError, TypeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_admin(path: Path) -> dict:
    """The admin import as research staff use it: upload and preview, then confirm."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from surveys.models import Result

    # The admin pages need the static files' manifest (not timed).
    call_command("collectstatic", interactive=False, verbosity=0)
    # The synchronous page itself, which otherwise sends files over 10 000 rows to the
    # background (surveys/jobs/handover.py; bench/background_import.py measures that).
    settings.BACKGROUND_IMPORT_MIN_ROWS = 10**9
    fresh_round()
    user = User.objects.filter(
        username="bench"
    ).first() or User.objects.create_superuser("bench", "bench@example.org", None)
    client = Client()
    client.force_login(user)
    import_url = reverse("admin:surveys_result_import")
    confirm_url = reverse("admin:surveys_result_process_import")

    started = time.perf_counter()
    with open(path, "rb") as file:
        response = client.post(
            import_url,
            {"resource": "0", "format": "0", "survey": SLUG, "import_file": file},
        )
    preview = time.perf_counter() - started
    html = response.content.decode()
    assert response.status_code == 200, response.status_code
    form = html[html.index(f'action="{confirm_url}"') :]
    form = form[: form.index("</form>")]
    fields = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
    )
    assert "import_file_name" in fields, "the preview offers no confirmation"

    started = time.perf_counter()
    response = client.post(confirm_url, fields)
    confirm = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    count = Result.objects.count()
    if not count:
        page = client.get(response.headers["Location"]).content.decode()
        raise SystemExit(re.findall(r'<li class="[^"]*">([^<]*)</li>', page))
    return {
        "preview": preview,
        "confirm": confirm,
        "preview_kb": len(html) / 1024,
        "stored": count,
        "peak_mb": peak_memory_mb(),
    }


def child_plain(path: Path, count: int) -> dict:
    """django-import-export, default settings, over the same rows of the same model."""
    import tablib
    from django.db.models.signals import post_save
    from import_export import resources

    from surveys.models import Result

    class PlainResultResource(resources.ModelResource):
        class Meta:
            model = Result  # all fields: id, option, segment, percentage, count

    # django-import-export itself, without this project's receivers: the page cache's
    # post_save receiver (ambtenarenpanel/caching.py) would run for every saved row.
    post_save.receivers.clear()
    post_save.sender_receivers_cache.clear()
    options, segments = prepared_options(count), segment_ids()
    # The same rows, with the foreign keys as ids: the plain resource's own format.
    plain_path = path.with_name(f"plain-{count}.csv")
    with open(path, newline="", encoding="utf-8") as source:
        reader = csv.reader(source)
        next(reader)
        with open(plain_path, "w", newline="", encoding="utf-8") as target:
            writer = csv.writer(target)
            writer.writerow(["option", "segment", "percentage", "count"])
            for row in reader:
                writer.writerow(
                    [options[row[1], row[4]], segments[row[7]], row[5], row[6]]
                )

    started = time.perf_counter()
    dataset = tablib.Dataset().load(plain_path.read_text(encoding="utf-8"), "csv")
    result = PlainResultResource().import_data(dataset, dry_run=False)
    elapsed = time.perf_counter() - started
    assert not result.has_errors() and not result.has_validation_errors()
    assert Result.objects.count() == count
    return {"import": elapsed}


def child_floor(path: Path, kind: str, count: int) -> dict:
    """Parse the file minimally, build Result objects, one bulk_create: the floor."""
    from django.db import transaction

    from surveys.models import Result

    options, segments = prepared_options(count), segment_ids()
    started = time.perf_counter()
    if kind == "csv":
        with open(path, newline="", encoding="utf-8") as file:
            reader = csv.reader(file)
            next(reader)
            rows = [(r[1], r[4], r[7], Decimal(r[5]), int(r[6])) for r in reader]
    else:
        import openpyxl

        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        values = workbook.worksheets[0].iter_rows(min_row=2, values_only=True)
        rows = [
            (r[1], r[4], r[7], Decimal(repr(round(r[5] * 100, 2))), r[6])
            for r in values
        ]
        workbook.close()
    objects = [
        Result(
            option_id=options[code, label],
            segment_id=segments[segment],
            percentage=percentage,
            count=number,
        )
        for code, label, segment, percentage, number in rows
    ]
    parsed = time.perf_counter() - started
    with transaction.atomic():
        Result.objects.bulk_create(objects, batch_size=1000)
    elapsed = time.perf_counter() - started
    assert Result.objects.count() == count
    return {"total": elapsed, "bulk_create": elapsed - parsed}


def run_child(url: str, *args: str) -> dict:
    process = subprocess.run(
        [PYTHON, __file__, "--child", *args],
        cwd=ROOT,
        # "testserver": the admin measurement uses Django's test client; TMPDIR: the
        # admin's uploads wait for confirmation in a temp folder of this run's own.
        env=env_for(
            url,
            ALLOWED_HOSTS="localhost,127.0.0.1,testserver",
            TMPDIR=str(Path(args[1]).parent),
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    if process.returncode:
        sys.stderr.write(process.stdout + process.stderr)
        raise SystemExit(f"bench child {args} failed")
    return json.loads(process.stdout.strip().splitlines()[-1])


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
