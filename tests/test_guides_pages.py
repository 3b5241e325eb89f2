"""Guides and training modules: editors create them in the admin, visitors read them."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guides.models import (
    GuideIndexPage,
    GuidePage,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingSession,
)
from portal.blocks import BodyBlock
from portal.models import SupportNeed
from tests.content_factories import make_case_study, make_guide, make_module, terms

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def list_block(items):
    """Form data for a ListBlock of plain values."""
    data = {"count": str(len(items))}
    for index, value in enumerate(items):
        data[str(index)] = {"value": value, "id": "", "deleted": "", "order": str(index)}
    return data


def test_an_editor_creates_a_guide_in_the_admin_and_it_appears(admin_client, section):
    index = section(GuideIndexPage)
    funding = terms(SupportNeed, ["funding"])[0]
    data = nested_form_data(
        {
            "title": "Applying for a start-up grant",
            "slug": "start-up-grant",
            "summary": "How to find and apply for a small grant to start trading.",
            "body": streamfield(
                [
                    ("heading", {"text": "Who gives grants", "level": "h2", "anchor": ""}),
                    ("paragraph", rich_text("<p>Councils, trusts and lottery funders.</p>")),
                    ("heading", {"text": "Writing the application", "level": "h2", "anchor": ""}),
                    (
                        "checklist",
                        {
                            "heading": "Have ready",
                            "items": list_block(["Budget", "Bank statement"]),
                        },
                    ),
                ]
            ),
            "related_pages": streamfield([]),
            "last_reviewed": "2026-01-15",
            "tags": "grants, first steps",
        }
    )
    data["needs"] = [funding.pk]
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/add/guides/guidepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]

    guide = GuidePage.objects.get(slug="start-up-grant")
    assert guide.live
    assert [n.slug for n in guide.needs.all()] == ["funding"]
    html = admin_client.get("/guides/start-up-grant/").content.decode()
    assert "<h1" in html and "Applying for a start-up grant" in html
    assert '<a href="#who-gives-grants">Who gives grants</a>' in html
    assert '<h2 id="writing-the-application">' in html
    assert "15 January 2026" in html  # the last-reviewed date is shown
    listing = admin_client.get("/guides/?need=funding&tag=grants").content.decode()
    assert "Applying for a start-up grant" in listing


def test_an_editor_creates_a_training_module_with_sessions(admin_client, section):
    index = section(TrainingIndexPage)
    start = timezone.localtime() + datetime.timedelta(days=10)
    data = nested_form_data(
        {
            "title": "Pricing your services",
            "slug": "pricing",
            "summary": "Work out a price that covers your full costs.",
            "outcomes": streamfield([("outcome", "Calculate full cost recovery")]),
            "duration_minutes": "150",
            "duration_note": "",
            "level": "intermediate",
            "format": "workshop",
            "prerequisites": rich_text(""),
            "lessons": streamfield(
                [
                    (
                        "lesson",
                        {
                            "title": "Counting overheads",
                            "anchor": "",
                            "minutes": "40",
                            "summary": "",
                            "content": rich_text("<p>Rent, insurance, management time.</p>"),
                        },
                    )
                ]
            ),
            "materials": streamfield([]),
            "sessions": inline_formset(
                [
                    {
                        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
                        "ends_at": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
                        "venue": "Demo Rooms, 2 Example Street, Bury BL9 0ZZ",
                        "booking_url": "https://booking.example.org/pricing",
                        "places_left": "9",
                    }
                ]
            ),
            "last_reviewed": "2026-02-01",
            "tags": "pricing",
        }
    )
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/add/guides/trainingmodulepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]

    module = TrainingModulePage.objects.get(slug="pricing")
    assert module.live and module.sessions.count() == 1
    html = admin_client.get("/training/pricing/").content.decode()
    assert "Demo Rooms, 2 Example Street" in html
    assert "9 places left" in html
    assert 'href="#lesson-counting-overheads"' in html and 'id="lesson-counting-overheads"' in html
    assert "Intermediate" in html and "2 hours 30 minutes" in html


def test_guide_page_shows_contents_reading_time_related_and_article_json_ld(client, section):
    index = section(GuideIndexPage)
    long_body = [
        ("heading", {"text": "First", "level": "h2", "anchor": ""}),
        ("paragraph", "<p>" + "word " * 900 + "</p>"),
        ("heading", {"text": "Detail", "level": "h3", "anchor": ""}),
        ("heading", {"text": "Second", "level": "h2", "anchor": "part-two"}),
    ]
    guide = make_guide(
        index, title="Community shares", body=long_body, need=["funding"], tags=["community shares"]
    )
    near = make_guide(index, title="Social investment", need=["funding"], stage=["growing"])
    make_guide(index, title="Unrelated governance guide", need=["governance"])
    story = make_case_study(
        section(__import__("casestudies.models").models.CaseStudyIndexPage),
        title="The pub we saved",
        need=["funding"],
    )

    response = client.get(guide.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "5 minute read" in html  # about 900 words at 200 a minute
    assert '<a href="#first">First</a>' in html and '<a href="#part-two">Second</a>' in html
    assert 'href="#detail"' not in html  # level-3 headings stay out of the contents
    related = html.split('id="related-heading"')[1]
    assert near.title in related and story.title in related
    assert "Unrelated governance guide" not in related

    data = json_ld(html)
    assert data["@type"] == "Article"
    assert data["headline"] == "Community shares"
    assert data["keywords"] == ["community shares"]
    assert '<meta property="og:title" content="Community shares">' in html
    assert '<meta name="description" content="A short guide used in tests.">' in html


def test_editor_chosen_related_pages_come_first(client, section):
    index = section(GuideIndexPage)
    pinned = make_guide(index, title="Pinned by the editor", need=["governance"])
    make_guide(index, title="Shares a need", need=["funding"])
    guide = make_guide(index, title="Main", need=["funding"], related_pages=[("page", pinned)])
    html = client.get(guide.url).content.decode()
    related = html.split('id="related-heading"')[1]
    assert related.index("Pinned by the editor") < related.index("Shares a need")


def test_two_headings_with_the_same_anchor_are_refused_with_advice():
    block = BodyBlock()
    value = block.to_python(
        [
            {"type": "heading", "value": {"text": "Costs", "level": "h2", "anchor": ""}},
            {"type": "heading", "value": {"text": "Costs", "level": "h2", "anchor": ""}},
        ]
    )
    with pytest.raises(Exception) as error:
        block.clean(value)
    assert "Type a different one" in str(error.value.block_errors[1].block_errors["anchor"])


def test_past_sessions_drop_off_by_themselves_and_course_json_ld_lists_the_rest(client, section):
    module = make_module(
        section(TrainingIndexPage),
        title="Board skills",
        sessions=[(-2, False), (5, True), (40, False)],
    )
    html = client.get(module.url).content.decode()
    sessions = html.split('id="sessions-heading"')[1].split("</section>")[0]
    assert sessions.count('class="session"') == 2
    data = json_ld(html)
    assert data["@type"] == "Course"
    instances = data["hasCourseInstance"]
    assert [i["@type"] for i in instances] == ["CourseInstance", "CourseInstance"]
    assert instances[0]["courseMode"] == "online" and instances[1]["courseMode"] == "onsite"
    assert data["timeRequired"] == "PT2H"

    # Time passes: the next session starts, and it leaves the page without anyone editing it.
    TrainingSession.objects.filter(module=module).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    html = client.get(module.url).content.decode()
    assert "No dates are planned at the moment." in html


def test_full_sessions_say_so_and_offer_no_booking_link(client, section):
    module = make_module(section(TrainingIndexPage), sessions=[(3, True)])
    TrainingSession.objects.filter(module=module).update(places_left=0)
    html = client.get(module.url).content.decode()
    assert "Fully booked" in html
    assert "Book a place" not in html


def test_json_ld_cannot_be_broken_out_of(client, section):
    guide = make_guide(section(GuideIndexPage), title="Evil </script><script>alert(1)</script>")
    html = client.get(guide.url).content.decode()
    data = json_ld(html)
    assert data["headline"] == "Evil </script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


EVIL = '<script>alert("x")</script><img src=x onerror="alert(1)">'


class _Executable(HTMLParser):
    """Collects what a browser would run: event-handler attributes, scripts, javascript: links."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        self._in_script = tag == "script" and dict(attrs).get("type") != "application/ld+json"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.found.append(f"<script>{data}")


