"""The guide and training listings: every facet filters with counts; bad input never breaks them;
the number of queries does not grow with the amount of content."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.models import GuideIndexPage, GuidePage, TrainingIndexPage, TrainingModulePage
from tests.content_factories import bulk_pages, make_guide, make_module

pytestmark = pytest.mark.django_db


def count_for(html: str, label: str) -> int:
    """The count shown beside a filter option."""
    match = re.search(
        re.escape(label) + r'(?:<span class="visually-hidden">[^<]*</span>)?</span>\s*'
        r'<span class="count">(\d+)',
        html,
    )
    assert match, f"no option {label!r}"
    return int(match.group(1))


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="result__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def guides(section):
    index = section(GuideIndexPage)
    make_guide(
        index,
        title="Shares for a pub",
        need=["funding", "premises"],
        stage=["starting"],
        type=["community-benefit-society"],
        area=["wigan"],
        sector=["vcse"],
        tags=["community shares"],
    )
    make_guide(
        index,
        title="Board basics",
        need=["governance"],
        stage=["established"],
        type=["charity"],
        area=["gm-wide"],
        sector=["vcse"],
        tags=["boards"],
    )
    make_guide(
        index,
        title="Selling to councils",
        need=["tendering"],
        stage=["growing"],
        type=["cic"],
        area=["bolton"],
        sector=["public"],
        tags=["procurement"],
    )
    return index


@pytest.mark.parametrize(
    ("query", "expected", "option", "count"),
    [
        ("need=funding", ["Shares for a pub"], "Funding and social investment", 1),
        ("stage=established", ["Board basics"], "Established", 1),
        ("type=cic", ["Selling to councils"], "Community interest company", 1),
        # A GM-wide guide serves every borough, so it is found in Wigan too.
        ("area=wigan", ["Board basics", "Shares for a pub"], "Wigan", 2),
        ("sector=public", ["Selling to councils"], "Public sector", 1),
        ("tag=boards", ["Board basics"], "boards", 1),
        (
            "need=funding&need=governance",
            ["Board basics", "Shares for a pub"],
            "Governance and boards",
            1,
        ),
    ],
)
def test_guides_filter_by_every_facet_with_counts(client, guides, query, expected, option, count):
    response = client.get(f"/guides/?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert sorted(titles(html)) == expected
    assert count_for(html, option) == count
    assert f"{len(expected)} result" in html


def test_counts_take_other_chosen_facets_into_account(client, guides):
    html = client.get("/guides/?sector=vcse").content.decode()
    assert count_for(html, "Governance and boards") == 1
    assert count_for(html, "Tendering and selling to public bodies") == 0
    assert count_for(html, "Public sector") == 1  # what choosing it as well would add


def test_training_filters_by_level_format_and_shared_facets(client, section):
    index = section(TrainingIndexPage)
    make_module(
        index,
        title="Intro webinar",
        level="introductory",
        format="webinar",
        need=["tendering"],
        sector=["public"],
        sessions=[(5, True)],
    )
    make_module(
        index,
        title="Advanced course",
        level="advanced",
        format="course",
        need=["governance"],
        sector=["vcse"],
    )
    html = client.get("/training/?level=advanced").content.decode()
    assert titles(html) == ["Advanced course"]
    assert count_for(html, "Webinar") == 0
    html = client.get("/training/?format=webinar&sector=public").content.decode()
    assert titles(html) == ["Intro webinar"]
    assert "Next session:" in html
    html = client.get("/training/?need=governance").content.decode()
    assert titles(html) == ["Advanced course"] and "No dates planned yet" in html


BAD_QUERIES = [
    "need=nope",
    "page=abc",
    "page=99999",
    "page=-3",
    "page=" + "9" * 5000,
    "need=" + "x" * 5000,
    "tag=" + "%3Cscript%3E" * 400,
    "&".join(["need=funding"] * 300),
    "need=funding&need=FUNDING&need=%20funding%20",
    "area=wigan&area=nope&stage=%00",
]


@pytest.mark.parametrize("url", ["/guides/", "/training/", "/case-studies/"])
def test_bad_input_gives_a_normal_page(client, guides, url):
    for query in BAD_QUERIES:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, query[:80]
        html = response.content.decode()
        assert html.count("<h1") == 1, query[:80]
        assert "<script>" not in html, query[:80]


def test_unknown_filter_and_page_are_explained(client, guides):
    html = client.get("/guides/?need=nope").content.decode()
    assert "Some filters were not recognised and were left out: need=nope." in html
    assert len(titles(html)) == 3
    html = client.get("/guides/?page=99999").content.decode()
    assert "There are only 1 pages, so this is the last one." in html
    html = client.get("/guides/?need=funding&stage=established").content.decode()
    assert "Nothing matches all of these filters yet." in html


def test_pagination_keeps_filters_in_the_links(client, section):
    index = section(GuideIndexPage)
    bulk_pages(
        index,
        GuidePage,
        30,
        facets=lambda i: {"need": ["funding"]},
        make=lambda i: {"summary": "Bulk"},
    )
    html = client.get("/guides/?need=funding").content.decode()
    assert 'href="?need=funding&amp;page=2"' in html
    assert "Page 1 of 3" in html
    html = client.get("/guides/?need=funding&page=3").content.decode()
    assert len(titles(html)) == 6


def queries_for(client, url: str) -> int:
    client.get(url)  # warm caches (site root paths, vocabulary)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


GUIDE_FACETS = lambda i: {  # noqa: E731
    "need": [["funding", "governance", "tendering"][i % 3]],
    "area": [["wigan", "bolton"][i % 2]],
    "tag": [f"topic-{i % 7}"],
}


@pytest.mark.parametrize(
    "url", ["/guides/", "/guides/?need=funding&area=wigan", "/guides/?tag=topic-3&page=2"]
)
def test_guide_listing_queries_do_not_grow_with_content(client, section, url):
    index = section(GuideIndexPage)
    bulk_pages(index, GuidePage, 10, facets=GUIDE_FACETS, make=lambda i: {"summary": "s"})
    few = queries_for(client, url)
    bulk_pages(index, GuidePage, 490, facets=GUIDE_FACETS, make=lambda i: {"summary": "s"})
    many = queries_for(client, url)
    assert many == few
    assert many <= 18  # about ten of them are the site's frame: routing, menu, settings


def test_training_listing_queries_do_not_grow_with_content(client, section):
    index = section(TrainingIndexPage)
    make = lambda i: {"summary": "s", "duration_minutes": 60}  # noqa: E731
    bulk_pages(index, TrainingModulePage, 10, facets=GUIDE_FACETS, make=make)
    few = queries_for(client, "/training/?need=funding")
    bulk_pages(index, TrainingModulePage, 490, facets=GUIDE_FACETS, make=make)
    assert queries_for(client, "/training/?need=funding") == few


def test_guide_and_module_page_queries_do_not_grow_with_content(client, section):
    guides_index, training_index = section(GuideIndexPage), section(TrainingIndexPage)
    guide = make_guide(guides_index, need=["funding"], tags=["topic-1"])
    module = make_module(training_index, need=["funding"], sessions=[(3, True), (9, False)])
    bulk_pages(guides_index, GuidePage, 10, facets=GUIDE_FACETS, make=lambda i: {"summary": "s"})
    few = (queries_for(client, guide.url), queries_for(client, module.url))
    bulk_pages(guides_index, GuidePage, 490, facets=GUIDE_FACETS, make=lambda i: {"summary": "s"})
    assert (queries_for(client, guide.url), queries_for(client, module.url)) == few
