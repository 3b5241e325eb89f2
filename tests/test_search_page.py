"""The results page: what each result shows, filters with counts, pages, languages, promotions."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from guides.models import GuidePage
from search.models import ZeroResultQuery
from tests.search_content import add, build_relevance_site, sections


@pytest.fixture
def site_pages(home):
    return build_relevance_site(home)


def get(client, path="/search/", **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def result_items(html):
    return re.findall(r'<li class="result[^"]*"[^>]*>.*?</li>', html, flags=re.S)


@pytest.mark.django_db
def test_result_shows_type_title_summary_facets_and_review_date(client, site_pages):
    html = get(client, q="procure")
    item = next(i for i in result_items(html) if "public bodies" in i)
    assert '<span class="result__kind">Guide</span>' in item
    assert "<mark>procurement</mark>" in item  # found from a partial word, highlighted
    assert "Find contract opportunities" in item
    assert "<dt>Support need</dt><dd>Tendering and selling to public bodies</dd>" in item
    assert "<dt>Stage</dt><dd>Growing</dd>" in item
    assert "<dt>Last reviewed</dt>" in item
    assert f'href="{site_pages["procurement_guide"].url}"' in item


@pytest.mark.django_db
def test_provider_result_shows_its_borough(client, site_pages):
    item = next(i for i in result_items(get(client, q="Northside")) if "Northside" in i)
    assert '<span class="result__kind">Support provider</span>' in item
    assert "<dt>Area</dt><dd>Wigan</dd>" in item


@pytest.mark.django_db
def test_markup_in_titles_and_queries_is_escaped(client, home):
    add(sections(home)["guides"], GuidePage, title="Budgets <script>alert(1)</script> & cash")
    html = get(client, q="budgets <script>")
    assert "<script>alert(1)</script>" not in html
    assert (
        "<mark>Budgets</mark> &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; &amp;"
        in html
    )
    assert "budgets &lt;script&gt;" in html  # the query shown back, escaped


@pytest.mark.django_db
def test_counts_by_content_type_and_filter_by_type(client, site_pages):
    html = get(client, q="co-op")
    kinds = dict(re.findall(r'<span>([^<]+)</span>\s*<span class="count">(\d+)', html))
    assert kinds["Guide"] == "3"
    assert kinds["Support provider"] == "1"
    provider_link = re.search(r'href="([^"]*kind=support-provider[^"]*)"', html).group(1)
    filtered = get(
        client, **dict(re.findall(r"([a-z]+)=([^&]+)", provider_link.replace("&amp;", "&")))
    )
    titles = [
        re.sub("<[^>]+>", "", t)
        for t in re.findall(r'class="result__title"><a [^>]+>(.*?)</a>', filtered)
    ]
    assert titles == ["Moss Side Co-operative Development (demo)"]
    assert 'name="kind" value="support-provider"' in filtered  # kept when searching again


@pytest.mark.django_db
def test_shared_facets_filter_with_counts(client, site_pages):
    html = get(client, q="co-op")
    assert re.search(r"Choosing a legal structure\s*</span>\s*<span class=\"count\">2<", html)
    narrowed = get(client, q="co-op", need="legal-structure")
    assert "2 results for" in narrowed
    assert "Funding and social investment explained" not in narrowed
    assert "with the chosen filters" in narrowed


@pytest.mark.django_db
def test_unknown_filters_and_page_numbers_give_a_message(client, site_pages):
    html = get(client, q="co-op", need="no-such-need", page="abc", kind="spaceship")
    assert "Some filters were not recognised" in html
    assert "That page number was not understood" in html
    assert "Setting up a <mark>co-operative</mark>" in html


@pytest.mark.django_db
def test_pagination_keeps_query_and_filters_in_the_url(client, home):
    guides = sections(home)["guides"]
    for n in range(13):
        add(guides, GuidePage, title=f"Community shares guide {n}", needs=["funding"])
    first = get(client, q="community shares", need="funding")
    assert len(result_items(first)) == 10
    assert "Page 1 of 2" in first
    assert 'href="?q=community+shares&amp;need=funding&amp;page=2"' in first
    second = get(client, q="community shares", need="funding", page="2")
    assert len(result_items(second)) == 3
    last = get(client, q="community shares", page="99")
    assert "There are only 2 pages" in last


@pytest.mark.django_db
def test_visitor_language_first_with_english_fallback_labelled(client, site_pages):
    polish = Locale.objects.get(language_code="pl")
    guide = site_pages["coop_guide"]
    translation = guide.copy_for_translation(polish, copy_parents=True)
    translation.title = "Zakładanie spółdzielni (co-op)"
    translation.save_revision().publish()
    html = get(client, "/pl/search/", q="co-op")
    items = result_items(html)
    polish_item = next(i for i in items if "Zakładanie" in i)
    assert 'lang="en"' not in polish_item.split(">")[0]
    assert not any("Setting up a co-operative" in i for i in items)  # the translation replaces it
    english = next(i for i in items if "Moss Side" in i)
    assert english.startswith('<li class="result" lang="en" dir="ltr">')
    assert 'class="language-label" lang="pl" dir="ltr">Po angielsku<' in english
    assert "kind=guide" in html  # filter links use the same slugs in every language


@pytest.mark.django_db
def test_polish_diacritics_find_polish_pages(client, site_pages):
    polish = Locale.objects.get(language_code="pl")
    translation = site_pages["funding_guide"].copy_for_translation(polish, copy_parents=True)
    translation.title = "Finansowanie i inwestycje społeczne"
    translation.save_revision().publish()
    html = get(client, "/pl/search/", q="społeczne")
    assert "Finansowanie i inwestycje <mark>społeczne</mark>" in html


@pytest.mark.django_db
def test_promoted_pages_come_first_and_are_labelled(client, site_pages):
    query = Query.get("start up")
    SearchPromotion.objects.create(
        query=query, page=site_pages["bury_provider"], description="Our pick.", sort_order=0
    )
    html = get(client, q="Start  UP")
    items = result_items(html)
    assert "Irwell Enterprise Network" in items[0]
    assert "result--promoted" in items[0]
    assert "Recommended" in items[0]
    assert "Our pick." in items[0]
    assert sum("Irwell Enterprise Network" in i for i in items) == 1


@pytest.mark.django_db
def test_promotion_alone_is_not_a_zero_result(client, site_pages):
    SearchPromotion.objects.create(query=Query.get("zzqx"), page=site_pages["coop_guide"])
    html = get(client, q="zzqx")
    assert "Setting up a co-operative" in html
    assert not ZeroResultQuery.objects.exists()


@pytest.mark.django_db
def test_searches_that_find_nothing_are_counted_without_personal_data(client, site_pages):
    get(client, q="Allotment  Gardens")
    get(client, q="allotment gardens", HTTP_X_FORWARDED_FOR="203.0.113.9")
    get(client, q="zzqx jo@example.com 0161 496 0123")
    get(client, q="co-op")  # found something: not counted
    get(client, q="zzqx", need="funding")  # filtered: not a gap in the content
    rows = {r.query: r for r in ZeroResultQuery.objects.all()}
    assert set(rows) == {"allotment gardens", "zzqx [email] [number]"}
    assert rows["allotment gardens"].count == 2
    stored = " ".join(str(v) for r in rows.values() for v in r.__dict__.values())
    assert "example.com" not in stored and "0161" not in stored and "127.0.0.1" not in stored


@pytest.mark.django_db
def test_nothing_found_page_offers_next_steps(client, site_pages):
    html = get(client, q="zzqx")
    assert "Nothing found for “zzqx”" in html
    assert "Check the spelling" in html


@pytest.mark.django_db
def test_draft_and_private_pages_are_not_found(client, site_pages):
    guide = site_pages["governance_guide"]
    guide.unpublish()
    html = get(client, q="governance")
    assert "Good governance for community businesses" not in html


@pytest.mark.django_db
def test_query_count_does_not_grow_with_results(client, home):
    guides = sections(home)["guides"]
    for n in range(200):
        add(guides, GuidePage, title=f"Zebra guide {n}", needs=["funding"], stages=["growing"])
    for n in range(10):
        add(guides, GuidePage, title=f"Yak guide {n}", needs=["funding"], stages=["growing"])

    def count(query):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", {"q": query, "need": "funding"})
        assert response.status_code == 200
        return len(captured)

    # Warm caches (content types, vocabulary, site, each query's facet counts).
    count("yak")
    count("zebra")
    few, many = count("yak"), count("zebra")
    assert few == many


@pytest.mark.django_db
def test_search_server_down_gives_a_plain_message(client, site_pages, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("search server unreachable")

    monkeypatch.setattr("search.queries.get_search_backend", broken)
    monkeypatch.setattr("search.suggest.get_search_backend", broken)
    response = client.get("/search/", {"q": "co-op"})
    assert response.status_code == 503
    assert "Search is not available right now" in response.content.decode()
    assert not ZeroResultQuery.objects.exists()
    suggest = client.get("/search/suggest/", {"q": "co-op"})
    assert suggest.status_code == 503
    assert suggest.json()["results"] == []
