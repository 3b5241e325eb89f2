"""Approval, review reminders, audit, the recycle bin and inviting partner editors."""

import datetime
import io
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from directory.models import DirectoryIndexPage, ProviderPage
from editorial.models import DeletedPage
from editorial.roles import HUB_EDITORS, PARTNER_EDITORS
from portal.models import PartnerOrganisation
from tests.admin_forms import page_form_data
from tests.test_editorial_permissions import _publish, _user

TODAY = timezone.localdate()


@pytest.fixture
def alpha(db):
    return PartnerOrganisation.objects.create(
        name="Alpha Co-op Support (demo)", slug="alpha", contact_email="alpha@example.org"
    )


@pytest.fixture
def partner(alpha):
    return _user("alpha-editor", PARTNER_EDITORS, alpha)


@pytest.fixture
def hub_editor(db):
    return _user("hub-editor", HUB_EDITORS)


@pytest.fixture
def listing(section, alpha):
    return _publish(
        section(DirectoryIndexPage),
        ProviderPage(
            title="Alpha advice line",
            slug="alpha-advice",
            summary="Free advice.",
            owner_organisation=alpha,
        ),
    )


@pytest.mark.django_db
def test_partner_change_goes_through_approval_and_goes_live(client, partner, hub_editor, listing):
    client.force_login(partner)
    data = page_form_data(
        listing, partner, summary="Free advice, now on Saturdays too.", **{"action-submit": "1"}
    )
    assert client.post(f"/admin/pages/{listing.pk}/edit/", data).status_code == 302
    listing.refresh_from_db()
    assert listing.summary == "Free advice."  # not live until approved
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(listing.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert any(hub_editor.email in message.to for message in mail.outbox)  # approver told

    client.force_login(hub_editor)
    compare = client.get(f"/admin/pages/{listing.pk}/workflow_history/")
    assert compare.status_code == 200
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/{listing.pk}/edit/",
        page_form_data(
            listing,
            hub_editor,
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
    )
    assert response.status_code == 302, task_state
    listing.refresh_from_db()
    assert listing.summary == "Free advice, now on Saturdays too."
    assert PageLogEntry.objects.filter(
        page=listing, action="wagtail.publish", user=hub_editor
    ).exists()
    assert PageLogEntry.objects.filter(
        page=listing, action="wagtail.workflow.start", user=partner
    ).exists()


@pytest.mark.django_db
def test_every_change_is_in_the_audit_log_with_who_and_when(client, hub_editor, listing):
    client.force_login(hub_editor)
    data = page_form_data(
        listing, hub_editor, title="Alpha advice line (new hours)", **{"action-publish": "1"}
    )
    client.post(f"/admin/pages/{listing.pk}/edit/", data)
    entry = PageLogEntry.objects.filter(page=listing, action="wagtail.publish").latest("timestamp")
    assert entry.user == hub_editor
    assert entry.timestamp.date() == TODAY
    assert client.get("/admin/reports/site-history/").status_code == 200


@pytest.mark.django_db
def test_a_bad_edit_can_be_rolled_back_to_an_earlier_revision(client, hub_editor, listing):
    client.force_login(hub_editor)
    good = listing.latest_revision
    data = page_form_data(
        listing, hub_editor, summary="Oops, wrong text", **{"action-publish": "1"}
    )
    client.post(f"/admin/pages/{listing.pk}/edit/", data)
    listing.refresh_from_db()
    assert listing.summary == "Oops, wrong text"
    revert = client.get(f"/admin/pages/{listing.pk}/revisions/{good.pk}/revert/")
    assert revert.status_code == 200
    data = page_form_data(listing, hub_editor, summary="Free advice.", **{"action-publish": "1"})
    data["revision"] = good.pk
    client.post(f"/admin/pages/{listing.pk}/edit/", data)
    listing.refresh_from_db()
    assert listing.summary == "Free advice."


@pytest.mark.django_db
def test_deleted_page_goes_to_the_recycle_bin_and_can_be_restored(client, admin_user, listing):
    client.force_login(admin_user)
    url = listing.url
    response = client.post(f"/admin/pages/{listing.pk}/delete/")
    assert response.status_code == 302
    assert client.get(url).status_code == 404  # gone from the public site
    record = DeletedPage.objects.get(page_id=listing.pk)
    assert record.was_live
    bin_page = client.get("/admin/recycle-bin/")
    assert "Alpha advice line" in bin_page.content.decode()

    client.post(f"/admin/recycle-bin/{record.pk}/restore/")
    assert not DeletedPage.objects.exists()
    assert client.get(url).status_code == 200  # back where it was, live again


@pytest.mark.django_db
def test_review_report_and_reminders_cover_overdue_and_due_soon_pages(
    client, hub_editor, section, alpha, partner
):
    directory = section(DirectoryIndexPage)
    old = _publish(
        directory,
        ProviderPage(
            title="Long unchecked listing",
            slug="old",
            summary="Old.",
            owner_organisation=alpha,
            last_reviewed=TODAY - datetime.timedelta(days=600),
        ),
    )
    soon = _publish(
        directory,
        ProviderPage(
            title="Due soon listing",
            slug="soon",
            summary="Soon.",
            owner_organisation=alpha,
            last_reviewed=TODAY - datetime.timedelta(days=350),
        ),
    )
    _publish(
        directory,
        ProviderPage(
            title="Freshly checked listing",
            slug="fresh",
            summary="Fresh.",
            owner_organisation=alpha,
        ),
    )

    client.force_login(hub_editor)
    html = client.get("/admin/reviews/").content.decode()
    assert alpha.name in html
    assert old.title in html and soon.title in html
    assert "Freshly checked listing" not in html
    assert "Overdue by" in html and "Due in 15 days" in html
    csv_text = client.get("/admin/reviews/?format=csv").content.decode()
    assert csv_text.splitlines()[0] == "owner,title,type,review due,overdue,url"
    assert len(csv_text.splitlines()) == 3

    mail.outbox.clear()
    call_command("send_review_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {"alpha@example.org", partner.email}
    assert old.title in message.body and soon.title in message.body


@pytest.mark.parametrize("kind", ["guide", "module", "provider"])
@pytest.mark.django_db
def test_public_pages_far_past_review_warn_that_they_may_be_out_of_date(client, section, kind):
    from guides.models import GuideIndexPage, TrainingIndexPage
    from tests.content_factories import make_guide, make_module

    long_ago = TODAY - datetime.timedelta(days=365 + 200)  # review due ~6.5 months ago
    a_while_ago = TODAY - datetime.timedelta(days=365 + 20)  # overdue, but only just
    pages = []
    for n, reviewed in enumerate((long_ago, a_while_ago)):
        if kind == "guide":
            page = make_guide(section(GuideIndexPage), last_reviewed=reviewed)
        elif kind == "module":
            page = make_module(section(TrainingIndexPage), last_reviewed=reviewed)
        else:
            page = _publish(
                section(DirectoryIndexPage),
                ProviderPage(
                    title=f"Provider {n}",
                    slug=f"provider-{n}",
                    summary="Help.",
                    last_reviewed=reviewed,
                ),
            )
        pages.append(client.get(page.url).content.decode())
    stale, recent = pages
    assert "may be out of date" in stale or "may have changed" in stale
    assert "may be out of date" not in recent and "may have changed" not in recent
    assert f"{long_ago.day} {long_ago:%B %Y}" in stale  # the "last reviewed" date is shown


@pytest.mark.django_db
def test_admin_invites_a_partner_editor_from_the_admin(client, admin_user, alpha):
    client.force_login(admin_user)
    listing = client.get("/admin/snippets/portal/partnerorganisation/").content.decode()
    assert f"/admin/partners/{alpha.pk}/invite/" in listing
    response = client.post(
        f"/admin/partners/{alpha.pk}/invite/",
        {"email": "new.editor@example.org", "first_name": "Nia"},
    )
    assert response.status_code == 302
    user = alpha.editors.get(email="new.editor@example.org")
    assert user.groups.filter(name=PARTNER_EDITORS).exists()
    assert not user.has_usable_password()
    assert mail.outbox[-1].to == ["new.editor@example.org"]
    assert "/admin/password_reset/" in mail.outbox[-1].body


@pytest.mark.django_db
def test_bad_invitation_input_gets_a_clear_message(client, admin_user, alpha):
    client.force_login(admin_user)
    response = client.post(f"/admin/partners/{alpha.pk}/invite/", {"email": "not-an-address"})
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()
    assert not alpha.editors.exists()


@pytest.mark.django_db
def test_add_partner_command_creates_the_organisation_and_invites(db):
    out = io.StringIO()
    call_command(
        "add_partner",
        "Gamma Housing Co-op (demo)",
        "--editor",
        "g1@example.org",
        "--editor",
        "g2@example.org",
        "--contact-email",
        "gamma@example.org",
        stdout=out,
    )
    call_command(
        "add_partner", "Gamma Housing Co-op (demo)", "--editor", "g1@example.org", stdout=out
    )
    organisation = PartnerOrganisation.objects.get(name="Gamma Housing Co-op (demo)")
    assert sorted(organisation.editors.values_list("email", flat=True)) == [
        "g1@example.org",
        "g2@example.org",
    ]
    assert len(mail.outbox) == 3  # two invitations, then a fresh link for the existing editor


@pytest.mark.django_db
def test_scheduled_change_goes_live_when_the_scheduled_job_runs(client, hub_editor, listing):
    client.force_login(hub_editor)
    go_live = timezone.now() + datetime.timedelta(seconds=4)
    data = page_form_data(
        listing, hub_editor, summary="From next month: evening sessions.", **{"action-publish": "1"}
    )
    data["go_live_at"] = timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M:%S")
    client.post(f"/admin/pages/{listing.pk}/edit/", data)
    call_command("publish_scheduled", stdout=io.StringIO())
    listing.refresh_from_db()
    assert listing.summary == "Free advice."  # scheduled, not yet due
    assert listing.latest_revision.approved_go_live_at is not None
    time.sleep(max(0.0, (go_live - timezone.now()).total_seconds()) + 0.5)
    call_command("publish_scheduled", stdout=io.StringIO())
    listing.refresh_from_db()
    assert listing.summary == "From next month: evening sessions."


@pytest.mark.django_db
def test_approver_sees_what_changed(client, partner, hub_editor, listing):
    listing.summary = "Changed by the partner"
    revision = listing.save_revision(user=partner)
    client.force_login(hub_editor)
    response = client.get(f"/admin/pages/{listing.pk}/revisions/compare/live...{revision.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Changed by the partner" in html and "Free advice." in html


@pytest.mark.django_db
def test_overdue_report_and_reminders_work_on_the_demo_content(client, admin_user):
    call_command("load_demo_content", stdout=io.StringIO())
    overdue = [
        p for p in ProviderPage.objects.filter(locale__language_code="en") if p.review_overdue
    ]
    assert overdue, "the demo directory has entries whose review date has passed"
    stale = overdue[0]

    client.force_login(admin_user)
    report = client.get("/admin/reviews/").content.decode()
    assert stale.title in report
    assert stale.owner_organisation is None or stale.owner_organisation.name in report
    csv_export = client.get("/admin/reviews/?format=csv").content.decode()
    assert stale.title in csv_export

    out = io.StringIO()
    call_command("send_review_reminders", stdout=out)
    assert mail.outbox, out.getvalue()
    reminder = next(m for m in mail.outbox if stale.title in m.body)
    if stale.owner_organisation:
        assert stale.owner_organisation.contact_email in reminder.to
