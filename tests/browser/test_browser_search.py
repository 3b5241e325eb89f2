"""Searching in a real browser: results, a facet, a result, suggestions, with and without JS."""

import pytest

from tests.search_content import build_relevance_site

pytestmark = pytest.mark.browser


@pytest.fixture
def content(live_site):
    from home.models import HomePage

    return build_relevance_site(HomePage.objects.get(locale__language_code="en"))


def test_search_filter_and_follow_a_result(page, axe_check, content):
    page.goto("/")
    page.get_by_role("searchbox", name="Search the site").fill("co-op")
    page.get_by_role("searchbox", name="Search the site").press("Enter")
    page.wait_for_url("**/search/?q=co-op")
    assert page.get_by_role("heading", level=1).inner_text() == "Search"
    assert "results for “co-op”" in page.locator("#results-heading").inner_text()
    axe_check(page)

    page.get_by_role("link", name="Choosing a legal structure").first.click()
    page.wait_for_url("**need=legal-structure**")
    assert "2 results" in page.locator("#results-heading").inner_text()
    axe_check(page)

    page.get_by_role("link", name="Setting up a co-operative").click()
    page.wait_for_url(f"**{content['coop_guide'].url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Setting up a co-operative"
    assert page.console_errors == []


def test_nothing_found_page_is_accessible(page, axe_check, content):
    page.goto("/search/?q=zzqx")
    assert "Nothing found" in page.locator(".nothing-found").inner_text()
    axe_check(page)


def test_suggestions_appear_while_typing_and_lead_to_the_page(page, axe_check, content):
    page.goto("/search/")
    box = page.locator("#search-q")
    box.press_sequentially("procu", delay=30)
    suggestion = page.locator(".search-box .suggest__list a").first
    suggestion.wait_for()
    assert "Selling to public bodies" in suggestion.inner_text()
    assert "suggestion" in page.locator(".search-box [role=status]").inner_text()
    axe_check(page)
    box.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").startswith("Selling")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{content['procurement_guide'].url}")


def test_search_works_without_javascript(browser, live_site, content):
    context = browser.new_context(base_url=live_site.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/search/")
        page.locator("#search-q").fill("procure")
        page.locator("#search-q").press("Enter")
        page.wait_for_url("**/search/?q=procure")
        assert page.locator(".suggest__list").count() == 0
        page.get_by_role("link", name="Selling to public bodies: procurement and tendering").click()
        page.wait_for_url(f"**{content['procurement_guide'].url}")
    finally:
        context.close()
