"""Guides, training modules and case studies in a browser: accessible, filterable, printable."""

import pytest

pytestmark = pytest.mark.browser

FULL_BODY = [
    ("heading", {"text": "Why it matters", "level": "h2", "anchor": ""}),
    ("paragraph", '<p>Local spending keeps money <a href="/guides/">in the area</a>.</p>'),
    ("callout", {"kind": "tip", "heading": "Ask first", "text": "<p>Buyers will talk.</p>"}),
    ("heading", {"text": "What to do", "level": "h2", "anchor": ""}),
    ("steps", {"heading": "Steps", "steps": [{"title": "Register", "text": "<p>Online.</p>"}]}),
    ("checklist", {"heading": "Have ready", "items": ["A budget", "Two referees"]}),
    ("quote", {"quote": "It worked for us.", "attribution": "Sam (demo)", "role": "Chair"}),
    (
        "table",
        {
            "caption": "Fees (demo)",
            "columns": [{"type": "text", "heading": "Form"}, {"type": "text", "heading": "Fee"}],
            "rows": [{"values": ["CIC", "£27"]}],
        },
    ),
    (
        "questions",
        {"heading": "Questions", "items": [{"question": "Why?", "answer": "<p>So.</p>"}]},
    ),
]


@pytest.fixture
def content(live_site):
    from casestudies.models import CaseStudyIndexPage
    from guides.models import GuideIndexPage, TrainingIndexPage
    from home.models import HomePage
    from tests.content_factories import make_case_study, make_guide, make_module

    home = HomePage.objects.get(locale__language_code="en")
    guides = GuideIndexPage.objects.child_of(home).get()
    guide = make_guide(
        guides,
        title="Selling to the council",
        body=FULL_BODY,
        need=["tendering"],
        area=["wigan"],
        tags=["procurement"],
    )
    make_guide(guides, title="Running a board", need=["governance"], area=["bolton"])
    module = make_module(
        TrainingIndexPage.objects.child_of(home).get(),
        title="Bid writing",
        need=["tendering"],
        sessions=[(-3, False), (8, True), (20, False)],
    )
    story = make_case_study(
        CaseStudyIndexPage.objects.child_of(home).get(),
        title="The cleaners' co-op",
        need=["tendering"],
        area="bury",
        type="co-operative",
        stage="growing",
        impact=[("Jobs created", 12, ""), ("Local spend", 40000, "£")],
        pull_quote="We set our own hours now.",
        quote_attribution="Marta (demo)",
    )
    return {"guide": guide, "module": module, "story": story}


def paths(content):
    return [
        content["guide"].url,
        content["module"].url,
        content["story"].url,
        "/",
        "/guides/",
        "/guides/?need=tendering&area=wigan",
        "/training/?format=workshop",
        "/case-studies/?type=co-operative",
        "/guides/?need=nope&page=99",
    ]


def test_every_content_page_and_listing_is_accessible(page, axe_check, content):
    for path in paths(content):
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        axe_check(page)
    assert page.console_errors == []


def test_contents_links_jump_to_their_sections(page, content):
    page.goto(content["guide"].url)
    page.get_by_role("navigation", name="Contents").get_by_role("link", name="What to do").click()
    assert page.url.endswith("#what-to-do")
    assert page.locator("#what-to-do").is_visible()


def test_filtering_by_clicking_keeps_the_state_in_the_address(page, content):
    page.goto("/guides/")
    page.locator(".filters").get_by_role("link", name="Governance and boards").click()
    assert "need=governance" in page.url
    assert page.get_by_role("heading", name="Running a board").is_visible()
    assert page.get_by_role("heading", name="Selling to the council").count() == 0


def test_print_layout_hides_navigation_and_keeps_the_guide(page, content):
    page.goto(content["guide"].url)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".related").is_visible()
    assert not page.locator(".toc").is_visible()
    assert page.locator("h1").is_visible()
    assert page.get_by_text("Two referees").is_visible()


def test_module_shows_only_upcoming_sessions(page, content):
    page.goto(content["module"].url)
    assert page.locator(".session").count() == 2
