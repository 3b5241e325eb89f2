"""One URL of every kind: its query count does not grow with content and stays within budget.

The issue's budget is 10 queries for any page. The frame every page shares (site, route,
view restrictions, settings, menu, languages) comes from the shared cache (portal/frame.py),
so the counts below are what each page's own content costs plus loading the page itself.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casestudies.models import CaseStudyIndexPage
from guides.models import GuideIndexPage, GuidePage, TrainingIndexPage
from tests.content_factories import bulk_pages, make_case_study, make_guide, make_module
from tests.test_directory_factories import bulk_providers, make_provider
from tests.test_guides_listings import GUIDE_FACETS
from tests.triage_content import questionnaire_page

BUDGET = 10


def count(client, url: str) -> int:
    client.get(url)  # warm: vocabulary, site frame and the page's cached fragments
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture
def urls(section, home):
    questionnaire_page(home)
    guide = make_guide(section(GuideIndexPage), need=["funding"], area=["wigan"])
    module = make_module(section(TrainingIndexPage), need=["funding"])
    provider = make_provider("Budget provider", needs=("funding",), areas=("wigan",))
    story = make_case_study(section(CaseStudyIndexPage), need=["funding"], area="wigan")
    return {
        "home": "/",
        "guide": guide.url,
        "module": module.url,
        "case study": story.url,
        "provider": provider.url,
        "guides listing": "/guides/",
        "guides, two facets": "/guides/?need=funding&area=wigan",
        "training listing": "/training/",
        "case studies listing": section(CaseStudyIndexPage).url,
        "directory": "/directory/",
        "directory, facets and a query": (
            "/directory/?need=funding&area=wigan&mode=in-person&q=help"
        ),
        "search": "/search/?q=funding",
        "questionnaire": "/find-support/",
        "plan": "/find-support/results/?need=funding&area=wigan",
        "ORUK services": "/api/oruk/services",
        "ORUK service": f"/api/oruk/services/{provider.uuid}",
    }


def test_query_counts_do_not_grow_with_content_and_stay_within_budget(client, section, urls):
    make = lambda i: {"summary": "s"}  # noqa: E731
    # More than a page of results in both cases: the count itself is what must not grow.
    bulk_pages(section(GuideIndexPage), GuidePage, 30, facets=GUIDE_FACETS, make=make)
    bulk_providers(30, prefix="Budget few", needs=("funding",), areas=("wigan",))
    few = {name: count(client, url) for name, url in urls.items()}
    bulk_pages(section(GuideIndexPage), GuidePage, 300, facets=GUIDE_FACETS, make=make)
    bulk_providers(300, prefix="Budget many", needs=("funding",), areas=("wigan",))
    many = {name: count(client, url) for name, url in urls.items()}
    grown = {name: (few[name], many[name]) for name in few if few[name] != many[name]}
    assert not grown, f"query counts grew with content: {grown}"
    over = {name: queries for name, queries in many.items() if queries > BUDGET}
    assert not over, f"over the budget of {BUDGET} queries: {over}"
