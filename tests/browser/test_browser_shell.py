"""The shell of every page in a real browser: accessible, usable by keyboard, no external assets."""

import pytest

pytestmark = pytest.mark.browser

SECTION_PATHS = ["/", "/guides/", "/training/", "/case-studies/", "/directory/", "/find-support/"]


@pytest.mark.parametrize("path", SECTION_PATHS)
def test_section_pages_have_no_axe_violations(page, axe_check, path):
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    axe_check(page)
    assert page.console_errors == []


def test_404_page_is_accessible(page, axe_check):
    response = page.goto("/this/does/not/exist/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Page not found").is_visible()
    axe_check(page)


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_every_request_stays_on_this_site(page, live_site):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert requested
    assert all(url.startswith(live_site.url) for url in requested), requested


def test_layout_fits_a_320_pixel_screen(page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_header_search_goes_to_results(page):
    page.goto("/")
    page.get_by_role("searchbox", name="Search the site").fill("guides")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url("**/search/?q=guides")
    assert page.locator("h1").inner_text() == "Search"
