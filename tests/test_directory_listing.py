"""The /directory/ list: facet filters with counts, borough coverage, search, bad input, speed."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.test_directory_factories import bulk_providers, make_provider

URL = "/directory/"


def titles(response) -> list[str]:
    return [c.page.title for c in response.context["listing"].cards]


def counts(response, param) -> dict[str, int]:
    group = next(g for g in response.context["listing"].groups if g.param == param)
    return {o.value: o.count for o in group.options}


@pytest.fixture
def providers(db):
    return {
        "coop": make_provider(
            "Oldham Co-op Clinic",
            needs=("starting-up", "legal-structure"),
            stages=("exploring",),
            types=("co-operative",),
            areas=("oldham",),
            languages="en, ur",
            online=True,
            tags=("community shares",),
        ),
        "money": make_provider(
            "Wigan Investment Desk",
            needs=("funding",),
            stages=("growing",),
            types=("cic",),
            areas=("wigan",),
            cost="paid",
            summary="Loans and blended finance for growing businesses.",
        ),
        "gm": make_provider(
            "Greater Manchester Tender Helpdesk",
            needs=("tendering", "funding"),
            stages=("growing", "established"),
            types=("charity",),
            areas=("gm-wide",),
            in_person=False,
            phone_support=True,
        ),
        "national": make_provider(
            "National Board Academy",
            needs=("governance",),
            stages=("established",),
            types=("mutual",),
            areas=("national",),
            in_person=False,
            online=True,
            cost="membership",
            languages="en, pl",
        ),
    }


def test_lists_every_provider_by_name_with_summary(client, providers):
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == sorted(p.title for p in providers.values())
    assert "Loans and blended finance" in response.content.decode()


def test_need_borough_and_stage_filters_narrow_with_counts(client, providers):
    response = client.get(URL, {"need": "funding", "area": "wigan", "stage": "growing"})
    assert titles(response) == ["Greater Manchester Tender Helpdesk", "Wigan Investment Desk"]
    # Counts for a facet apply the other chosen facets: how many a choice would give.
    assert counts(response, "need")["funding"] == 2
    assert counts(response, "need")["tendering"] == 1
    assert counts(response, "stage")["established"] == 1
    assert counts(response, "area")["oldham"] == 1  # the GM-wide helpdesk


def test_each_directory_facet_counts_and_filters(client, providers):
    response = client.get(URL)
    assert counts(response, "mode") == {"in-person": 2, "online": 2, "phone": 1}
    assert counts(response, "cost") == {"free": 2, "subsidised": 0, "paid": 1, "membership": 1}
    langs = counts(response, "lang")
    assert langs == {"en": 4, "ur": 1, "pl": 1}  # only languages someone speaks are offered
    assert titles(client.get(URL, {"lang": "ur"})) == ["Oldham Co-op Clinic"]
    assert titles(client.get(URL, {"mode": "phone"})) == ["Greater Manchester Tender Helpdesk"]
    assert titles(client.get(URL, {"cost": "membership"})) == ["National Board Academy"]
    assert titles(client.get(URL, {"type": "cic"})) == ["Wigan Investment Desk"]
    both = client.get(URL, {"cost": ["paid", "membership"]})
    assert len(titles(both)) == 2


def test_a_borough_includes_gm_wide_and_national_providers_labelled(client, providers):
    response = client.get(URL, {"area": "oldham"})
    assert titles(response) == [
        "Greater Manchester Tender Helpdesk",
        "National Board Academy",
        "Oldham Co-op Clinic",
    ]
    html = response.content.decode()
    assert "Serves all of Greater Manchester" in html
    reach = {c.page.title: c.reach for c in response.context["listing"].cards}
    assert reach["National Board Academy"] == "National"
    assert reach["Oldham Co-op Clinic"] == ""


def test_search_finds_by_words_and_keeps_filters(client, providers):
    response = client.get(URL, {"q": "blended finance"})
    assert titles(response) == ["Wigan Investment Desk"]
    assert response.context["listing"].sort == "relevance"
    filtered = client.get(URL, {"q": "clinic", "area": "wigan"})
    assert titles(filtered) == []
    assert "No providers match that search" in filtered.content.decode()
    html = client.get(URL, {"q": "clinic", "need": "starting-up"}).content.decode()
    # The search box carries the chosen filters so a new search keeps them.
    assert 'name="need" value="starting-up"' in html
    by_name = client.get(URL, {"q": "helpdesk desk", "sort": "name"})
    assert by_name.context["listing"].sort == "name"


def test_every_state_is_in_the_url(client, providers):
    response = client.get(URL, {"need": "funding", "q": "desk"})
    html = response.content.decode()
    links = re.findall(r'href="(\?[^"]*)"', html)
    assert any("need=funding" in link and "q=desk" in link for link in links)


@pytest.mark.parametrize(
    "params",
    [
        {"need": "not-a-need"},
        {"area": "<script>alert(1)</script>"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-3"},
        {"q": "x" * 5000},
        {"q": "\x00\x01 drop table;--"},
        {"q": "' OR 1=1 --", "sort": "sideways"},
        {"lang": ["ur"] * 200},
        {"mode": "teleport", "cost": "priceless"},
    ],
)
def test_bad_input_gives_a_normal_page_with_a_message(client, providers, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<h1>" in html


def test_unknown_filters_and_pages_are_explained(client, providers):
    html = client.get(URL, {"need": "nonsense", "page": "99"}).content.decode()
    assert "were not recognised" in html
    assert "this is the last one" in html


def _queries(client, params) -> int:
    client.get(URL, params)  # warm caches (vocabulary, site root paths)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, params).status_code == 200
    return len(captured.captured_queries)


def test_query_count_is_the_same_for_ten_and_five_hundred_providers(client, db):
    params = {"need": "funding", "area": "bolton", "cost": "paid"}
    bulk_providers(10, prefix="Few")
    few = _queries(client, params)
    bulk_providers(490, prefix="Many")
    many = _queries(client, params)
    assert few == many
    response = client.get(URL, params)
    assert response.context["listing"].total == 500
