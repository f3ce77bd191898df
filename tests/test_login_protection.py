"""Failed admin logins are limited per user name and address (django-axes).

After 5 wrong passwords for one user name from one address, that combination is
refused for 15 minutes, even with the right password; other user names and other
addresses can still log in.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "geheim-wachtwoord-123"
LOCKED = "Inloggen tijdelijk geblokkeerd"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Every login checks a password; a fast hasher keeps 60 logins quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def log_in(username: str, password: str, address: str = "192.0.2.1", **extra):
    """A fresh browser posting the admin login form; returns (client, response)."""
    client = Client()
    response = client.post(
        LOGIN,
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        **extra,
    )
    return client, response


def is_logged_in(client: Client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


def fail(times: int, username: str = "beheer", address: str = "192.0.2.1", **extra):
    for _ in range(times):
        _client, response = log_in(username, "verkeerd-wachtwoord", address, **extra)
        assert response.status_code in (200, 429)


def test_the_right_password_logs_in(superuser):
    client, response = log_in("beheer", PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_wrong_password_shows_the_form_again_with_djangos_message(superuser):
    client, response = log_in("beheer", "verkeerd-wachtwoord")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert not is_logged_in(client)


def test_after_five_failures_even_the_right_password_is_refused(superuser):
    fail(5)

    client, response = log_in("beheer", PASSWORD)

    assert response.status_code == 429
    content = response.content.decode()
    assert LOCKED in content
    assert "5 keer" in content
    assert "15 minuten" in content
    assert not is_logged_in(client)


def test_four_failures_do_not_lock_the_account(superuser):
    fail(4)

    client, response = log_in("beheer", PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_successful_login_starts_the_count_again(superuser):
    fail(4)
    log_in("beheer", PASSWORD)
    fail(4)

    client, response = log_in("beheer", PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_another_user_from_the_same_address_can_still_log_in(superuser, moderator):
    fail(5, username="beheer")

    client, response = log_in("moderator", PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_the_same_user_from_another_address_can_still_log_in(superuser):
    fail(5, address="192.0.2.1")

    client, response = log_in("beheer", PASSWORD, address="198.51.100.7")

    assert response.status_code == 302
    assert is_logged_in(client)


def test_guessing_an_unknown_user_name_is_limited_too(db):
    fail(5, username="bestaat-niet")

    _client, response = log_in("bestaat-niet", "nog-een-gok")

    assert response.status_code == 429


def test_after_fifteen_minutes_the_right_password_works_again(superuser):
    fail(5)
    assert log_in("beheer", PASSWORD)[1].status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    client, response = log_in("beheer", PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_behind_a_proxy_the_address_comes_from_its_header(superuser, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    fail(5, address="10.0.0.1", HTTP_X_REAL_IP="192.0.2.21")

    locked = log_in("beheer", PASSWORD, address="10.0.0.1", HTTP_X_REAL_IP="192.0.2.21")
    other = log_in("beheer", PASSWORD, address="10.0.0.1", HTTP_X_REAL_IP="192.0.2.22")

    assert locked[1].status_code == 429
    assert other[1].status_code == 302
    assert AccessAttempt.objects.get().ip_address == "192.0.2.21"


def test_a_failed_attempt_is_recorded_without_the_password(superuser):
    fail(1)

    attempt = AccessAttempt.objects.get()
    assert attempt.username == "beheer"
    assert attempt.failures_since_start == 1
    assert "verkeerd-wachtwoord" not in attempt.post_data


def test_a_locked_out_login_page_has_the_security_headers(superuser):
    fail(5)

    _client, response = log_in("beheer", PASSWORD)

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
