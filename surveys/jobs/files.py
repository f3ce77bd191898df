"""The uploaded files of background imports, in the private upload folder.

The same folder as the synchronous import's waiting uploads (``surveys/uploads.py``):
outside MEDIA_ROOT and the static files, readable by this system user only, under a
generated name (never the uploaded one). The worker reads them from there, so with a
worker on another machine the folder must be shared (``IMPORT_UPLOAD_DIR``). A job's
files are removed once it has finished, and any left after a day (``remove_stale_files``);
their names (``job-<hex>``) are not the synchronous import's, which cleans up its own.
"""

from __future__ import annotations

import re
import uuid
from contextlib import contextmanager, suppress
from pathlib import Path, PurePath

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile

from ambtenarenpanel import private_files
from surveys.uploads import KEEP_SECONDS, upload_folder

NAME_PATTERN = re.compile(r"job-[0-9a-f]{32}")
#: The uploaded name is kept for display only, shortened to this many characters.
MAX_NAME_LENGTH = 200


class JobFileGone(Exception):
    """A job's file is not (or no longer) in the upload folder."""


def store_upload(upload: UploadedFile) -> dict:
    """Copy an upload into the private folder; returns the job's entry for it."""
    name = f"job-{uuid.uuid4().hex}"
    private_files.write_new(upload_folder() / name, upload.chunks())
    shown = PurePath(upload.name or "").name[:MAX_NAME_LENGTH]
    return {"stored": name, "name": shown, "size": upload.size}


def _path(entry: dict) -> Path:
    stored = entry.get("stored", "")
    if not NAME_PATTERN.fullmatch(stored):
        raise JobFileGone(stored)
    return upload_folder() / stored


def read_bytes(job, role: str) -> bytes:
    try:
        return _path(job.files[role]).read_bytes()
    except (KeyError, FileNotFoundError):
        raise JobFileGone(role) from None


@contextmanager
def opened(job, role: str):
    """The file as a Django ``File`` named as uploaded (so its extension can be read)."""
    try:
        handle = open(_path(job.files[role]), "rb")  # noqa: SIM115 (closed below)
    except (KeyError, FileNotFoundError):
        raise JobFileGone(role) from None
    try:
        yield File(handle, name=job.files[role]["name"])
    finally:
        handle.close()


def remove_stale_files(*, now: float | None = None) -> int:
    """Delete job files older than a day; returns how many.

    A job removes its own files when it ends; these are the files of jobs whose worker
    died, and of previews nobody confirmed (they expire after a day, ``KEEP_SECONDS``).
    """
    return private_files.remove_stale(
        upload_folder(), NAME_PATTERN, KEEP_SECONDS, now=now
    )


def remove_files(job) -> None:
    for entry in job.files.values():
        with suppress(JobFileGone):
            _path(entry).unlink(missing_ok=True)
