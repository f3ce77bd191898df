"""Background imports: how fast the admin answers, and how the site fares while a worker saves.

    make bench-background                    # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench-background

or ``.venv/bin/python bench/background_import.py [--rows 100000]``.

On a throwaway database (``bench/_db.py``), with a real worker (``manage.py db_worker``)
beside it, a child process acts as research staff through Django's test client:

- **upload**: the admin upload of a results csv of ``--rows`` rows, and of answers per
  respondent (10 000 respondents × 100 questions, 1 000 000 answers, plus a codebook):
  the time until the response (the file is stored and a job enqueued, nothing is read);
- **check** and **save**: from the upload until the preview is ready, and from the
  confirmation until the job is saved, as the job page's script sees them;
- **while saving**: the job's JSON status (the request the page's script makes every
  second) answered meanwhile, slowest and median; and the longest gap between two
  heartbeats of the worker (a job is failed when its heartbeat is 30 s old).

Targets: upload at most 1 s (both kinds); the status answered within 0.5 s at worst while
the worker saves (on SQLite too, which has one writer); heartbeats at most 5 s apart.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import time
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

SLUG = "bench-achtergrond"
UPLOAD_TARGET = 1.0
STATUS_TARGET = 0.5
HEARTBEAT_TARGET = 5.0
SHARES = (10, 15, 20, 25, 30)


def write_results_csv(path: Path, rows: int) -> None:
    segments = ["", *(f"Segment {n:02d}" for n in range(1, 20))]
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(
            ["enquete", "vraagcode", "vraag", "vraagtype", "antwoord", "percentage"]
            + ["aantal", "segment", "volgorde"]
        )
        written, question = 0, 0
        while written < rows:
            for segment in segments:
                for order, share in enumerate(SHARES, start=1):
                    writer.writerow(
                        [SLUG, f"v{question}", f"Vraag {question}?", "single"]
                        + [f"Antwoord {order}", share, "", segment, order]
                    )
            written += len(segments) * len(SHARES)
            question += 1


def write_respondents(
    folder: Path, respondents=10_000, questions=100
) -> tuple[Path, Path]:
    codebook, answers = folder / "codeboek.csv", folder / "antwoorden.csv"
    with open(codebook, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(
            ["vraagcode", "vraag", "vraagtype", "waarde", "label", "volgorde"]
        )
        for q in range(questions):
            for value in range(1, 6):
                writer.writerow(
                    [f"v{q}", f"Vraag {q}?", "single", value, f"A{value}", value]
                )
    with open(answers, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["respondent", *(f"v{q}" for q in range(questions))])
        for r in range(respondents):
            writer.writerow([f"r{r}", *((r * 7 + q) % 5 + 1 for q in range(questions))])
    return answers, codebook


# --- The child: research staff in the admin, with a worker running --------------------


def child(results_csv: Path, answers: Path, codebook: Path) -> dict:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    from surveys.jobs import progress
    from surveys.jobs.models import ImportJob
    from surveys.models import Survey

    survey = Survey.objects.create(title="Achtergrond", slug=SLUG)
    user = User.objects.create_superuser("bench", "bench@example.org", None)
    client = Client()
    client.force_login(user)
    client.get(reverse("admin:index"))  # warm up: the first request loads the admin

    def job_state(job):
        started = time.perf_counter()
        state = client.get(reverse("admin:jobs_importjob_status", args=[job.pk])).json()
        return state, time.perf_counter() - started

    def follow(job, until: set[str], timings: list, beats: list) -> float:
        started = time.perf_counter()
        while True:
            state, took = job_state(job)
            timings.append(took)
            seen = progress.read(job.pk).seen_at
            if seen and (not beats or seen != beats[-1]):
                beats.append(seen)
            if state["status"] in until:
                if state["status"] not in ("ready", "saved"):
                    raise SystemExit(f"the job ended {state['status']}: {state}")
                return time.perf_counter() - started
            time.sleep(0.05)

    started = time.perf_counter()
    with open(results_csv, "rb") as file:
        response = client.post(
            reverse("admin:jobs_importjob_upload_results"),
            {"file": file, "survey": SLUG},
        )
    upload = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    job = ImportJob.objects.latest("created_at")
    assert job.status == "waiting"  # nothing was read in the request

    check_timings, beats = [], []
    check = follow(job, {"ready", "failed"}, check_timings, beats)
    started = time.perf_counter()
    client.post(reverse("admin:jobs_importjob_confirm", args=[job.pk]))
    confirm = time.perf_counter() - started
    save_timings, save_beats = [], []
    save = follow(job, {"saved", "failed"}, save_timings, save_beats)
    gaps = [b - a for a, b in zip(save_beats, save_beats[1:], strict=False)]

    started = time.perf_counter()
    with open(answers, "rb") as answers_file, open(codebook, "rb") as codebook_file:
        response = client.post(
            reverse("admin:jobs_importjob_upload_respondents"),
            {"survey": survey.slug, "answers": answers_file, "codebook": codebook_file},
        )
    respondents_upload = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    respondents_job = ImportJob.objects.latest("created_at")
    client.post(reverse("admin:jobs_importjob_cancel", args=[respondents_job.pk]))

    return {
        "upload": upload,
        "respondents_upload": respondents_upload,
        "answers_mb": answers.stat().st_size / 1e6,
        "results_mb": results_csv.stat().st_size / 1e6,
        "check": check,
        "confirm": confirm,
        "save": save,
        "status_max": max(save_timings),
        "status_median": statistics.median(save_timings),
        "status_count": len(save_timings),
        "heartbeat_gap": max(gaps) if gaps else None,
    }


# --- The parent ------------------------------------------------------------------------


def run(rows: int) -> dict:
    with workdir() as folder:
        folder = Path(folder)
        uploads, progress_dir = folder / "uploads", folder / "progress"
        uploads.mkdir(mode=0o700)
        progress_dir.mkdir(mode=0o700)
        results_csv = folder / "resultaten.csv"
        write_results_csv(results_csv, rows)
        answers, codebook = write_respondents(folder)
        with throwaway_database("bench_background", folder) as url:
            env = env_for(
                url,
                # "testserver": the child acts through Django's test client.
                ALLOWED_HOSTS="localhost,127.0.0.1,testserver",
                IMPORT_UPLOAD_DIR=str(uploads),
                IMPORT_PROGRESS_DIR=str(progress_dir),
                STATIC_ROOT=str(folder / "static"),
            )
            # The admin pages need the static files' manifest (not timed).
            manage(
                url, "collectstatic", "--noinput", STATIC_ROOT=str(folder / "static")
            )
            worker = subprocess.Popen(
                [PYTHON, "manage.py", "db_worker", "--interval", "0.1"]
                + ["--no-startup-delay", "--no-reload", "--verbosity", "0"],
                cwd=ROOT,
                env=env,
            )
            try:
                child_run = subprocess.run(
                    [
                        PYTHON,
                        __file__,
                        "--child",
                        str(results_csv),
                        str(answers),
                        str(codebook),
                    ],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                )
            finally:
                worker.terminate()
                worker.wait(timeout=60)
    if child_run.returncode:
        sys.stderr.write(child_run.stdout + child_run.stderr)
        raise SystemExit("the bench child failed")
    return json.loads(child_run.stdout.strip().splitlines()[-1])


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    backend = backend_name(os.environ.get("DATABASE_URL", ""))
    print(
        f"Background imports on {backend}, {args.rows:,} results rows (csv)".replace(
            ",", " "
        )
    )
    figures = run(args.rows)
    f = figures
    print(
        f"upload, results csv ({f['results_mb']:.1f} MB):        {f['upload']:.2f} s"
        f"   target ≤ {UPLOAD_TARGET:.0f} s: {verdict(f['upload'] <= UPLOAD_TARGET)}"
    )
    print(
        f"upload, 1 000 000 answers ({f['answers_mb']:.1f} MB):   {f['respondents_upload']:.2f} s"
        f"   target ≤ {UPLOAD_TARGET:.0f} s: {verdict(f['respondents_upload'] <= UPLOAD_TARGET)}"
    )
    print(f"check, upload until the preview is ready:  {f['check']:.2f} s")
    print(f"confirm (the request):                     {f['confirm']:.2f} s")
    print(f"save, confirmation until saved:            {f['save']:.2f} s")
    print(
        f"status while saving ({f['status_count']} requests): median {f['status_median'] * 1000:.0f} ms, "
        f"slowest {f['status_max'] * 1000:.0f} ms   target ≤ {STATUS_TARGET * 1000:.0f} ms: "
        f"{verdict(f['status_max'] <= STATUS_TARGET)}"
    )
    gap = f["heartbeat_gap"]
    print(
        "longest gap between heartbeats while saving: "
        + ("n/a (saved within one beat)" if gap is None else f"{gap:.1f} s")
        + f"   target ≤ {HEARTBEAT_TARGET:.0f} s: {verdict(gap is None or gap <= HEARTBEAT_TARGET)}"
    )


if __name__ == "__main__":
    main()
