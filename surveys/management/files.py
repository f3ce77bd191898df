"""Reading the file a command is given, with the admin's limit and Dutch reasons."""

from __future__ import annotations

import errno
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from surveys.forms import too_large_message


def read_file(file: str) -> bytes:
    """The bytes of ``file``; a ``CommandError`` in one Dutch line when it cannot be
    read or is larger than an upload may be (``UPLOAD_MAX_BYTES``)."""
    path = Path(file)
    try:
        size = path.stat().st_size
        # The admin's limit: a file this large is not read into memory at all.
        if path.is_file() and size > settings.UPLOAD_MAX_BYTES:
            raise CommandError(too_large_message(size))
        return path.read_bytes()
    except OSError as error:
        raise CommandError(
            _("Het bestand %(file)s kan niet worden gelezen: %(reason)s")
            % {"file": file, "reason": _reason(error)}
        ) from error


def _reason(error: OSError) -> str:
    reasons = {
        errno.ENOENT: _("het bestaat niet"),
        errno.EISDIR: _("het is een map"),
        errno.EACCES: _("er is geen leesrecht"),
        errno.EPERM: _("er is geen leesrecht"),
    }
    return reasons.get(error.errno, error.strerror or str(error))
