"""What a visitor would expect at the top of the results, on SQLite and on PostgreSQL alike."""

import re

import pytest

from tests.search_content import build_relevance_site

#: Query -> the page that must be among the first three results.
RELEVANCE_SET = [
    ("co-op", "coop_guide"),
    ("coop", "coop_guide"),
    ("cooperative", "coop_guide"),
    ("co-operative", "coop_guide"),
    ("Co-Operatives", "coop_guide"),
    ("procure", "procurement_guide"),
    ("procurement", "procurement_guide"),
    ("tender", "procurement_guide"),
    ("funding", "funding_guide"),
    ("social investment", "funding_guide"),
    ("invest", "funding_guide"),
    ("Wigan", "wigan_provider"),
    ("bury", "bury_provider"),
    ("Northside Business Advice", "wigan_provider"),
    ("irwell", "bury_provider"),
    ("Irwell Enterprise Network", "bury_provider"),
    ("employee owned", "case_study"),
    ("bakery", "case_study"),
    ("bid writing", "bid_module"),
    ("governance", "governance_guide"),
]


@pytest.fixture
def site_pages(home):
    return build_relevance_site(home)


def result_titles(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'<h3 class="result__title"><a href="[^"]*">(.*?)</a></h3>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


@pytest.mark.django_db
def test_relevance_set_top_three(client, site_pages):
    misses = []
    for query, key in RELEVANCE_SET:
        titles = result_titles(client, query)
        expected = site_pages[key].title
        if expected not in titles[:3]:
            misses.append(f"{query!r}: wanted {expected!r} in the top three, got {titles[:3]}")
    assert not misses, "\n".join(misses)


@pytest.mark.django_db
def test_title_match_beats_a_mention_in_the_body(client, site_pages):
    # The governance guide and the funding guide mention co-operatives only in their bodies.
    titles = result_titles(client, "co-operative")
    assert titles.index(site_pages["coop_guide"].title) < titles.index(
        site_pages["governance_guide"].title
    )


@pytest.mark.django_db
def test_partial_word_finds_the_page(client, site_pages):
    assert site_pages["procurement_guide"].title in result_titles(client, "procu")
