"""Directory text search reads the search index directly: the same matches, in the same order,
as the search backend itself gives (on SQLite's FTS5 index and PostgreSQL's)."""

from __future__ import annotations

import pytest

from directory.models import ProviderPage
from tests.test_directory_factories import make_provider


def listed(client, query: str) -> list[str]:
    response = client.get("/directory/", {"q": query})
    assert response.status_code == 200
    return [card.page.title for card in response.context["listing"].cards]


def backend_order(query: str) -> list[str]:
    results = ProviderPage.objects.live().search(query, operator="and", order_by_relevance=True)
    return [page.title for page in results]


@pytest.fixture
def providers(db):
    make_provider("Cargo Bike Co-op", summary="Cargo bike loans and cargo bike repairs.")
    make_provider("Bike Kitchen", summary="Repairs for community groups.")
    make_provider("Green Routes Trust", summary="Runs a bike library in Salford.")
    make_provider("Tenants Union", summary="Helps housing co-operatives start up.")
    make_provider("Repair Cafe Network", summary="Bike and kettle repairs, monthly.")


@pytest.mark.django_db
def test_directory_search_lists_best_matches_first_as_the_backend_ranks_them(client, providers):
    shown = listed(client, "bike")
    assert shown[0] == "Cargo Bike Co-op"
    assert "Tenants Union" not in shown
    assert shown == backend_order("bike")


@pytest.mark.django_db
def test_every_word_must_match_in_the_backend_order(client, providers):
    shown = listed(client, "bike repairs")
    assert set(shown) == {"Cargo Bike Co-op", "Bike Kitchen", "Repair Cafe Network"}
    assert shown == backend_order("bike repairs")
    assert listed(client, "bike housing") == []


@pytest.mark.django_db
def test_search_server_down_gives_a_plain_message_and_is_not_cached(client, providers, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.elasticsearch",
            "URLS": ["http://127.0.0.1:1"],  # nothing listens there
            "INDEX_PREFIX": "cwh_down_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    response = client.get("/directory/", {"q": "bike"})
    assert response.status_code == 503
    assert "Search is not available right now" in response.content.decode()
    again = client.get("/directory/", {"q": "bike"})
    assert again.status_code == 503
    assert again.get("X-Page-Cache") != "hit"
    # Browsing without words still works.
    assert client.get("/directory/").status_code == 200
