"""Bulk onboarding: CSV and JSON export; CSV import with a dry run, by command and in the admin."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry

from directory.models import ProviderPage
from directory.transfer import export_csv, import_providers
from directory.transfer.importing import ImportFileError
from tests.test_directory_factories import make_provider


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def to_csv(rows: list[dict], columns=None) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns or list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.fixture
def providers(db):
    return [
        make_provider(
            "Bolton Start-up Clinic",
            external_id="bolton-1",
            areas=("bolton",),
            postcode="BL1 1HL",
            languages="en, ur",
            tags=("co-operatives",),
        ),
        make_provider("Wigan Money Desk", external_id="wigan-1", areas=("wigan",), cost="paid"),
    ]


@pytest.fixture
def importer(django_user_model):
    return django_user_model.objects.create_superuser("importer", "importer@example.org", "x")


def test_export_has_every_provider_and_column(providers):
    rows = rows_of(export_csv())
    assert [r["name"] for r in rows] == ["Bolton Start-up Clinic", "Wigan Money Desk"]
    bolton = rows[0]
    assert bolton["areas"] == "bolton" and bolton["languages"] == "en; ur"
    assert bolton["postcode"] == "BL1 1HL" and bolton["tags"] == "co-operatives"
    assert bolton["uuid"] == str(providers[0].uuid)


def test_export_neutralises_formulas(providers):
    page = providers[0]
    page.summary = '=HYPERLINK("https://evil.example","click")'
    page.phone = "+44 161 496 0000"
    page.cost_note = "@SUM(A1)"
    page.save_revision().publish()
    row = rows_of(export_csv())[0]
    assert row["summary"].startswith("'=HYPERLINK")
    assert row["phone"] == "'+44 161 496 0000"
    assert row["cost_note"] == "'@SUM(A1)"


def test_json_export(providers):
    out = io.StringIO()
    call_command("export_providers", format="json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["providers"][0]["languages"] == ["en", "ur"]
    assert data["providers"][1]["external_id"] == "wigan-1"


def test_round_trip_by_command_export_edit_dry_run_import(providers, importer, tmp_path):
    path = tmp_path / "directory.csv"
    call_command("export_providers", output=str(path), stdout=io.StringIO())
    rows = rows_of(path.read_text(encoding="utf-8"))
    rows[1]["summary"] = "Loans and grants for Wigan social businesses."
    rows[1]["areas"] = "wigan; gm-wide"
    rows.append(
        {
            **rows[0],
            "external_id": "new-1",
            "name": "Stockport Board School",
            "postcode": "SK1 1JT",
            "areas": "stockport",
            "uuid": "",
            "url": "",
        }
    )
    path.write_bytes(to_csv(rows))

    dry = io.StringIO()
    call_command("import_providers", str(path), stdout=dry)
    report = dry.getvalue()
    assert "unchanged bolton-1" in report
    assert "update wigan-1" in report and "summary" in report and "areas" in report
    assert "create new-1" in report
    assert "Dry run: nothing was changed" in report
    assert not ProviderPage.objects.filter(external_id="new-1").exists()

    done = io.StringIO()
    call_command("import_providers", str(path), apply=True, user="importer", stdout=done)
    assert "Import applied" in done.getvalue()
    wigan = ProviderPage.objects.get(external_id="wigan-1")
    assert wigan.summary.startswith("Loans and grants")
    assert {a.slug for a in wigan.areas.all()} == {"wigan", "gm-wide"}
    assert wigan.live_revision.user == importer
    new = ProviderPage.objects.get(external_id="new-1")
    assert new.live and new.locations.get().postcode == "SK1 1JT"
    assert PageLogEntry.objects.filter(page=new, action="wagtail.publish", user=importer).exists()
    # The facet index and search index follow the import.
    from django.test import Client

    client = Client()
    listing = client.get("/directory/", {"area": "stockport", "q": "board school"})
    assert [c.page.title for c in listing.context["listing"].cards] == ["Stockport Board School"]
    client.force_login(importer)
    assert client.get(f"/admin/pages/{new.pk}/edit/").status_code == 200
    assert new.get_latest_revision_as_object().locations.get().postcode == "SK1 1JT"
    assert client.get(new.url).status_code == 200

    again = io.StringIO()
    call_command("import_providers", str(path), apply=True, user="importer", stdout=again)
    assert "3 unchanged" in again.getvalue()
    assert ProviderPage.objects.count() == 3


def test_a_bad_row_rejects_the_whole_file_and_changes_nothing(providers, importer):
    rows = rows_of(export_csv())
    rows[0]["summary"] = "Changed"
    rows.append(
        {**rows[0], "external_id": "bad-1", "areas": "atlantis", "email": "nope", "name": ""}
    )
    report = import_providers(to_csv(rows), user=importer, dry_run=False)
    assert not report.applied
    bad = next(r for r in report.rows if r.external_id == "bad-1")
    assert bad.action == "reject"
    reasons = " ".join(bad.reasons)
    assert "Unknown area slug(s): atlantis" in reasons
    assert "Bad email address" in reasons and "Missing name" in reasons
    assert ProviderPage.objects.get(external_id="bolton-1").summary != "Changed"
    with pytest.raises(CommandError):
        call_command("import_providers", "/no/such/file.csv", stdout=io.StringIO())


def test_broken_files_get_clear_messages(providers):
    with pytest.raises(ImportFileError, match="not UTF-8"):
        import_providers("external_id,name\nx,Caf\xe9".encode("latin-1"))
    with pytest.raises(ImportFileError, match="no external_id column"):
        import_providers(b"name,summary\nA,B\n")
    with pytest.raises(ImportFileError, match="empty"):
        import_providers(b"")
    extra = import_providers(b"external_id,name,summary,favourite_colour\nn1,New,A summary,blue\n")
    assert "favourite_colour" in extra.warnings[0]
    assert extra.rows[0].action == "create"
    too_many = import_providers(b"external_id,name\nn2,New,surprise\n")
    assert "more cells" in too_many.rows[0].reasons[0]


def test_ten_thousand_blank_lines_are_skipped(providers):
    data = b"\xef\xbb\xbfexternal_id,name,summary\n" + b",,\n" * 10_000 + b"n3,Late,Found\n"
    report = import_providers(data)
    assert [r.action for r in report.rows] == ["create"]
    assert report.rows[0].line == 10_002


def test_nothing_is_removed_unless_asked(providers, importer):
    only_bolton = to_csv([rows_of(export_csv())[0]])
    kept = import_providers(only_bolton, user=importer, dry_run=False)
    assert kept.applied and ProviderPage.objects.get(external_id="wigan-1").live
    withdrawn = import_providers(only_bolton, user=importer, dry_run=False, delete_missing=True)
    assert [r.external_id for r in withdrawn.rows if r.action == "withdraw"] == ["wigan-1"]
    wigan = ProviderPage.objects.get(external_id="wigan-1")
    assert not wigan.live  # unpublished, with its history, not destroyed


def test_round_trip_in_the_admin(admin_client, providers):
    response = admin_client.get("/admin/directory/export/?format=csv")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = rows_of(response.content.decode("utf-8"))
    rows[0]["cost"] = "subsidised"
    upload = io.BytesIO(to_csv(rows))
    upload.name = "edited.csv"
    dry = admin_client.post("/admin/directory/import/", {"file": upload})
    assert dry.status_code == 200
    html = dry.content.decode()
    assert "Check before importing" in html and "Changes: cost" in html
    assert ProviderPage.objects.get(external_id="bolton-1").cost == "free"
    token = dry.context["token"]
    done = admin_client.post("/admin/directory/import/confirm/", {"token": token})
    assert done.status_code == 200
    assert "Import finished: 0 created, 1 updated" in done.content.decode()
    assert ProviderPage.objects.get(external_id="bolton-1").cost == "subsidised"
    expired = admin_client.post("/admin/directory/import/confirm/", {"token": token})
    assert expired.status_code == 302


def test_the_admin_explains_a_broken_upload(admin_client, providers):
    upload = io.BytesIO("external_id,name\nx,Caf\xe9".encode("cp1252"))
    upload.name = "excel.csv"
    response = admin_client.post("/admin/directory/import/", {"file": upload})
    assert response.status_code == 200
    assert "CSV UTF-8" in response.content.decode()


def test_only_hub_staff_may_import(client, django_user_model, providers):
    user = django_user_model.objects.create_user("editor", "e@example.org", "x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/directory/import/").status_code in (302, 403)
    assert client.get("/admin/directory/export/").status_code in (302, 403)
