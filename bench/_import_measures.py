"""The measurements of bench/import.py, each run in a child process of its own.

``ours``: our import as ``manage.py import_results`` runs it; ``admin``: the admin's
upload, preview and confirmation; ``plain``: django-import-export's default
``ModelResource``; ``floor``: a minimal parse and one ``bulk_create``. Each returns its
figures as a dict, which the child prints as JSON.
"""

from __future__ import annotations

import csv
import re
import time
from decimal import Decimal
from pathlib import Path

from _child import peak_memory_mb
from _import_files import OPTIONS, SLUG, generated_rows, segment_names


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
