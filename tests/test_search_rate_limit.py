"""Search is never served from the page cache, so searches are limited per address.

Past ``SEARCH_RATE`` an address gets a Dutch page with status 429 and Retry-After;
other addresses search on, and the empty search form is not counted.
"""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("search:search")


@pytest.fixture(autouse=True)
def three_a_minute(settings):
    settings.SEARCH_RATE = "3/m"
    ArticleFactory(title="Over kwartiermakers")


def search_from(client, address: str, query: str = "kwartiermakers"):
    return client.get(SEARCH, {"q": query}, REMOTE_ADDR=address)


def test_past_the_limit_an_address_gets_a_dutch_429_page(client):
    for _ in range(3):
        assert search_from(client, "198.51.100.7").status_code == 200

    response = search_from(client, "198.51.100.7", "ombudsman")

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    content = response.content.decode()
    assert "Even wachten met zoeken" in content
    assert "Wacht een minuut en probeer het dan opnieuw." in content
    assert 'lang="nl"' in content
    assert "Over kwartiermakers" not in content


def test_other_addresses_search_on(client):
    for _ in range(4):
        search_from(client, "198.51.100.7")

    assert search_from(client, "198.51.100.8").status_code == 200
    assert search_from(client, "2001:db8::1").status_code == 200


def test_the_empty_search_form_is_not_counted(client):
    for _ in range(5):
        assert client.get(SEARCH, REMOTE_ADDR="198.51.100.7").status_code == 200

    assert search_from(client, "198.51.100.7").status_code == 200


def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_names(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for number in range(3):
        response = client.get(
            SEARCH,
            {"q": "kwartiermakers"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_REAL_IP=f"198.51.100.{number}",
        )
        assert response.status_code == 200
    for _ in range(3):
        client.get(
            SEARCH, {"q": "x1"}, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.9"
        )

    blocked = client.get(
        SEARCH, {"q": "x1"}, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.9"
    )
    assert blocked.status_code == 429
