"""A journey started from a campaign carries its tag to the plan and counts as its completion."""

import html as html_lib
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.campaign_content import make_campaign, make_link
from tests.triage_content import questionnaire_page

pytestmark = pytest.mark.django_db


def params(url: str) -> dict:
    return parse_qs(urlsplit(url).query)


def links(html: str) -> list[str]:
    """The questionnaire's own links in the page's main content (not the site's menus)."""
    main = html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]
    return [html_lib.unescape(href) for href in re.findall(r'href="(/find-support/[^"]*)"', main)]


def submit(client, html: str, *answers: str, action: str = "continue"):
    """Send the question form the way a browser without JavaScript would, ticking ``answers``."""
    form = re.search(
        r'<form method="get" action="([^"]*)" class="question-form".*?</form>', html, re.S
    )
    assert form, "the page has no question form"
    fields = [
        (html_lib.unescape(name), html_lib.unescape(value))
        for name, value in re.findall(
            r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(0)
        )
    ]
    for label in answers:
        found = re.search(
            r'id="(answer-[a-z0-9-]+)" name="answer" value="(\d+)"[^>]*>\s*'
            rf'<label class="choice__label" for="\1">{re.escape(label)}</label>',
            form.group(0),
        )
        assert found, f"no answer “{label}”"
        fields.append(("answer", found.group(2)))
    fields.append(("action", action))
    response = client.get(f"{html_lib.unescape(form.group(1))}?{urlencode(fields)}")
    assert response.status_code == 302
    return response["Location"]


def report_completions(admin_client, campaign) -> int:
    html = admin_client.get(f"/admin/campaigns/{campaign.pk}/report/").content.decode()
    return int(re.search(r"<span data-report-completions>(\d+)</span>", html).group(1))


def test_a_journey_from_a_short_link_counts_as_the_campaigns_completion(client, admin_client, home):
    questionnaire_page(home)
    campaign = make_campaign(home, slug="wigan-week", areas=["wigan"])
    make_link("wigan", page=campaign, campaign=campaign)
    assert report_completions(admin_client, campaign) == 0

    landing = client.get("/go/wigan")["Location"]
    html = client.get(landing).content.decode()
    start = html_lib.unescape(
        re.search(r'class="button button--primary button--large" href="([^"]+)"', html).group(1)
    )
    assert params(start) == {"area": ["wigan"], "campaign": ["wigan-week"]}

    html = client.get(start).content.decode()
    assert "Where are you with your idea or business?" in html
    step = submit(client, html, "We are getting ready to start trading")
    assert params(step)["campaign"] == ["wigan-week"]
    html = client.get(step).content.decode()
    # Every way on from a step keeps the campaign: back, start again, the hidden fields.
    assert all("campaign=wigan-week" in link for link in links(html)), links(html)
    step = submit(client, html, action="skip")
    html = client.get(step).content.decode()
    plan = submit(client, html, "Money: grants, loans or community shares")
    # The borough came with the campaign, so the need was the last question.
    assert plan.startswith("/find-support/results/?")
    assert params(plan) == {
        "need": ["funding"],
        "stage": ["starting"],
        "area": ["wigan"],
        "skip": ["type"],
        "campaign": ["wigan-week"],
    }
    assert report_completions(admin_client, campaign) == 1

    html = client.get(plan).content.decode()
    assert "Your plan" in html
    change_links = [link for link in links(html) if "step=" in link]
    # Back, and "Change" for each question on the path (the skipped one included).
    assert len(change_links) == 5
    assert all("campaign=wigan-week" in link for link in links(html)), links(html)
    assert re.search(r'name="answers" value="[^"]*campaign=wigan-week', html)
    data = client.get(plan + "&format=json").json()
    assert data["campaign"] == "wigan-week"
    assert data["answers"] == {"need": ["funding"], "stage": ["starting"], "area": ["wigan"]}

    # Changing an answer from the plan is the same journey, not a second completion.
    html = client.get(next(link for link in change_links if "step=stage" in link)).content.decode()
    plan = submit(client, html, "We are trading and want to grow")
    assert params(plan)["campaign"] == ["wigan-week"] and params(plan)["stage"] == ["growing"]
    # Looking at the plan again (a bookmark, a shared link) counts nothing either.
    client.get(plan)
    assert report_completions(admin_client, campaign) == 1

    report = admin_client.get(f"/admin/campaigns/{campaign.pk}/report/").content.decode()
    assert "Funding and social investment" in report.split("What people needed")[1]


@pytest.mark.parametrize(
    "tag",
    ["<script>", "Wigan-Week", "-wigan", "wigan week", "x" * 81, "wigan%00", "no-such-campaign"],
)
def test_a_bad_campaign_tag_is_ignored_without_error(client, admin_client, home, tag):
    from campaigns.models import CampaignCompletion
    from triage.models import DemandCount

    questionnaire_page(home)
    campaign = make_campaign(home, slug="wigan-week")
    carried = tag == "no-such-campaign"  # looks like a tag, so it is kept; nothing counts it
    start = f"/find-support/?{urlencode({'campaign': tag})}"
    response = client.get(start)
    assert response.status_code == 200
    html = client.get(f"/find-support/?{urlencode({'campaign': tag, 'step': 'stage'})}")
    html = html.content.decode()
    assert "not recognised" not in html
    assert ("campaign=" in "".join(links(html))) is carried
    step = submit(client, html, "We have been running for some years")
    step = submit(client, client.get(step).content.decode(), action="skip")
    html = client.get(step).content.decode()
    step = submit(client, html, "Meeting others who are doing the same")
    plan = submit(client, client.get(step).content.decode(), "Bury")
    assert plan.startswith("/find-support/results/?")
    assert ("campaign" in params(plan)) is carried
    response = client.get(plan)
    assert response.status_code == 200
    assert client.get(plan + "&format=json").json()["campaign"] == (tag if carried else "")
    # The journey still counts for the hub's own reports, but for no campaign.
    assert DemandCount.objects.get(param="", value="").count == 1
    assert not CampaignCompletion.objects.exists()
    assert report_completions(admin_client, campaign) == 0
