"""Case studies: editors create them in the admin; visitors read and filter them."""

import json
import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from guides.models import GuideIndexPage
from portal.models import Area, OrganisationType, Stage, SupportNeed
from tests.content_factories import bulk_pages, make_case_study, make_guide, terms
from tests.test_guides_pages import EVIL, assert_nothing_runs

pytestmark = pytest.mark.django_db


def story_form(**overrides):
    data = nested_form_data(
        {
            "title": "A bakery owned by its bakers",
            "slug": "bakery",
            "organisation_name": "Crumb Co-operative (demo)",
            "summary": "Four bakers bought the bakery they worked in.",
            "challenge": rich_text("<p>The owner wanted to retire.</p>"),
            "approach": streamfield([("paragraph", rich_text("<p>They formed a co-op.</p>"))]),
            "results": rich_text("<p>Every job stayed.</p>"),
            "impact_measures": inline_formset(
                [
                    {"measure": "Jobs kept", "value": "12", "unit": "", "period": ""},
                    {"measure": "Local spend", "value": "40000", "unit": "£", "period": "a year"},
                ]
            ),
            "pull_quote": "We own the ovens now.",
            "quote_attribution": "Ana (demo), baker",
            "image_alt": "",
            "last_reviewed": "2026-03-01",
            "tags": "bakery",
            **overrides,
        }
    )
    data["organisation_type"] = terms(OrganisationType, ["co-operative"])[0].pk
    data["borough"] = terms(Area, ["bury"])[0].pk
    data["stage"] = terms(Stage, ["changing-ownership"])[0].pk
    data["needs"] = [terms(SupportNeed, ["employee-ownership"])[0].pk]
    data["action-publish"] = "publish"
    return data


def test_an_editor_creates_a_case_study_in_the_admin_and_it_appears(admin_client, section):
    index = section(CaseStudyIndexPage)
    guide = make_guide(section(GuideIndexPage), title="Converting to a co-op")
    data = story_form()
    data["related_guides"] = [guide.pk]
    response = admin_client.post(f"/admin/pages/add/casestudies/casestudypage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]

    story = CaseStudyPage.objects.get(slug="bakery")
    assert story.live and story.impact_measures.count() == 2
    html = admin_client.get("/case-studies/bakery/").content.decode()
    assert html.count("<h1") == 1
    assert "Crumb Co-operative (demo)" in html and "Bury" in html and "Changing ownership" in html
    assert '<span class="impact__value">£40,000</span>' in html
    assert '<span class="impact__value">12</span>' in html
    assert "We own the ovens now." in html
    assert "Converting to a co-op" in html.split('id="guides-heading"')[1]
    for query in (
        "type=co-operative",
        "area=bury",
        "stage=changing-ownership",
        "need=employee-ownership",
        "tag=bakery",
    ):
        assert (
            "A bakery owned by its bakers"
            in admin_client.get(f"/case-studies/?{query}").content.decode()
        )


def test_case_study_json_ld_is_an_article_about_the_organisation(client, section):
    story = make_case_study(
        section(CaseStudyIndexPage),
        organisation_name="Tame Solar (demo)",
        area="tameside",
        type="community-benefit-society",
    )
    html = client.get(story.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Article"
    assert data["about"]["@type"] == "Organization"
    assert data["about"]["name"] == "Tame Solar (demo)"
    assert data["about"]["address"]["addressLocality"] == "Tameside"
    assert '<meta property="og:type" content="article">' in html


def test_case_studies_filter_by_every_facet_with_counts(client, section):
    index = section(CaseStudyIndexPage)
    make_case_study(
        index,
        title="Pub",
        need=["funding"],
        stage="starting",
        type="community-benefit-society",
        area="bolton",
        sector="vcse",
        tags=["community shares"],
    )
    make_case_study(
        index,
        title="Care co-op",
        need=["governance"],
        stage="growing",
        type="co-operative",
        area="salford",
        sector="public",
    )
    for query, expected in [
        ("need=funding", ["Pub"]),
        ("stage=growing", ["Care co-op"]),
        ("type=co-operative", ["Care co-op"]),
        ("area=bolton", ["Pub"]),
        ("sector=public", ["Care co-op"]),
        ("tag=community-shares", ["Pub"]),
        ("area=bolton&area=salford", ["Care co-op", "Pub"]),
        ("area=bolton&stage=growing", []),
    ]:
        html = client.get(f"/case-studies/?{query}").content.decode()
        found = sorted(re.findall(r'<h3 class="result__title"><a href="[^"]+">([^<]+)</a>', html))
        assert found == expected, query
    html = client.get("/case-studies/?sector=vcse").content.decode()
    assert re.search(r'Salford</span>\s*<span class="count">0', html)
    assert re.search(r'Bolton</span>\s*<span class="count">1', html)


def test_providers_and_guides_link_back_through_related_names(section):
    story = make_case_study(section(CaseStudyIndexPage))
    guide = make_guide(section(GuideIndexPage))
    story.related_guides.add(guide)
    story.save()
    assert list(guide.case_studies.all()) == [story]
    assert CaseStudyPage._meta.get_field("providers").remote_field.related_name == "case_studies"


def test_script_typed_into_every_case_study_field_never_runs(admin_client, section):
    index = section(CaseStudyIndexPage)
    evil_rich = rich_text('<p>Hi <script>alert("x")</script><img src="x" onerror="alert(1)"/></p>')
    data = story_form(
        title=f"Story {EVIL}",
        organisation_name=EVIL,
        summary=EVIL,
        challenge=evil_rich,
        results=evil_rich,
        approach=streamfield(
            [
                ("paragraph", evil_rich),
                ("quote", {"quote": EVIL, "attribution": EVIL, "role": EVIL}),
                ("callout", {"kind": "info", "heading": EVIL, "text": evil_rich}),
            ]
        ),
        impact_measures=inline_formset(
            [{"measure": EVIL, "value": "1", "unit": EVIL[:30], "period": EVIL[:80]}]
        ),
        pull_quote=EVIL,
        quote_attribution=EVIL,
        search_description=EVIL,
    )
    response = admin_client.post(f"/admin/pages/add/casestudies/casestudypage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    for url in ("/case-studies/bakery/", "/case-studies/", "/"):
        assert_nothing_runs(admin_client.get(url).content.decode(), url)


def queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_case_study_pages_and_listing_queries_do_not_grow_with_content(client, section):
    index = section(CaseStudyIndexPage)
    story = make_case_study(
        index,
        need=["funding"],
        area="wigan",
        type="cic",
        impact=[("Jobs", 3, ""), ("Spend", 1000, "£")],
    )
    facets = lambda i: {"need": ["funding"], "area": [["wigan", "bury"][i % 2]]}  # noqa: E731
    make = lambda i: {"organisation_name": f"Org {i}", "summary": "s"}  # noqa: E731
    bulk_pages(index, CaseStudyPage, 10, facets=facets, make=make)
    urls = [story.url, "/case-studies/", "/case-studies/?need=funding&area=wigan&page=2", "/"]
    few = [queries_for(client, url) for url in urls]
    bulk_pages(index, CaseStudyPage, 490, facets=facets, make=make)
    assert [queries_for(client, url) for url in urls] == few
