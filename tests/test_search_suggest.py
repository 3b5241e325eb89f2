"""Suggestions while typing: a small, cached, rate-limited JSON list of titles and addresses."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests.search_content import build_relevance_site


@pytest.fixture
def site_pages(home):
    return build_relevance_site(home)


@pytest.mark.django_db
def test_suggestions_match_the_start_of_title_words(client, site_pages):
    data = client.get("/search/suggest/", {"q": "procu"}).json()
    assert data["query"] == "procu"
    assert data["results"][0] == {
        "title": "Selling to public bodies: procurement and tendering",
        "url": site_pages["procurement_guide"].url,
        "kind": "Guide",
    }
    assert len(data["results"]) <= 8


@pytest.mark.django_db
def test_suggestions_understand_co_op_spellings(client, site_pages):
    titles = [r["title"] for r in client.get("/search/suggest/", {"q": "coop"}).json()["results"]]
    assert "Setting up a co-operative" in titles


@pytest.mark.django_db
def test_short_or_empty_input_gives_no_suggestions(client, site_pages):
    for query in ("", "s", "  ", "*"):
        assert client.get("/search/suggest/", {"q": query}).json()["results"] == []


@pytest.mark.django_db
def test_suggestions_are_cached(client, site_pages):
    client.get("/search/suggest/", {"q": "irwell"})
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/suggest/", {"q": "Irwell"})
    assert response.json()["results"][0]["title"] == "Irwell Enterprise Network (demo)"
    assert len(captured) == 0
    assert "max-age=60" in response["Cache-Control"]


@pytest.mark.django_db
def test_suggestions_are_rate_limited_per_address(client, site_pages):
    statuses = [
        client.get("/search/suggest/", {"q": f"fund{n}"}, REMOTE_ADDR="203.0.113.5").status_code
        for n in range(70)
    ]
    assert statuses[:60] == [200] * 60
    assert statuses[-1] == 429
    other = client.get("/search/suggest/", {"q": "fund"}, REMOTE_ADDR="203.0.113.6")
    assert other.status_code == 200


@pytest.mark.django_db
def test_english_suggestion_in_another_language_is_marked(client, site_pages):
    polish = Locale.objects.get(language_code="pl")
    guide = site_pages["coop_guide"].copy_for_translation(polish, copy_parents=True)
    guide.title = "Spółdzielnia krok po kroku"
    guide.save_revision().publish()
    results = client.get("/pl/search/suggest/", {"q": "spółdz"}).json()["results"]
    assert results[0]["title"] == "Spółdzielnia krok po kroku"
    assert "lang" not in results[0]
    english = client.get("/pl/search/suggest/", {"q": "irwell"}).json()["results"]
    assert english[0]["lang"] == "en"
