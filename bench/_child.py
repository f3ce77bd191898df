"""A benchmark's child process: run from the parent, Django started in it, its peak memory.

Each measurement runs in a fresh process (``script --child ...``) on the throwaway
database, and prints its figures as JSON on its last line.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
from pathlib import Path

from _db import PYTHON, ROOT


def child_figures(script: str, args: list[str], env: dict[str, str]) -> dict:
    """Run ``script --child *args`` with ``env``; the JSON its last line printed.

    A child that fails shows what it printed, and the benchmark stops with one line.
    """
    process = subprocess.run(
        [PYTHON, script, "--child", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if process.returncode:
        sys.stderr.write(process.stdout + process.stderr)
        raise SystemExit(f"bench child {' '.join(args)} failed")
    return json.loads(process.stdout.strip().splitlines()[-1])


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
