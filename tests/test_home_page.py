"""The home page shows what is new and what is coming up; the demo content fills the site once."""

import io
import re

import pytest
from django.core.management import call_command

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from guides.models import (
    GuideIndexPage,
    GuidePage,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingSession,
)
from portal.models import Area, PageFacet, Stage, SupportNeed
from tests.content_factories import make_case_study, make_guide, make_module, terms

pytestmark = pytest.mark.django_db


def section_html(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_home_shows_latest_guides_upcoming_sessions_a_story_and_popular_needs(
    client, section, home
):
    guides = section(GuideIndexPage)
    for n in range(4):
        make_guide(guides, title=f"Guide number {n}", need=["funding"])
    make_guide(guides, title="Governance guide", need=["governance"])
    make_module(section(TrainingIndexPage), title="Bid writing", sessions=[(-1, False), (6, True)])
    make_case_study(section(CaseStudyIndexPage), title="Older story")
    newest = make_case_study(section(CaseStudyIndexPage), title="Newest story", area="oldham")

    html = client.get("/").content.decode()
    latest = section_html(html, "guides-heading")
    assert "Governance guide" in latest and "Guide number 0" not in latest  # newest three
    sessions = section_html(html, "sessions-heading")
    assert sessions.count("Bid writing") == 1  # the past session is not listed
    assert "Online" in sessions
    assert "Newest story" in section_html(html, "story-heading")
    needs = section_html(html, "needs-heading")
    assert needs.index("Funding and social investment") < needs.index("Governance and boards")
    assert 'href="/guides/?need=funding"' in needs

    home.featured_case_study = CaseStudyPage.objects.get(title="Older story")
    home.popular_needs.set(terms(SupportNeed, ["premises"]))
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Older story" in section_html(html, "story-heading")
    assert newest.title not in section_html(html, "story-heading")
    assert re.search(
        r'href="/guides/\?need=premises">Premises and community assets',
        section_html(html, "needs-heading"),
    )


def test_home_with_no_content_still_renders(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'id="sessions-heading"' not in html


def test_home_does_not_import_the_content_apps():
    from pathlib import Path

    for name in ("models.py", "queries.py"):
        source = (Path(__file__).parent.parent / "home" / name).read_text()
        assert not re.search(r"^\s*(from|import) (guides|casestudies)\b", source, re.M), name


def test_demo_content_loads_twice_without_duplicates_and_covers_the_vocabulary(client):
    call_command("load_demo_content", stdout=io.StringIO())
    counts = (
        GuidePage.objects.count(),
        TrainingModulePage.objects.count(),
        TrainingSession.objects.count(),
        CaseStudyPage.objects.count(),
        PageFacet.objects.count(),
    )
    call_command("load_demo_content", stdout=io.StringIO())
    again = (
        GuidePage.objects.count(),
        TrainingModulePage.objects.count(),
        TrainingSession.objects.count(),
        CaseStudyPage.objects.count(),
        PageFacet.objects.count(),
    )
    assert again == counts
    assert counts[0] >= 15 and counts[1] >= 6 and counts[3] >= 10
    from django.utils import timezone

    assert TrainingSession.objects.filter(starts_at__lt=timezone.now()).exists()
    assert TrainingSession.objects.filter(starts_at__gte=timezone.now()).exists()

    content = (
        list(GuidePage.objects.values_list("pk", flat=True))
        + list(TrainingModulePage.objects.values_list("pk", flat=True))
        + list(CaseStudyPage.objects.values_list("pk", flat=True))
    )
    covered = {
        (param, value)
        for param, value in PageFacet.objects.filter(
            page_id__in=content, implied=False
        ).values_list("param", "value")
    }
    for model, param in ((SupportNeed, "need"), (Stage, "stage")):
        for slug in model.objects.values_list("slug", flat=True):
            assert (param, slug) in covered, f"{param}={slug}"
    for slug in Area.objects.filter(coverage="borough").values_list("slug", flat=True):
        assert ("area", slug) in covered, slug

    for url in ("/", "/guides/", "/training/", "/case-studies/"):
        assert client.get(url).status_code == 200
    for page in [
        *GuidePage.objects.all(),
        *TrainingModulePage.objects.all(),
        *CaseStudyPage.objects.all(),
    ]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert response.content.decode().count("<h1") == 1
