"""What a benchmark's child process shares: Django started, and its own peak memory."""

from __future__ import annotations

import re
import resource
import sys
from pathlib import Path

from _db import ROOT


def setup_django() -> None:
    """Django with the settings of ``DJANGO_SETTINGS_MODULE`` (``_db.env_for``)."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def peak_memory_mb() -> float:
    """This process's peak resident memory since it started, Django included.

    Linux's VmHWM, not ``ru_maxrss``: a child process's ``ru_maxrss`` starts at its
    parent's resident size when it was started, and a parent may have held a large
    workbook while writing it.
    """
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)[1]) / 1024
    except (OSError, TypeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
