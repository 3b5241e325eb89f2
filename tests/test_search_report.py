"""Hub staff see what visitors could not find, and can download it."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission

from search.models import ZeroResultQuery

REPORT = "/admin/reports/searches-with-no-results/"


@pytest.fixture
def recorded(db):
    for _ in range(3):
        ZeroResultQuery.record("Allotment gardens", language="en")
    ZeroResultQuery.record("ogródki działkowe", language="pl")
    ZeroResultQuery.record("call 0161 496 0999 or mail a@example.org", language="en")


@pytest.fixture
def hub_staff(django_user_model):
    user = django_user_model.objects.create_user("staff", "staff@example.org", "x" * 16)
    group = Group.objects.create(name="Search report readers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_zeroresultquery"),
    )
    user.groups.add(group)
    return user


@pytest.mark.django_db
def test_record_normalises_and_counts(recorded):
    rows = {(r.query, r.language): r.count for r in ZeroResultQuery.objects.all()}
    assert rows == {
        ("allotment gardens", "en"): 3,
        ("ogródki działkowe", "pl"): 1,
        ("call [number] or mail [email]", "en"): 1,
    }


@pytest.mark.django_db
def test_staff_see_the_report_most_searched_first(client, hub_staff, recorded):
    client.force_login(hub_staff)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Searches with no results" in html
    assert html.index("allotment gardens") < html.index("ogródki działkowe")
    menu = client.get("/admin/").content.decode()
    assert "Searches with no results" in menu  # in the Reports menu


@pytest.mark.django_db
def test_report_downloads_as_csv(client, hub_staff, recorded):
    client.force_login(hub_staff)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "searches-with-no-results-" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == [
        "Search words",
        "Language",
        "Times searched",
        "First searched",
        "Last searched",
    ]
    assert rows[1][:3] == ["allotment gardens", "en", "3"]


@pytest.mark.django_db
def test_editors_without_the_permission_cannot_see_it(client, django_user_model, recorded):
    editor = django_user_model.objects.create_user("editor", "e@example.org", "x" * 16)
    group = Group.objects.create(name="Plain editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "allotment gardens" not in client.get("/admin/").content.decode()
