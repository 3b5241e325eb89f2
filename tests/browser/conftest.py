"""Browser tests: the system Chromium driven by Playwright against a live server, with axe-core.

No browser is ever downloaded. Without Chromium the tests are skipped with a loud notice, except
when CI=true, where a missing browser is a failure.
"""

import io
import os
import shutil
import warnings

import pytest
from django.core.management import call_command

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# WCAG 2.2 AA, as the UK accessibility regulations require.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    return candidate if os.path.exists(candidate) else shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "NO BROWSER: Chromium not found (set CHROMIUM_PATH); browser tests did not run."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_site(transactional_db, live_server):
    """The live server with the site skeleton rebuilt (the live server empties every table)."""
    from django.core.cache import cache

    cache.clear()
    call_command("load_demo_content", skeleton=True, stdout=io.StringIO())
    return live_server


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(base_url=live_site.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core on the page as it is now and fail with a readable list of violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page, options=AXE_OPTIONS)
        violations = results.response["violations"]
        assert not violations, f"{page.url}:\n" + results.generate_report()

    return check
