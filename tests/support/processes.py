"""Run code in a fresh process of the site, the way a server, a worker or a command starts.

The process gets a clean environment: ``PATH``, no ``.env`` file (``ENV_FILE`` empty, so
that a developer's ``.env`` from ``make run`` cannot change what a test sees), and the
variables a test passes. Nothing else of the test run leaks in.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
#: A key that is only for tests, for processes that need DEBUG off.
TEST_SECRET_KEY = "insecure-key-for-tests-only"


def clean_environment(**environ: str) -> dict[str, str]:
    """``PATH``, no ``.env`` file, and ``environ``."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "ENV_FILE": "",
        **environ,
    }


def run_python(
    code: str, *args: str, timeout: float = 120, **environ: str
) -> subprocess.CompletedProcess:
    """Run ``code`` (``python -c``) in the project folder with ``clean_environment(**environ)``."""
    return run([sys.executable, "-c", code, *args], timeout=timeout, env=environ)


def run_manage(
    *args: str, timeout: float = 120, **environ: str
) -> subprocess.CompletedProcess:
    """Run ``python manage.py *args`` in the project folder with ``clean_environment(**environ)``."""
    return run([sys.executable, "manage.py", *args], timeout=timeout, env=environ)


def run(
    command: list[str], *, env: dict[str, str], timeout: float = 120, **kwargs
) -> subprocess.CompletedProcess:
    """Run ``command`` in the project folder with ``clean_environment(**env)``; text output."""
    return subprocess.run(
        command,
        cwd=kwargs.pop("cwd", PROJECT_DIR),
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,
    )


def printed_lines(result: subprocess.CompletedProcess) -> dict[str, str]:
    """``KEY value`` lines of a process's output as a dict; fails with its stderr."""
    assert result.returncode == 0, result.stdout + result.stderr
    return dict(line.split(" ", 1) for line in result.stdout.splitlines() if line)
