"""Where an uploaded import file waits between the admin's preview and its confirmation.

django-import-export keeps the upload in a temporary file and puts that file's name in
the confirmation form, which the browser posts back. Its default storage reads and then
deletes whatever name comes back, anywhere in the system temp folder, and fails with a
server error when the file is gone (a confirmation sent twice). ``ImportFileStorage``
keeps the files in a folder of its own, outside MEDIA_ROOT and the static files (so they
are never served), under a generated name (never the uploaded file's name), accepts
only names it could have generated, and removes files nobody confirmed after a day.
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from import_export.tmp_storages import BaseStorage

from ambtenarenpanel import private_files

FOLDER_NAME = "ambtenarenpanel-import"
NAME_PATTERN = re.compile(r"import-[0-9a-f]{32}")
#: A preview that is not confirmed within this time has to be uploaded again.
KEEP_SECONDS = 24 * 60 * 60


class ImportFileGone(Exception):
    """The file of a confirmation is not (or no longer) there: confirmed already, or forged."""


def upload_folder() -> Path:
    """The folder of waiting uploads, readable by this system user only.

    ``settings.IMPORT_UPLOAD_DIR``, by default a folder in the system temp folder.
    """
    folder = Path(
        settings.IMPORT_UPLOAD_DIR or Path(tempfile.gettempdir()) / FOLDER_NAME
    )
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    if folder.is_symlink() or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise ImproperlyConfigured(
            f"{folder} must be a folder of this user that nobody else can read."
        )
    return folder


class ImportFileStorage(BaseStorage):
    """django-import-export's temporary storage for the survey results import."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.read_mode = "rb"

    def _path(self) -> Path:
        if not (self.name and NAME_PATTERN.fullmatch(self.name)):
            raise ImportFileGone(self.name)
        return upload_folder() / self.name

    def save(self, data: bytes | str) -> None:
        remove_stale_uploads()
        self.name = f"import-{uuid.uuid4().hex}"
        if isinstance(data, str):
            data = data.encode(self.encoding or "utf-8")
        private_files.write_new(self._path(), [data])

    def read(self) -> bytes:
        try:
            return self._path().read_bytes()
        except FileNotFoundError:
            raise ImportFileGone(self.name) from None

    def remove(self) -> None:
        self._path().unlink(missing_ok=True)


def remove_stale_uploads(*, now: float | None = None) -> int:
    """Delete waiting uploads older than ``KEEP_SECONDS``; returns how many."""
    return private_files.remove_stale(
        upload_folder(), NAME_PATTERN, KEEP_SECONDS, now=now
    )
