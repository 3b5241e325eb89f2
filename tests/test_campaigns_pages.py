"""Campaign landing pages: created in the admin, the call to action, the end date, sharing tags."""

import html as html_lib
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.models import Area, SupportNeed
from tests.campaign_content import make_campaign
from tests.content_factories import make_case_study, make_guide, terms

pytestmark = pytest.mark.django_db


def start_link(html: str) -> str:
    match = re.search(r'class="button button--primary button--large" href="([^"]+)"', html)
    assert match, "the hero has no start button"
    return html_lib.unescape(match.group(1))


def test_a_hub_editor_creates_a_campaign_page_in_the_admin(admin_client, home):
    from campaigns.models import CampaignPage

    wigan = terms(Area, ["wigan"])[0]
    funding = terms(SupportNeed, ["funding"])[0]
    data = nested_form_data(
        {
            "title": "Wigan community business week",
            "slug": "wigan-week",
            "hero_heading": "Start a community business in Wigan",
            "hero_text": "Free local help all week.",
            "hero_image_alt": "",
            "body": streamfield(
                [("paragraph", rich_text("<p>Open doors across the borough.</p>"))]
            ),
            "cta_heading": "Find support near you",
            "cta_text": "",
            "cta_label": "Find support in Wigan",
            "featured": streamfield([]),
            "end_date": "",
            "ended_message": "",
        }
    )
    data["preset_areas"] = [wigan.pk]
    data["preset_needs"] = [funding.pk]
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/add/campaigns/campaignpage/{home.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]

    page = CampaignPage.objects.get(slug="wigan-week")
    assert page.live
    html = admin_client.get("/wigan-week/").content.decode()
    assert html.count("<h1") == 1
    assert "Start a community business in Wigan" in html
    assert "Open doors across the borough." in html
    url = urlsplit(start_link(html))
    assert url.path == "/find-support/"
    assert parse_qsl(url.query) == [
        ("need", "funding"),
        ("area", "wigan"),
        ("campaign", "wigan-week"),
    ]


def test_the_call_to_action_presets_answers_that_the_questionnaire_accepts(client, home):
    from tests.triage_content import questionnaire_page

    questionnaire_page(home)
    campaign = make_campaign(home, slug="wigan-start", areas=["wigan"])
    html = client.get("/wigan-start/").content.decode()
    target = start_link(html)
    assert target == "/find-support/?area=wigan&campaign=wigan-start"
    step = client.get(target)
    assert step.status_code == 200
    # The borough is already answered, so the questionnaire does not complain about it.
    assert "not recognised" not in step.content.decode()
    assert campaign.start_url(presets=False) == "/find-support/?campaign=wigan-start"


def test_featured_pages_show_in_the_editor_order_and_unpublished_ones_drop_out(
    client, section, home
):
    from casestudies.models import CaseStudyIndexPage
    from guides.models import GuideIndexPage

    guide = make_guide(section(GuideIndexPage), title="Writing a bid for a council contract")
    story = make_case_study(section(CaseStudyIndexPage), title="The bakery that bid and won")
    gone = make_guide(section(GuideIndexPage), title="A guide that was withdrawn")
    make_campaign(home, slug="buyers", featured=[story, guide, gone], sectors=["public"])
    gone.unpublish()
    html = client.get("/buyers/").content.decode()
    assert html.index("The bakery that bid and won") < html.index("Writing a bid for a council")
    assert "A guide that was withdrawn" not in html
    assert "Case study" in html and "Guide" in html


