"""Files that wait in a private folder for a later request, and their clean-up.

An article image of a refused form (``articles/images.py``), an import waiting for its
confirmation (``surveys/uploads.py``) and a background import's files
(``surveys/jobs/files.py``) each live in a folder of their own, outside MEDIA_ROOT and
the static files, under a generated name: written here so that nobody else can read
them and no existing file is ever overwritten, and removed once nobody came back for them.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from pathlib import Path


def write_new(path: Path, chunks: Iterable[bytes]) -> None:
    """Create ``path`` with ``chunks``, readable by this system user only; never an existing file."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        for chunk in chunks:
            file.write(chunk)


def remove_stale(
    folder: Path, names: re.Pattern, seconds: float, *, now: float | None = None
) -> int:
    """Delete the files of ``folder`` whose name ``names`` matches whole and that are
    older than ``seconds``; returns how many. Other files are left alone."""
    cutoff = (time.time() if now is None else now) - seconds
    removed = 0
    for path in folder.iterdir():
        if names.fullmatch(path.name) and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
