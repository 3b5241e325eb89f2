"""The plan a visitor gets: what is in it, why, honest fallbacks, pins, and constant queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.content_factories import bulk_pages
from tests.triage_content import index_of, questionnaire_page, sample_content

pytestmark = pytest.mark.django_db

PLAN = "/find-support/results/?stage=starting&need=funding&area=wigan&skip=type"


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_the_plan_matches_the_answers_and_says_why(client, home):
    questionnaire_page(home)
    sample_content(home)
    html = client.get(PLAN).content.decode()
    first = section(html, "first-heading")
    assert "Raising your first money" in first
    assert "Funding bootcamp" in first
    assert "A good board" not in html
    assert "Because you said you need help with: Funding and social investment" in first

    providers = section(html, "providers-heading")
    assert "Support for you in Wigan" in providers
    assert re.search(r"Serves your borough</p>\s*<h3[^>]*><a[^>]*>Wigan Money Advice", providers)
    assert re.search(
        r"Covers all of Greater Manchester</p>\s*<h3[^>]*><a[^>]*>GM Legal Help", providers
    )
    assert "Bolton Boards" not in providers
    assert 'href="/directory/?need=funding&amp;stage=starting&amp;area=wigan"' in providers

    training = section(html, "training-heading")
    assert training.count("plan-item--session") == 2  # the past session is left out
    dates = re.findall(r'<time datetime="([^"]+)"', training)
    assert dates == sorted(dates)

    assert "A bakery that sold shares" in section(html, "stories-heading")
    assert "Your answers" in html


def test_no_provider_in_the_borough_says_so_and_offers_the_nearest(client, home):
    questionnaire_page(home)
    sample_content(home)
    html = client.get(
        "/find-support/results/?stage=growing&need=governance&area=wigan&skip=type"
    ).content.decode()
    providers = section(html, "providers-heading")
    assert "We could not find a provider in Wigan listed for Governance and boards" in providers
    assert re.search(r"In a neighbouring borough</p>\s*<h3[^>]*><a[^>]*>Bolton Boards", providers)
    assert "Works in a borough next to yours: Bolton" in providers


def test_an_editor_pin_puts_a_page_first_for_its_combination(client, home):
    content = sample_content(home)
    questionnaire_page(
        home,
        pins=[{"page": content["legal_guide"].pk, "need": ["funding"], "stage": ["starting"]}],
    )
    html = client.get(PLAN).content.decode()
    first = section(html, "first-heading")
    titles = re.findall(r'<h3 class="plan-item__title"><a [^>]*>([^<]+)</a>', first)
    assert titles[0] == "Which legal form fits"
    assert "Recommended by the hub" in first
    # Other answers: no pin.
    html = client.get(PLAN.replace("stage=starting", "stage=growing")).content.decode()
    assert "Which legal form fits" not in section(html, "first-heading")


def test_preferred_pages_rank_higher_among_equal_matches(client, home):
    from triage.models import FindSupportPage

    questionnaire_page(home)
    guides = index_of(home, "guides.GuideIndexPage")
    from tests.content_factories import make_guide

    plain = make_guide(guides, title="Plain money guide", need=["funding"])
    preferred = make_guide(guides, title="Preferred money guide", need=["funding"])
    page = FindSupportPage.objects.child_of(home).get()
    page.priorities = [{"type": "priority", "value": {"page": preferred.pk, "priority": "3"}}]
    page.save_revision().publish()
    data = client.get(PLAN + "&format=json").json()
    titles = [i["title"] for i in data["items"] if i["kind"] == "guide"]
    assert titles.index("Preferred money guide") < titles.index(plain.title)


def _bulk(home, count):
    from directory.models import ProviderPage
    from guides.models import GuidePage

    needs = ["funding", "governance", "tendering", "premises"]
    boroughs = ["wigan", "bolton", "bury", "salford"]
    bulk_pages(
        index_of(home, "guides.GuideIndexPage"),
        GuidePage,
        count,
        facets=lambda i: {"need": [needs[i % 4]], "stage": ["starting"]},
        make=lambda i: {"summary": "Bulk guide", "body": "[]", "reading_minutes": 1},
    )
    bulk_pages(
        index_of(home, "directory.DirectoryIndexPage"),
        ProviderPage,
        count,
        facets=lambda i: {"need": [needs[i % 4]], "area": [boroughs[i % 4]]},
        make=lambda i: {"summary": "Bulk provider"},
    )


def test_the_plan_uses_the_same_queries_for_10_or_300_items(client, home, settings):
    settings.TRIAGE_PLAN_CACHE_SECONDS = 0  # measure the work, not the cache
    questionnaire_page(home)
    _bulk(home, 10)
    client.get(PLAN)
    with CaptureQueriesContext(connection) as few:
        response = client.get(PLAN)
    assert response.status_code == 200
    _bulk(home, 290)
    client.get(PLAN)
    with CaptureQueriesContext(connection) as many:
        response = client.get(PLAN)
    assert "Bulk guide" in response.content.decode()
    assert len(few) == len(many), [q["sql"][:120] for q in many.captured_queries]
    # The budget: at most 10 queries for a page, even when the plan is made afresh.
    assert len(many) <= 10, [q["sql"][:120] for q in many.captured_queries]
    # The JSON is the same plan, so it costs no more.
    with CaptureQueriesContext(connection) as as_json:
        assert client.get(PLAN + "&format=json").status_code == 200
    assert len(as_json) <= len(many)


def test_plans_are_shared_from_the_cache_until_something_is_published(client, home):
    questionnaire_page(home)
    content = sample_content(home)
    client.get(PLAN)
    with CaptureQueriesContext(connection) as cached:
        client.get(PLAN)
    assert not any("portal_pagefacet" in q["sql"] for q in cached.captured_queries)
    content["money_guide"].title = "Raising money, revised"
    content["money_guide"].save_revision().publish()
    assert "Raising money, revised" in client.get(PLAN).content.decode()
