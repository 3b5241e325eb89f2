"""The questionnaire in a real browser, with and without JavaScript: accessible at every step."""

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def content(live_site):
    from home.models import HomePage
    from tests.triage_content import questionnaire_page, sample_content

    home = HomePage.objects.get(locale__language_code="en")
    questionnaire_page(home)
    return sample_content(home)


def answer(page, label, axe_check=None):
    """Tick an answer on the current step (checking the step first) and continue."""
    assert page.locator("h1").count() == 1
    if axe_check:
        axe_check(page)
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()


def complete(page, axe_check=None):
    page.goto("/find-support/")
    page.get_by_role("link", name="Start now").click()
    answer(page, "We are getting ready to start trading", axe_check)
    assert "Question 2 of 4" in page.locator(".progress").inner_text()
    if axe_check:
        axe_check(page)
    page.get_by_role("button", name="Skip this question").click()
    answer(page, "Money: grants, loans or community shares", axe_check)
    answer(page, "Wigan", axe_check)
    page.wait_for_url("**/find-support/results/**")


def check_plan(page):
    assert page.locator("h1").inner_text() == "Your plan"
    first = page.locator("section", has=page.locator("#first-heading"))
    assert "Raising your first money" in first.inner_text()
    assert "Because you said you need help with: Funding and social investment" in (
        first.inner_text()
    )
    providers = page.locator("section", has=page.locator("#providers-heading"))
    assert "Support for you in Wigan" in providers.inner_text()
    assert "Wigan Money Advice" in providers.inner_text()
    assert "Bolton Boards" not in providers.inner_text()
    assert page.locator(".plan-item--session").count() == 2


def test_complete_the_questionnaire_with_javascript(page, axe_check, content):
    complete(page, axe_check)
    check_plan(page)
    axe_check(page)
    assert page.get_by_role("button", name="Print this plan").is_visible()
    assert page.console_errors == []


def test_complete_change_and_go_back_without_javascript(
    browser, live_site, page, axe_check, content
):
    context = browser.new_context(base_url=live_site.url, java_script_enabled=False)
    plain = context.new_page()
    try:
        complete(plain)
        check_plan(plain)
        # axe-core is itself a script, so it checks the same plan in a browser that runs it.
        page.goto(plain.url)
        axe_check(page)
        # Without JavaScript there is no print button, but the plan is all there.
        assert not plain.get_by_role("button", name="Print this plan").is_visible()

        # Change the stage: the other answers stay and the plan comes straight back.
        plain.get_by_role(
            "link", name="Change your answer to “Where are you with your idea"
        ).click()
        assert plain.get_by_label("We are getting ready to start trading").is_checked()
        answer(plain, "We are trading and want to grow")
        plain.wait_for_url("**/find-support/results/**")
        assert "stage=growing" in plain.url and "need=funding" in plain.url
        assert "area=wigan" in plain.url

        # The back link goes to the last question, with its answer kept.
        plain.get_by_role("link", name="Back").click()
        assert plain.locator("h1").inner_text() == "Where is your business or idea based?"
        assert plain.get_by_label("Wigan", exact=True).is_checked()
        # The browser's own back button returns to the plan.
        plain.go_back()
        assert plain.locator("h1").inner_text() == "Your plan"
    finally:
        context.close()


def test_nothing_chosen_shows_the_error_summary(page, axe_check, content):
    page.goto("/find-support/?step=stage")
    page.get_by_role("button", name="Continue").click()
    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert page.evaluate("document.activeElement.dataset.errorSummary") == ""
    axe_check(page)
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "answer-stage-1"


def test_the_plan_prints_on_one_or_two_sheets(page, content):
    page.goto("/find-support/results/?stage=starting&need=funding&area=wigan&skip=type")
    page.emulate_media(media="print")
    for selector in (".site-header", ".email-plan", ".triage-nav", ".plan-actions", "form"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".print-only").is_visible()
    assert "find-support/results/?" in page.locator(".print-only").inner_text()
    # A4 at 96 dpi is about 1123 pixels tall with 1.5 cm margins taking about 113 of them.
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 2 * 1010, height
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4")))
    assert 1 <= pages <= 2, pages
