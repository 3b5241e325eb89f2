"""A hub editor sets up a campaign with a short link and QR code; the widgets work when framed."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from home.models import HomePage
from portal.models import Area

pytestmark = pytest.mark.browser
PASSWORD = "a-long-browser-test-password"


def _log_in(page):
    get_user_model().objects.create_superuser("hubstaff", "hubstaff@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("hubstaff")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def _choose_page(page, field: str, title: str):
    """Open a page chooser field and pick a page by its title in the modal."""
    page.locator(f"#{field}-chooser .chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("searchbox").or_(modal.get_by_role("textbox")).first.fill(title)
    modal.get_by_role("link", name=title).first.click()
    modal.wait_for(state="hidden")


def test_a_hub_editor_sets_up_a_campaign_with_a_short_link_and_qr_code(page, live_site, axe_check):
    from campaigns.models import CampaignPage, ShortLink

    home = HomePage.objects.get(locale__language_code="en")
    wigan = Area.objects.get(slug="wigan", locale__language_code="en")
    _log_in(page)

    # 1. The campaign page, through the page editor.
    page.goto(f"/admin/pages/add/campaigns/campaignpage/{home.pk}/")
    page.locator("#id_title").fill("Wigan community business week")
    page.locator("#id_hero_heading").fill("Start a community business in Wigan")
    page.locator("#id_hero_text").fill("Free local help for a week.")
    page.locator(f'input[name="preset_areas"][value="{wigan.pk}"]').check()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.locator(".messages").get_by_text("published", exact=False).wait_for()
    campaign = CampaignPage.objects.get(title="Wigan community business week")
    assert campaign.live

    # 2. A short link to it, tagged with the campaign.
    page.goto("/admin/snippets/campaigns/shortlink/add/")
    page.locator("#id_slug").fill("wigan-week")
    page.locator("#id_label").fill("Posters in Wigan libraries")
    _choose_page(page, "id_target_page", "Wigan community business week")
    _choose_page(page, "id_campaign", "Wigan community business week")
    page.get_by_role("button", name="Save").first.click()
    page.locator(".messages").get_by_text("created", exact=False).wait_for()
    link = ShortLink.objects.get(slug="wigan-week")
    assert (link.target_page_id, link.campaign_id) == (campaign.pk, campaign.pk)

    # 3. Its QR code, from the list of short links.
    page.goto("/admin/snippets/campaigns/shortlink/")
    page.get_by_role("button", name="More options for '/go/wigan-week'").click()
    page.get_by_role("link", name="QR code").click()
    page.wait_for_url(f"**/admin/campaigns/links/{link.pk}/qr/")
    with page.expect_download() as svg:
        page.get_by_role("link", name="Download SVG").click()
    assert svg.value.suggested_filename == "qr-wigan-week.svg"
    assert b"<svg" in Path(svg.value.path()).read_bytes()
    with page.expect_download() as png:
        page.get_by_role("link", name="Download PNG").click()
    assert png.value.suggested_filename == "qr-wigan-week.png"
    assert Path(png.value.path()).read_bytes().startswith(b"\x89PNG")

    # 4. Someone scans it: the short link lands on the campaign, tagged.
    visitor = page.context.browser.new_context(base_url=live_site.url)
    public = visitor.new_page()
    public.goto("/go/wigan-week")
    tag = "campaign=wigan-community-business-week"
    assert public.url.endswith(f"/wigan-community-business-week/?{tag}")
    public.get_by_role("heading", level=1, name="Start a community business in Wigan").wait_for()
    axe_check(public)
    public.get_by_role("link", name="Answer a few questions").first.click()
    assert "area=wigan" in public.url and tag in public.url
    visitor.close()

    # 5. The visit shows in the campaign's report.
    page.goto("/admin/campaigns/")
    page.get_by_role("link", name="Wigan community business week").click()
    assert page.locator("[data-report-visits]").inner_text() == "1"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def partner_site(tmp_path, live_site):
    """A second origin (another port) serving a partner's page that embeds both widgets."""
    (tmp_path / "index.html").write_text(
        "<!DOCTYPE html><html lang='en'><head><title>Partner council</title></head><body>"
        "<main><h1>Our council's page</h1>"
        f"<iframe id='questions' src='{live_site.url}/embed/find-support/' "
        "title='Find support' width='500' height='400'></iframe>"
        f"<iframe id='directory' src='{live_site.url}/embed/directory-search/' "
        "title='Search the directory' width='500' height='420'></iframe>"
        "</main></body></html>"
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=tmp_path))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_widgets_work_inside_a_cross_origin_iframe(page, live_site, partner_site, axe_check):
    from tests.triage_content import questionnaire_page

    questionnaire_page(HomePage.objects.get(locale__language_code="en"))
    page.goto(f"{partner_site}/index.html")
    assert not live_site.url.startswith(partner_site)
    questions = page.frame_locator("#questions")
    questions.get_by_role("heading", name="Find support for your social business").wait_for()
    directory = page.frame_locator("#directory")
    directory.get_by_role("heading", name="Search the directory of support").wait_for()

    questions.get_by_label("What do you need help with?").select_option("funding")
    questions.get_by_label("Where are you based?").select_option("wigan")
    questions.get_by_role("button", name="Start the questions").click()
    page.wait_for_url(f"{live_site.url}/find-support/**")
    assert "need=funding" in page.url and "area=wigan" in page.url
    assert page.locator("h1").count() == 1

    for url in ("/embed/find-support/", "/embed/directory-search/"):
        page.goto(f"{live_site.url}{url}")
        axe_check(page)
    assert not [e for e in page.console_errors if "frame" in e.lower()]
