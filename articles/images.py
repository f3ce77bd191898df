"""Article images: their size stored with them, and the chosen file kept when the form is refused.

``SizedImageField`` is Django's ``ImageField`` with ``width_field``/``height_field``
that reads an image's size only when a file is assigned (an upload), never when a row is
loaded: a list page must not open every image file, nor fail because one is missing.

A browser never sends a chosen file twice: when the admin form is refused (a missing
alternative text, say), plain Django shows the form again without the upload, and the
editor must find the file again. ``keep_pending()`` stores such an upload in a private
folder (outside MEDIA_ROOT, never served, under a generated name) and returns a signed
token for a hidden field; ``restore_pending()`` gives the file back for that token on the
next post. Files nobody came back for are removed after a day.
"""

from __future__ import annotations

import re
import tempfile
import uuid
from pathlib import Path, PurePath

from django.conf import settings
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import models

from ambtenarenpanel import private_files

FOLDER_NAME = "ambtenarenpanel-images"
NAME_PATTERN = re.compile(r"image-[0-9a-f]{32}\.(?:jpg|jpeg|png|gif|webp)")
SALT = "articles.pending-image"
KEEP_SECONDS = 24 * 60 * 60


class SizedImageField(models.ImageField):
    """An ImageField whose width and height fields are filled when a file is assigned."""

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Called with force=False by post_init for every loaded row: skipped.
        if force:
            super().update_dimension_fields(instance, force, *args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


def pending_folder() -> Path:
    """``settings.PENDING_IMAGE_DIR``, by default a folder in the system temp folder."""
    folder = Path(
        getattr(settings, "PENDING_IMAGE_DIR", None)
        or Path(tempfile.gettempdir()) / FOLDER_NAME
    )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _suffix(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    return suffix if NAME_PATTERN.fullmatch(f"image-{'0' * 32}{suffix}") else ".png"


def keep_pending(upload: UploadedFile) -> str:
    """Store ``upload`` until the form comes back; returns the token for the hidden field."""
    remove_stale()
    name = f"image-{uuid.uuid4().hex}{_suffix(upload.name or '')}"
    private_files.write_new(pending_folder() / name, upload.chunks())
    upload.seek(0)
    return signing.dumps(
        {"name": name, "original": PurePath(upload.name or name).name}, salt=SALT
    )


def _path(token: str) -> tuple[Path, str] | None:
    try:
        value = signing.loads(token, salt=SALT, max_age=KEEP_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not NAME_PATTERN.fullmatch(value.get("name", "")):
        return None
    return pending_folder() / value["name"], str(value.get("original") or value["name"])


def pending_name(token: str) -> str | None:
    """The name the editor's chosen file had, when ``token`` still holds one."""
    found = _path(token)
    return found[1] if found and found[0].is_file() else None


def restore_pending(token: str) -> UploadedFile | None:
    """The file kept for ``token`` as an upload, or None (forged, expired or gone)."""
    found = _path(token)
    if found is None:
        return None
    path, original = found
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return None
    return SimpleUploadedFile(original, content)


def discard_pending(token: str) -> None:
    if found := _path(token):
        found[0].unlink(missing_ok=True)


def remove_stale(*, now: float | None = None) -> int:
    """Delete kept files older than ``KEEP_SECONDS``; returns how many."""
    return private_files.remove_stale(
        pending_folder(), NAME_PATTERN, KEEP_SECONDS, now=now
    )
