"""gunicorn settings for ``make serve`` and production (docs/deploy.md).

gunicorn reads this file when started from the project folder. Environment variables:

- ``BIND``: address and port, default ``127.0.0.1:8000`` (a reverse proxy in front).
- ``WEB_CONCURRENCY``: worker processes, default 2, with or without ``REDIS_URL``: every
  process shares the page cache (a folder on this machine, or Redis) and sees every
  write at once (``ambtenarenpanel/caching.py``).
- ``GUNICORN_THREADS``: threads per worker, default 4, so that a request waiting for the
  database (SQLite's write lock, up to 20 s) does not hold up the others.
- ``GUNICORN_ACCESS_LOG``: where the access log goes, default ``-`` (standard output);
  empty for none.
- ``FORWARDED_ALLOW_IPS``: proxies whose ``X-Forwarded-*`` headers are trusted,
  default ``127.0.0.1``.
- ``IMPORT_WORKER``: ``1`` (``make serve`` sets it) starts a background worker for
  imports (``manage.py db_worker``, surveys/jobs/) beside the site, stopped with it.
  In production the worker is a service of its own (docs/deploy.md).
"""

import os
import subprocess
import sys
from pathlib import Path

wsgi_app = "ambtenarenpanel.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")


def _count(name: str, default: int) -> int:
    """A positive whole number from the environment; a wrong one stops with one line."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        sys.exit(f"{name} moet een positief geheel getal zijn, niet ‘{raw}’.")
    return value


workers = _count("WEB_CONCURRENCY", 2)
threads = _count("GUNICORN_THREADS", 4)
# Threaded workers, also with one thread: they keep connections open between requests
# (nginx's upstream keepalive, browsers talking to gunicorn directly), where sync
# workers close each one and the client pays a new TCP connection per request.
worker_class = "gthread"
keepalive = 5

# A worker that hangs (a stuck query, say) is replaced after this many seconds; a
# 100 000-row import in the admin takes well under it (bench/import.py).
timeout = 120
graceful_timeout = 30
# Recycle workers now and then, so that a slow leak never grows without bound.
max_requests = 10000
max_requests_jitter = 1000

# No control socket (gunicorn 25+): one fixed path per user would be shared by every
# gunicorn of that user (make serve beside bench/pages.py), and nothing here uses it.
control_socket_disable = True

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


# --- A background worker beside the site (IMPORT_WORKER=1, make serve) ----------------
_import_worker: subprocess.Popen | None = None


def on_starting(server):
    """In the master, once: check the settings (a missing one stops gunicorn with one
    line, instead of each worker failing on its own and the master dying with a
    traceback while it stops the others); then start ``manage.py db_worker`` when
    asked to."""
    global _import_worker
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ambtenarenpanel.settings")
    from ambtenarenpanel.startup import APP_LOAD_ERROR, load_settings

    load_settings(exit_status=APP_LOAD_ERROR)
    if os.environ.get("IMPORT_WORKER") != "1":
        return
    _import_worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload"],
        cwd=Path(__file__).resolve().parent,
    )
    server.log.info(
        "Background worker for imports started (pid %s)", _import_worker.pid
    )


def on_exit(server):
    """gunicorn stops: stop the worker too. Its first signal lets a running import
    finish for up to ``graceful_timeout`` seconds; the second stops it, and the import
    rolls back (nothing of it is stored; its job says so)."""
    if _import_worker is None or _import_worker.poll() is not None:
        return
    _import_worker.terminate()
    try:
        _import_worker.wait(timeout=graceful_timeout)
    except subprocess.TimeoutExpired:
        _import_worker.terminate()
        _import_worker.wait(timeout=30)
