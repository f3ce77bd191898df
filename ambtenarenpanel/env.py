"""Values read from environment variables for settings.py, each refused in one line.

A missing value gives the default; a value that is there but wrong raises
ImproperlyConfigured with a one-line message naming the variable and the value, which
``manage.py`` and ``wsgi.py`` print without a traceback (ambtenarenpanel/startup.py).
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_flag(name: str, default: bool = False) -> bool:
    """``1``/``0`` (or true/false, yes/no, on/off); empty or unset: ``default``."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in _TRUE | _FALSE:
        raise ImproperlyConfigured(
            f"{name} moet 1 of 0 zijn, niet ‘{os.environ[name]}’."
        )
    return value in _TRUE


def env_int(name: str, default: int) -> int:
    """A whole number; empty or unset: ``default``."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} moet een geheel getal zijn, niet ‘{value}’."
        ) from None


def env_int_between(name: str, default: int, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``; empty or unset: ``default``."""
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return default
    if not (raw.isascii() and raw.isdigit() and low <= int(raw) <= high):
        raise ImproperlyConfigured(
            f"{name} must be a whole number from {low} to {high}, not {raw!r}."
        )
    return int(raw)


def env_seconds(name: str, default: float) -> float:
    """A positive number of seconds; empty or unset: ``default``."""
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0
    if not value > 0:
        raise ImproperlyConfigured(
            f"{name} moet een positief aantal seconden zijn, niet ‘{raw}’."
        )
    return value


def env_list(name: str, default: str) -> list[str]:
    """Comma-separated values, spaces around them dropped; unset: ``default``'s."""
    return [
        value.strip()
        for value in os.environ.get(name, default).split(",")
        if value.strip()
    ]


def env_choice(name: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (any case); empty or unset: the first."""
    value = os.environ.get(name, "").strip().lower() or choices[0]
    if value not in choices:
        named = " or ".join(repr(choice) for choice in choices)
        raise ImproperlyConfigured(f"{name} must be {named}, not {value!r}.")
    return value


def env_secret_key(debug: bool) -> str:
    """``SECRET_KEY``, required with DEBUG off; with DEBUG on a development key stands in."""
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if not debug:
        raise ImproperlyConfigured(
            "SECRET_KEY ontbreekt (verplicht als DEBUG uit staat): zet SECRET_KEY in "
            "de omgeving, of draai eerst `make run`, dat een .env voor ontwikkeling schrijft."
        )
    return "django-insecure-development-only-key"
