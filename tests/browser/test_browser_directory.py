"""The directory in a browser: filter, search and open a provider, with and without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.test_directory_factories import make_provider

pytestmark = pytest.mark.browser


@pytest.fixture
def providers(live_site):
    return [
        make_provider(
            "Wigan Co-op Clinic",
            needs=("starting-up",),
            areas=("wigan",),
            postcode="WN1 1AA",
            summary="Evening clinics for new co-operatives.",
            languages="en, ur",
        ),
        make_provider(
            "Greater Manchester Tender Helpdesk",
            needs=("tendering",),
            areas=("gm-wide",),
            summary="Bid reviews for public contracts.",
        ),
        make_provider(
            "Bolton Board School",
            needs=("governance",),
            areas=("bolton",),
            postcode="BL1 1HL",
            summary="Training for trustees and directors.",
        ),
    ]


def result_titles(page) -> list[str]:
    return page.locator(".result__title a").all_inner_texts()


def choose(page, group: str, option: str) -> None:
    details = page.locator("details", has=page.locator("summary", has_text=group))
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    details.get_by_role("link", name=option).click()


def test_filter_search_and_open_a_provider_with_javascript(page, axe_check, providers):
    page.goto("/directory/")
    assert len(result_titles(page)) == 3
    axe_check(page)
    page.evaluate("window.__sameDocument = true")

    choose(page, "Area", "Wigan")
    page.wait_for_url("**/directory/?area=wigan")
    expect(page.locator("[data-listing-root][aria-busy]")).to_have_count(0)
    assert result_titles(page) == ["Greater Manchester Tender Helpdesk", "Wigan Co-op Clinic"]
    assert page.get_by_text("Serves all of Greater Manchester").is_visible()
    # The filters applied without a page load, and focus moved to the result count.
    assert page.evaluate("window.__sameDocument") is True
    assert page.evaluate("document.activeElement.id") == "results-heading"
    axe_check(page)

    page.get_by_role("searchbox", name="Search providers").fill("clinics")
    page.get_by_role("button", name="Search", exact=True).last.click()
    page.wait_for_url("**q=clinics**")
    expect(page.locator("[data-listing-root][aria-busy]")).to_have_count(0)
    assert "area=wigan" in page.url
    assert result_titles(page) == ["Wigan Co-op Clinic"]
    assert page.evaluate("window.__sameDocument") is True

    page.go_back()
    page.wait_for_url("**/directory/?area=wigan")
    expect(page.locator(".result__title")).to_have_count(2)

    page.get_by_role("link", name="Wigan Co-op Clinic").click()
    page.wait_for_url("**/directory/wigan-co-op-clinic/")
    assert page.locator("h1").inner_text() == "Wigan Co-op Clinic"
    assert page.get_by_role("button", name="Print").is_visible()
    assert page.get_by_role("button", name="Copy link").is_visible()
    axe_check(page)
    assert page.console_errors == []


def check_without_scripts(browser, live_site, axe_check, url: str) -> None:
    """axe-core needs JavaScript itself, so check the same address with the site's own scripts
    blocked: the page as a visitor without JavaScript gets it."""
    context = browser.new_context(base_url=live_site.url)
    context.route("**/static/js/**", lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto(url)
        axe_check(page)
    finally:
        context.close()


def test_filter_search_and_open_a_provider_without_javascript(
    browser, live_site, axe_check, providers
):
    context = browser.new_context(base_url=live_site.url, java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto("/directory/")
        choose(page, "Area", "Bolton")
        page.wait_for_url("**/directory/?area=bolton")
        assert result_titles(page) == ["Bolton Board School", "Greater Manchester Tender Helpdesk"]
        page.get_by_role("searchbox", name="Search providers").fill("trustees")
        page.get_by_role("button", name="Search", exact=True).last.click()
        page.wait_for_url("**q=trustees**")
        assert result_titles(page) == ["Bolton Board School"]
        check_without_scripts(browser, live_site, axe_check, page.url)
        page.get_by_role("link", name="Bolton Board School").click()
        page.wait_for_url("**/directory/bolton-board-school/")
        # Without JavaScript "copy link" is a plain link to the page, and print is hidden.
        link = page.get_by_role("link", name="Link to this page")
        assert link.get_attribute("href").endswith("/directory/bolton-board-school/")
        assert not page.get_by_role("button", name="Print").is_visible()
        check_without_scripts(browser, live_site, axe_check, page.url)
        # The form has its own address, so the provider's page can be cached for everyone.
        page.get_by_role("link", name="Report a problem with this listing").last.click()
        page.wait_for_url("**/directory/bolton-board-school/report/**")
        check_without_scripts(browser, live_site, axe_check, page.url)
        page.get_by_label("What is wrong or out of date?").fill("The phone number is wrong.")
        page.get_by_role("button", name="Send report").click()
        assert page.get_by_text("Your report has reached the hub team").is_visible()
    finally:
        context.close()
