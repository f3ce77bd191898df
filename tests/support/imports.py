"""Background imports through the admin, as research staff do them (tests/test_background_*.py).

response = upload_results(client, path, survey="werkdruk-2024")
job = latest_job()
state = wait_for_status(client, job, "ready")   # the job's JSON status, polled
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from surveys.jobs.models import ImportJob

from .worker import wait_for

UPLOAD_RESULTS_URL = reverse("admin:jobs_importjob_upload_results")
UPLOAD_RESPONDENTS_URL = reverse("admin:jobs_importjob_upload_respondents")


def upload_results(client: Client, path, survey: str = ""):
    with open(path, "rb") as file:
        return client.post(UPLOAD_RESULTS_URL, {"file": file, "survey": survey})


def latest_job() -> ImportJob:
    return ImportJob.objects.order_by("-created_at").first()


def status_url(job: ImportJob) -> str:
    return reverse("admin:jobs_importjob_status", args=[job.pk])


def confirm_url(job: ImportJob) -> str:
    return reverse("admin:jobs_importjob_confirm", args=[job.pk])


def cancel_url(job: ImportJob) -> str:
    return reverse("admin:jobs_importjob_cancel", args=[job.pk])


def job_status(client: Client, job: ImportJob) -> dict:
    response = client.get(status_url(job))
    assert response.status_code == 200, response.status_code
    return response.json()


def wait_for_status(client: Client, job: ImportJob, *statuses: str, timeout=90) -> dict:
    """Polls the job's status URL, as the page's script does, until one of ``statuses``."""
    seen = []

    def reached():
        state = job_status(client, job)
        if not seen or seen[-1] != (state["status"], state["phase"]):
            seen.append((state["status"], state["phase"]))
        return state if state["status"] in statuses else None

    try:
        return wait_for(reached, timeout=timeout, interval=0.05)
    except AssertionError:
        raise AssertionError(f"job never reached {statuses}; it went {seen}") from None


def page_text(client: Client, job: ImportJob) -> str:
    response = client.get(job.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


#: A single question's five answers, in every segment; they add up to 100.
SHARES = (10, 15, 20, 25, 30)


def many_rows(slug: str, questions: int, *, segments: int = 10, turned: bool = False):
    """A valid round of ``questions`` × 5 answers × ``segments`` rows (all distinct).

    ``turned=True`` gives the same rows with every percentage changed (a corrected
    file: each row becomes an update).
    """
    shares = SHARES[::-1] if turned else SHARES
    names = ["", *(f"Segment {n:02d}" for n in range(1, segments))]
    for q in range(questions):
        text = f"Vraag {q} over het werk?"
        for segment in names:
            for order, share in enumerate(shares, start=1):
                yield [
                    slug,
                    f"v{q}",
                    text,
                    "single",
                    f"Antwoord {order}",
                    share,
                    "",
                    segment,
                    order,
                ]
