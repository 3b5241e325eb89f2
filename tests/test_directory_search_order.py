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
