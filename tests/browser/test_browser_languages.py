"""An Urdu page in a real browser: right to left, fits a 375 px phone, no axe violations."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

RESULTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def urdu_site(live_site):
    from guides.models import GuideIndexPage
    from home.models import HomePage
    from portal.demo_translations import translate
    from tests.content_factories import make_guide

    home = HomePage.objects.get(locale__language_code="en")
    index = GuideIndexPage.objects.child_of(home).get()
    translated = make_guide(index, title="Community shares", summary="Raising money locally.")
    make_guide(index, title="Running a board", summary="Board basics.")
    for page in (home, index):
        translate(page, "ur")
    translate(
        translated,
        "ur",
        {
            "Community shares": "کمیونٹی شیئرز",
            "Raising money locally.": "مقامی طور پر پیسہ جمع کرنا۔",
        },
    )
    return translated


def test_urdu_guides_read_right_to_left_on_a_phone(page, axe_check, urdu_site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/ur/guides/")
    html = page.locator("html")
    assert html.get_attribute("lang") == "ur"
    assert html.get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "رہنما"
    english = page.locator("li.result[lang=en]")
    assert english.count() == 1
    assert "انگریزی میں" in english.inner_text()
    # Right to left: the page's text starts at the right edge.
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "urdu-guides-375.png"), full_page=True)
    axe_check(page)

    page.get_by_role("link", name="کمیونٹی شیئرز").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "کمیونٹی شیئرز"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(RESULTS / "urdu-guide-375.png"), full_page=True)
    axe_check(page)
    assert not page.console_errors
