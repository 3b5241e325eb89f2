"""Anonymous counting of completed journeys, and the demand and gap reports for hub staff."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.triage_content import questionnaire_page

pytestmark = pytest.mark.django_db


def test_the_counter_keeps_nothing_about_the_visitor():
    from triage.models import DemandCount

    names = {field.name for field in DemandCount._meta.get_fields()}
    assert names == {
        "id",
        "day",
        "questionnaire",
        "param",
        "value",
        "other_param",
        "other_value",
        "count",
    }
    for word in ("ip", "address", "cookie", "session", "user", "email", "time"):
        assert not any(word in name.split("_") for name in names)


def finish(client, url):
    response = client.get(url)
    assert response["Location"].startswith("/find-support/results/")
    return response


def test_completed_journeys_are_counted_by_day_value_and_pair(client, home):
    from triage.models import DemandCount

    questionnaire_page(home)
    last = "/find-support/?stage=exploring&skip=type&need=funding&need=premises&q=area&answer=10"
    finish(client, last)
    finish(client, last)
    # Changing an answer from the plan is not a new journey.
    finish(
        client,
        "/find-support/?stage=exploring&skip=type&need=funding&need=premises&changing=1&q=area&answer=1",
    )
    today = timezone.localdate()
    counts = {
        (r.param, r.value, r.other_param, r.other_value): r.count
        for r in DemandCount.objects.filter(day=today)
    }
    assert counts[("", "", "", "")] == 2
    assert counts[("need", "funding", "", "")] == 2
    assert counts[("area", "wigan", "", "")] == 2
    assert counts[("need", "premises", "area", "wigan")] == 2
    assert counts[("need", "funding", "stage", "exploring")] == 2
    assert ("area", "bolton", "", "") not in counts
    # Looking at a plan (a bookmark, a shared link) counts nothing.
    client.get("/find-support/results/?stage=exploring&need=funding&area=wigan")
    assert DemandCount.objects.get(day=today, param="").count == 2


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=io.StringIO())


def test_reports_on_demo_data_show_demand_and_real_gaps_with_csv(admin_client, demo_site):
    """One test, because loading the whole demo site takes a while."""
    response = admin_client.get("/admin/reports/demand/?facet=need&period=week")
    html = response.content.decode()
    assert response.status_code == 200
    assert "What people ask for" in html
    assert "Funding and social investment" in html
    assert "Journeys completed" in html

    response = admin_client.get("/admin/reports/demand/?facet=area&period=month&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Area" and rows[0][-1] == "Total"
    assert rows[-1][0] == "Journeys completed"
    assert sum(int(n) for n in rows[-1][1:-1]) == int(rows[-1][-1])
    assert {row[0] for row in rows[1:-1]} <= {
        "Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport",
        "Tameside", "Trafford", "Wigan", "National or online",
    }  # fmt: skip

    # The gap report: every gap it lists is real in the demo content.
    from directory.models import ProviderPage
    from guides.models import GuidePage
    from portal.models import PageFacet
    from triage import reports

    until = timezone.localdate()
    gaps = reports.gaps(since=until - datetime.timedelta(days=60), until=until)
    assert {gap.kind for gap in gaps} == {"provider", "guide"}
    for gap in gaps:
        model = ProviderPage if gap.kind == "provider" else GuidePage
        pages = model.objects.live().filter(locale__language_code="en")
        has_need = PageFacet.objects.filter(param="need", value=gap.need).values("page_id")
        has_other = PageFacet.objects.filter(param=gap.other_param, value=gap.other).values(
            "page_id"
        )
        assert not pages.filter(pk__in=has_need).filter(pk__in=has_other).exists(), gap

    html = admin_client.get("/admin/reports/gaps/").content.decode()
    assert "No provider serves this borough for this need" in html
    assert "No guide covers this need at this stage" in html

    response = admin_client.get("/admin/reports/gaps/?export=csv&since=2000-01-01")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Gap", "Support need", "Borough or stage", "Times asked"]
    assert len(rows) == len(gaps) + 1


def test_reports_need_permission_and_bad_dates_do_not_break_them(client, admin_client, db):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("editor", password="x")  # noqa: S106
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/reports/gaps/").status_code in (302, 403)
    for query in (
        "since=nonsense",
        "until=2026-99-99",
        "facet=<b>&period=year",
        "since=1900-01-01",
    ):
        assert admin_client.get(f"/admin/reports/demand/?{query}").status_code == 200
        assert admin_client.get(f"/admin/reports/gaps/?{query}").status_code == 200
