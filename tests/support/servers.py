"""Real servers for tests and benchmarks: the site under gunicorn, a private Redis, nginx.

Each listens on 127.0.0.1 on a free port, keeps its files in a folder it is given, and is
stopped through its own handle: nothing here touches the shared Redis on 6379, port 8000
or the system's nginx configuration.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
#: Production mode with a key that is only for tests and benchmarks.
SITE_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "insecure-key-for-tests-only-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_SETTINGS_MODULE": "ambtenarenpanel.settings",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
}
#: Variables of the calling environment that would point a started site elsewhere.
_NOT_INHERITED = ("DATABASE_URL", "REDIS_URL", "CACHE_DIR", "DJANGO_SETTINGS_MODULE")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_env(**settings: str) -> dict[str, str]:
    """The environment of a site process: production mode, plus ``settings``."""
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    return {**env, **SITE_ENV, **settings}


def manage(env: dict[str, str], *args: str, **kwargs) -> subprocess.CompletedProcess:
    """``manage.py args`` in a process of its own; raises with its output when it fails."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=kwargs.pop("timeout", 300),
        **kwargs,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}"
        )
    return result


@dataclass
class Server:
    name: str
    command: list[str]
    port: int
    log: Path
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready: str | None = None, timeout: float = 60) -> Server:
        """Start the command; wait until ``ready`` (a URL path) answers, or the port listens."""
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped:\n{self.log.read_text()}")
            if self._answers(ready):
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(
            f"{self.name} did not answer in {timeout} s:\n{self.log.read_text()}"
        )

    def _answers(self, ready: str | None) -> bool:
        if ready is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return True
            except OSError:
                return False
        try:
            urllib.request.urlopen(self.url + ready, timeout=5).read()
            return True
        except urllib.error.HTTPError:
            return True
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        """Stop the process group it started (and nothing else)."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def gunicorn(env: dict[str, str], folder: Path, name: str = "gunicorn") -> Server:
    """The site as ``make serve`` runs it (gunicorn.conf.py), not started yet."""
    port = free_port()
    env = {**env, "BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESS_LOG": ""}
    command = [PYTHON, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py")]
    return Server(name, command, port, folder / f"{name}.log", env)


def redis(folder: Path, port: int | None = None) -> Server:
    """A private redis-server, in memory only; ``url`` is its database 0."""
    port = port or free_port()
    command = [
        REDIS_SERVER,
        *("--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)),
        *("--save", "", "--appendonly", "no"),
    ]
    return Server("redis", command, port, folder / f"redis-{port}.log")


def redis_url(server: Server) -> str:
    return f"redis://127.0.0.1:{server.port}/0"


# The site's nginx configuration (docs/nginx.conf) inside a main file of the test's own:
# its own prefix, pid, logs and temporary folders, in the foreground.
_NGINX_MAIN = """
{user}
daemon off;
master_process on;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/site.conf;
}}
"""


def nginx(folder: Path, upstreams: list[str]) -> Server:
    """nginx with the site's configuration (docs/nginx.conf), in front of ``upstreams``
    (``127.0.0.1:port``) instead of the one local gunicorn, on a free port."""
    prefix = folder / "nginx"
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site = (ROOT / "docs" / "nginx.conf").read_text()
    site = re.sub(r"(?m)^(proxy_cache_path )\S+", rf"\g<1>{prefix}/cache", site)
    site = re.sub(
        r"(?m)^    server 127\.0\.0\.1:8000;",
        "\n".join(f"    server {upstream};" for upstream in upstreams),
        site,
    )
    site = re.sub(r"(?m)^    listen 80;", f"    listen 127.0.0.1:{port};", site)
    (prefix / "site.conf").write_text(site)
    # A master process started by root hands the work to an unprivileged user, which
    # could not enter the test's private folders.
    user = "user root;" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(_NGINX_MAIN.format(prefix=prefix, user=user))
    command = [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf")]
    command += ["-e", str(prefix / "error.log")]
    return Server("nginx", command, port, prefix / "nginx-output.log")
