"""The README's commands work as written on a fresh clone after ``make run``.

``make run`` writes a development ``.env`` (DEBUG=1 and a key of its own) that the
settings read, the environment winning over it; a setting that is missing or wrong gives
one line on stderr, never a traceback, from ``manage.py`` and from gunicorn alike. The
tests never read a ``.env``.
"""

import shutil
import socket
import stat
import sys

import pytest

from tests.spreadsheets import base_rows, write_csv
from tests.support.processes import (
    PROJECT_DIR,
    printed_lines,
    run,
    run_manage,
    run_python,
)

PRINT_DEBUG = "from django.conf import settings; print('DEBUG', settings.DEBUG)"


@pytest.fixture
def dotenv(tmp_path):
    """The .env that ``make run`` writes, made by the Makefile's own rule."""
    folder = tmp_path / "clone"
    folder.mkdir()
    shutil.copy(PROJECT_DIR / "Makefile", folder / "Makefile")
    (folder / ".venv" / "bin").mkdir(parents=True)
    (folder / ".venv" / "bin" / "python").symlink_to(sys.executable)
    result = run(["make", ".env"], env={}, cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / ".env"


def test_make_run_writes_a_development_env_with_debug_on_and_a_key_of_its_own(
    dotenv, tmp_path
):
    values = dict(
        line.split("=", 1)
        for line in dotenv.read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert values["DEBUG"] == "1"
    assert len(values["SECRET_KEY"]) >= 50

    again = run(["make", ".env"], env={}, cwd=dotenv.parent)
    assert again.returncode == 0
    assert dotenv.read_text().count("SECRET_KEY") == 1, "an existing .env is kept"


def test_the_settings_read_the_env_file_and_the_environment_wins(dotenv):
    site = {
        "ENV_FILE": str(dotenv),
        "DJANGO_SETTINGS_MODULE": "ambtenarenpanel.settings",
    }

    assert printed_lines(run_python(PRINT_DEBUG, **site))["DEBUG"] == "True"
    assert printed_lines(run_python(PRINT_DEBUG, DEBUG="0", **site))["DEBUG"] == "False"


def test_the_tests_never_read_an_env_file(dotenv):
    printed = printed_lines(
        run_python(
            PRINT_DEBUG, ENV_FILE=str(dotenv), DJANGO_SETTINGS_MODULE="tests.settings"
        )
    )
    assert printed["DEBUG"] == "False"


def test_the_readme_commands_work_as_written_after_make_run(dotenv, tmp_path):
    environ = {
        "ENV_FILE": str(dotenv),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SUPERUSER_PASSWORD": "een-lang-wachtwoord-42",
        "CREATEEDITOR_PASSWORD": "een-ander-wachtwoord-42",
    }
    csv = write_csv(tmp_path / "resultaten.csv", base_rows())
    commands = [
        ["migrate", "--noinput", "--verbosity", "0"],
        [
            "createsuperuser",
            "--noinput",
            "--username",
            "beheer",
            "--email",
            "b@example.org",
        ],
        [
            "createeditor",
            "anne",
            "--group",
            "Redactie",
            "--email",
            "anne@example.org",
            "--noinput",
        ],
        ["loaddemo"],
        [
            "import_results",
            str(csv),
            "--survey",
            "digitale-dienstverlening",
            "--dry-run",
        ],
        ["purge_comment_ips"],
    ]
    for command in commands:
        result = run_manage(*command, timeout=240, **environ)
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert "SECRET_KEY" not in result.stderr, (command, result.stderr)
        if command[0] != "import_results":  # the example rows name another round
            assert result.returncode == 0, (command, result.stdout + result.stderr)


@pytest.mark.parametrize(
    ("environ", "said"),
    [
        ({}, "SECRET_KEY ontbreekt"),
        ({"DEBUG": "ja"}, "DEBUG moet 1 of 0 zijn, niet ‘ja’"),
        (
            {"DEBUG": "1", "COMMENT_MIN_SECONDS": "drie"},
            "COMMENT_MIN_SECONDS moet een geheel getal zijn",
        ),
        ({"DEBUG": "1", "DATABASE_URL": "mysqlx://db/panel"}, "mysqlx"),
    ],
)
@pytest.mark.parametrize("command", ["createsuperuser", "loaddemo", "import_results"])
def test_a_missing_or_invalid_setting_gives_one_line_not_a_traceback(
    command, environ, said
):
    result = run_manage(command, **environ)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert said in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_without_a_key_stops_with_one_line_instead_of_restarting_workers():
    result = run(
        [
            str(PROJECT_DIR / ".venv" / "bin" / "gunicorn"),
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{_free_port()}",
        ],
        env={"GUNICORN_ACCESS_LOG": ""},
        timeout=60,
    )

    assert result.returncode == 4  # gunicorn: "App failed to load"
    assert "Traceback" not in result.stderr
    ours = [line for line in result.stderr.splitlines() if "Instellingen" in line]
    assert ours == [
        "Instellingen kloppen niet: SECRET_KEY ontbreekt (verplicht als DEBUG uit "
        "staat): zet SECRET_KEY in de omgeving, of draai eerst `make run`, dat een "
        ".env voor ontwikkeling schrijft."
    ]


@pytest.mark.parametrize("name", ["GUNICORN_THREADS", "WEB_CONCURRENCY"])
def test_a_wrong_number_of_workers_or_threads_stops_with_one_line(name):
    if name == "WEB_CONCURRENCY":
        # gunicorn reads this one before its config file: make serve checks it.
        command = ["make", "--no-print-directory", "serve"]
        environ = {"SECRET_KEY": "x"}
    else:
        command = [str(PROJECT_DIR / ".venv" / "bin" / "gunicorn"), "--config"]
        command += ["gunicorn.conf.py", "--bind", f"127.0.0.1:{_free_port()}"]
        environ = {"SECRET_KEY": "x", "DEBUG": "0"}

    result = run(command, env={**environ, name: "twee"}, timeout=120)

    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{name} moet een positief geheel getal zijn, niet ‘twee’." in (
        result.stdout + result.stderr
    )
    assert "Listening at" not in result.stderr


def _fake_python(path, version: str) -> None:
    path.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "--version" ]; then echo "Python {version}"; exit 0; fi\n'
        "exit 1\n"
    )
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_make_remakes_a_venv_of_another_python_and_names_the_python_it_needs(tmp_path):
    shutil.copy(PROJECT_DIR / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    _fake_python(tmp_path / ".venv" / "bin" / "python", "3.12.1")
    _fake_python(tmp_path / "python3", "3.13.0")

    result = run(
        ["make", "install", f"PYTHON={tmp_path / 'python3'}"], env={}, cwd=tmp_path
    )

    assert (
        ".venv was made with Python 3.12.1, not Python 3.11: making it anew."
        in result.stdout
    )
    assert not (tmp_path / ".venv").exists()
    assert result.returncode != 0
    assert "The site needs Python 3.11;" in result.stdout
    assert "is Python 3.13.0" in result.stdout
    assert "make PYTHON=python3.11 run" in result.stdout