def test_an_ended_campaign_says_so_politely_and_offers_useful_links(client, home):
    make_campaign(
        home, slug="old-campaign", end_in_days=-1, areas=["wigan"], title="Last year's week"
    )
    response = client.get("/old-campaign/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This campaign has ended" in html
    assert "/find-support/" in html  # still offers the questionnaire ...
    assert "area=wigan" not in html  # ... but not the campaign's preset answers
    assert 'href="/guides/"' in html and 'href="/directory/"' in html


def test_a_campaign_ending_today_is_still_running(client, home):
    make_campaign(home, slug="ends-today", end_in_days=0)
    assert "This campaign has ended" not in client.get("/ends-today/").content.decode()


def test_an_ended_campaign_renders_even_when_the_questionnaire_is_gone(client, home):
    from triage.models import FindSupportPage

    FindSupportPage.objects.child_of(home).get().unpublish()
    make_campaign(home, slug="no-questions", end_in_days=-30)
    response = client.get("/no-questions/")
    assert response.status_code == 200
    assert "This campaign has ended" in response.content.decode()


def test_hostile_query_strings_on_a_campaign_page_never_break_it(client, home):
    make_campaign(home, slug="safe")
    for query in ("?campaign=<script>", "?page=abc", "?x=" + "y" * 5000, "?area=a&area=b&area=c"):
        response = client.get("/safe/" + query)
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("</head>")[1]


META = {
    "canonical": r'<link rel="canonical" href="(http[^"]+)"',
    "og:title": r'<meta property="og:title" content="([^"]+)"',
    "og:description": r'<meta property="og:description" content="([^"]+)"',
    "og:url": r'<meta property="og:url" content="(http[^"]+)"',
    "og:image": r'<meta property="og:image" content="(http[^"]+)"',
    "twitter:card": r'<meta name="twitter:card" content="(summary[a-z_]*)"',
}


def sharing_tags(html: str) -> dict[str, list[str]]:
    head = html.split("</head>")[0]
    return {name: re.findall(pattern, head) for name, pattern in META.items()}


def test_every_kind_of_page_has_one_set_of_sharing_tags_with_a_site_default_image(
    client, home, section
):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Site

    from casestudies.models import CaseStudyIndexPage
    from guides.models import GuideIndexPage, TrainingIndexPage
    from portal.models import PortalSettings

    default = Image.objects.create(title="Default sharing picture", file=get_test_image_file())
    own = Image.objects.create(title="Campaign picture", file=get_test_image_file())
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_share_image = default
    settings.save()
    guide = make_guide(section(GuideIndexPage), title="Sharing a guide")
    story = make_case_study(section(CaseStudyIndexPage), title="Sharing a story")
    make_campaign(home, slug="shared", share_image=own, search_description="Come along.")
    pages = [
        "/",
        "/guides/",
        "/training/",
        "/case-studies/",
        "/directory/",
        "/find-support/",
        guide.url,
        story.url,
        "/shared/",
        "/search/?q=co-op",
    ]
    assert section(TrainingIndexPage)
    images = {}
    for url in pages:
        html = client.get(url).content.decode()
        tags = sharing_tags(html)
        for name, found in tags.items():
            if name == "og:description" and url.startswith("/search/"):
                continue
            assert len(found) == 1, f"{url}: {name} appears {len(found)} times"
        assert tags["canonical"] == tags["og:url"], url
        images[url] = tags["og:image"][0]
        assert tags["twitter:card"] == ["summary_large_image"], url
    assert sharing_tags(client.get("/shared/").content.decode())["og:description"] == [
        "Come along."
    ]
    # Pages without a picture of their own use the site default; the campaign uses its own.
    defaults = {image for url, image in images.items() if url != "/shared/"}
    assert len(defaults) == 1
    assert images["/shared/"] not in defaults
    guide_html = client.get(guide.url).content.decode()
    assert sharing_tags(guide_html)["canonical"][0].endswith(guide.url)
    assert '"@type": "Article"' in guide_html or '"@type":"Article"' in guide_html


def test_without_any_image_the_card_is_a_plain_summary(client, home):
    make_campaign(home, slug="no-picture")
    tags = sharing_tags(client.get("/no-picture/").content.decode())
    assert tags["twitter:card"] == ["summary"]
    assert tags["og:image"] == []
    assert tags["canonical"][0].startswith("http") and tags["canonical"][0].endswith("/no-picture/")
