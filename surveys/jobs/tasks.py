"""The background tasks of an import job (Django's task framework, ``settings.TASKS``).

Each takes the job's id and returns the job's status afterwards; the work is in
``surveys/jobs/runner.py``. Enqueued by the admin (``surveys/jobs/admin.py``), run by
``manage.py db_worker``.
"""

from django_tasks import task

from . import runner


@task()
def check_import(job_id: str) -> str:
    """Read, check and plan the import: the preview. Stores the summary, nothing else."""
    return runner.check(job_id)


@task()
def apply_import(job_id: str) -> str:
    """Read, check and plan again, then store everything in one transaction."""
    return runner.apply(job_id)
