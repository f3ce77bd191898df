"""Logging: warnings and errors to the console, and bad input in one line.

Django logs what it answers with a 400 (a forged Host header, which scanners send all day;
a tampered admin URL; too many fields) under ``django.security.*`` with a traceback each
time; here those records keep their message only.
"""


def without_traceback():
    """A logging filter: the record's message, not its traceback."""

    def keep_message(record):
        record.exc_info = record.exc_text = None
        return True

    return keep_message


def logging_config() -> dict:
    """The site's ``LOGGING``."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"without_traceback": {"()": without_traceback}},
        "handlers": {"console": {"class": "logging.StreamHandler"}},
        "root": {"handlers": ["console"], "level": "WARNING"},
        # Bad input that Django answers with a 400 (a forged Host header, which scanners send
        # all day; a tampered admin URL; too many fields): one line each, no traceback.
        "loggers": {
            f"django.security.{name}": {"filters": ["without_traceback"]}
            for name in (  # noqa: SIM905 (one line of names, not one line each)
                "DisallowedHost DisallowedModelAdminLookup DisallowedModelAdminToField "
                "DisallowedRedirect RequestDataTooBig SuspiciousFileOperation "
                "SuspiciousMultipartForm SuspiciousOperation TooManyFieldsSent TooManyFilesSent"
            ).split()
        },
    }