def assert_nothing_runs(html: str, where: str) -> None:
    parser = _Executable()
    parser.feed(html)
    assert parser.found == [], where


def test_script_and_event_handlers_typed_into_every_field_never_run(admin_client, section):
    """Everything goes through the real admin forms, where Wagtail cleans rich text."""
    # What someone might paste into the editor; the editor's converter keeps only what it knows.
    evil_rich = rich_text(
        '<p>Para <script>alert("x")</script><img src="x" onerror="alert(1)"/>'
        '<a href="javascript:alert(1)" onclick="alert(1)">link</a></p>'
    )
    data = nested_form_data(
        {
            "title": f"Guide {EVIL}",
            "slug": "evil-guide",
            "summary": f"Summary {EVIL}",
            "body": streamfield(
                [
                    ("heading", {"text": f"Heading {EVIL}", "level": "h2", "anchor": ""}),
                    ("paragraph", evil_rich),
                    ("callout", {"kind": "tip", "heading": EVIL, "text": evil_rich}),
                    ("checklist", {"heading": EVIL, "items": list_block([EVIL])}),
                    ("quote", {"quote": EVIL, "attribution": EVIL, "role": EVIL}),
                ]
            ),
            "related_pages": streamfield([]),
            "last_reviewed": "2026-01-15",
            "tags": "safe tag",
            "seo_title": f"SEO {EVIL}",
            "search_description": f"Meta {EVIL}",
        }
    )
    data["action-publish"] = "publish"
    index = section(GuideIndexPage)
    response = admin_client.post(f"/admin/pages/add/guides/guidepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    start = timezone.localtime() + datetime.timedelta(days=4)
    data = nested_form_data(
        {
            "title": f"Module {EVIL}",
            "slug": "evil-module",
            "summary": EVIL,
            "outcomes": streamfield([("outcome", EVIL)]),
            "duration_minutes": "60",
            "duration_note": EVIL,
            "level": "introductory",
            "format": "webinar",
            "prerequisites": evil_rich,
            "lessons": streamfield(
                [
                    (
                        "lesson",
                        {
                            "title": EVIL,
                            "anchor": "",
                            "minutes": "5",
                            "summary": EVIL,
                            "content": evil_rich,
                        },
                    )
                ]
            ),
            "materials": streamfield([]),
            "sessions": inline_formset(
                [
                    {
                        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
                        "ends_at": (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
                        "venue": EVIL,
                        "booking_url": "https://booking.example.org/x",
                        "places_left": "",
                    }
                ]
            ),
            "last_reviewed": "2026-02-01",
            "tags": "",
            "search_description": EVIL,
        }
    )
    data["action-publish"] = "publish"
    index = section(TrainingIndexPage)
    response = admin_client.post(f"/admin/pages/add/guides/trainingmodulepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    for url in ("/guides/evil-guide/", "/training/evil-module/", "/guides/", "/training/", "/"):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_nothing_runs(response.content.decode(), url)


def test_guide_renders_every_block_type(client, section):
    from tests.content_factories import GUIDE_BODY

    body = [
        *GUIDE_BODY,
        ("callout", {"kind": "warning", "heading": "Careful", "text": "<p>Check first.</p>"}),
        ("steps", {"heading": "Steps", "steps": [{"title": "Register", "text": "<p>Now</p>"}]}),
        ("quote", {"quote": "It worked.", "attribution": "Sam (demo)", "role": "Chair"}),
        (
            "table",
            {
                "caption": "Fees",
                "columns": [
                    {"type": "text", "heading": "Form"},
                    {"type": "text", "heading": "Fee"},
                ],
                "rows": [{"values": ["CIC", "£27"]}],
            },
        ),
        (
            "questions",
            {"heading": "Questions", "items": [{"question": "Why?", "answer": "<p>Because.</p>"}]},
        ),
    ]
    guide = make_guide(section(GuideIndexPage), body=body)
    html = client.get(guide.url).content.decode()
    assert 'class="callout callout--warning"' in html and "Watch out" in html
    assert '<ol class="steps__list">' in html
    assert "<blockquote><p>It worked.</p></blockquote>" in html
    assert "<caption>Fees</caption>" in html and '<th scope="col">Fee</th>' in html
    assert "<dt>Why?</dt>" in html
    assert '<ul class="checklist__list">' in html


def test_an_image_needs_a_description_unless_it_is_marked_decorative():
    from wagtail.blocks.struct_block import StructBlockValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from portal.blocks import ImageBlock

    image = Image.objects.create(title="Volunteers (demo)", file=get_test_image_file())
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": False}))
    assert "Describe the image" in str(error.value.block_errors["alt_text"])
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))
    value = block.to_python({"image": image.pk, "alt_text": "Volunteers sorting food"})
    assert 'alt="Volunteers sorting food"' in block.render(block.clean(value))


@pytest.mark.django_db
def test_related_content_follows_publishing_after_the_page_was_seen(client, section):
    index = section(GuideIndexPage)
    guide = make_guide(index, title="Main", need=["funding"])
    assert "Newly published funding guide" not in client.get(guide.url).content.decode()
    newer = make_guide(index, title="Newly published funding guide", need=["funding"])
    related = client.get(guide.url).content.decode().split('id="related-heading"')[1]
    assert newer.title in related
    newer.unpublish()
    assert newer.title not in client.get(guide.url).content.decode()
