"""A partner editor's change goes live only after a hub editor approves it, in a real browser."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from directory.models import DirectoryIndexPage, ProviderPage
from editorial.roles import HUB_EDITORS, PARTNER_EDITORS
from home.models import HomePage
from portal.models import PartnerOrganisation

pytestmark = pytest.mark.browser
PASSWORD = "a-long-browser-test-password"


def _user(username, group, organisation=None):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
    if organisation:
        organisation.editors.add(user)
    return user


def _log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def _log_out(page):
    page.context.clear_cookies()


@pytest.fixture
def listing(live_site):
    alpha = PartnerOrganisation.objects.create(name="Alpha Co-op Support (demo)", slug="alpha")
    _user("partner", PARTNER_EDITORS, alpha)
    _user("moderator", HUB_EDITORS)
    directory = DirectoryIndexPage.objects.child_of(
        HomePage.objects.get(locale__language_code="en")
    ).get()
    provider = ProviderPage(
        title="Alpha advice line",
        slug="alpha-advice",
        summary="Free advice on weekdays.",
        owner_organisation=alpha,
    )
    directory.add_child(instance=provider)
    provider.save_revision().publish()
    return provider


def test_partner_edits_submits_and_hub_editor_approves(page, listing):
    _log_in(page, "partner")
    page.goto(f"/admin/pages/{listing.pk}/edit/")
    page.locator("#id_summary").fill("Free advice on weekdays and Saturday mornings.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Hub approval").click()
    page.locator(".messages").get_by_text("submitted", exact=False).wait_for()

    public = page.context.new_page()
    public.goto(listing.url)
    assert "Saturday mornings" not in public.content()  # waiting for approval

    _log_out(page)
    _log_in(page, "moderator")
    page.goto(f"/admin/pages/{listing.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve").first.click()
    page.locator(".messages").get_by_text("has been updated", exact=False).wait_for()

    public.goto(listing.url)
    assert "Saturday mornings" in public.content()
