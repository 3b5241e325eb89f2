"""Short links: redirects with the campaign tag, bad input, broken targets, QR codes, counting."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.campaign_content import make_campaign, make_link
from tests.content_factories import make_guide

pytestmark = pytest.mark.django_db


def test_a_short_link_redirects_to_its_page_with_the_campaign_tag(client, home):
    campaign = make_campaign(home, slug="wigan-week")
    make_link("wigan", page=campaign, campaign=campaign)
    response = client.get("/go/wigan")
    assert response.status_code == 302
    assert response["Location"] == "/wigan-week/?campaign=wigan-week"
    assert "no-store" in response["Cache-Control"]
    # Upper case and a trailing slash (as people type them from posters) work too.
    assert client.get("/go/WIGAN/")["Location"] == "/wigan-week/?campaign=wigan-week"


def test_a_short_link_to_a_filtered_listing_keeps_the_filters(client, home):
    campaign = make_campaign(home, slug="money")
    make_link("funds", url="/directory/?area=wigan&need=funding&campaign=old", campaign=campaign)
    make_link("plain", url="/guides/?sector=public")
    assert client.get("/go/funds")["Location"] == (
        "/directory/?area=wigan&need=funding&campaign=money"
    )
    assert client.get("/go/plain")["Location"] == "/guides/?sector=public"
    listing = client.get("/directory/?area=wigan&need=funding&campaign=money")
    assert listing.status_code == 200
    assert "not recognised" not in listing.content.decode()


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example.com/",
        "//evil.example.com/path",
        "/\\evil.example.com",
        "\\\\evil.example.com",
        "javascript:alert(1)",
        "directory/?area=wigan",
        "/ /evil",
        "/directory/\n?area=wigan",
        "/go/another-link",
        "/admin/pages/",
        "/" + "a" * 600,
    ],
)
def test_a_short_link_cannot_lead_off_the_site(target):
    from campaigns.models import ShortLink

    link = ShortLink(slug="bad", target_url=target)
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "target_url" in error.value.message_dict


def test_a_short_link_needs_exactly_one_target(home):
    from campaigns.models import ShortLink

    with pytest.raises(ValidationError) as error:
        ShortLink(slug="nowhere").full_clean()
    assert "target_page" in error.value.message_dict
    with pytest.raises(ValidationError):
        ShortLink(slug="both", target_page=home, target_url="/guides/").full_clean()


def test_a_tampered_target_in_the_database_still_never_leaves_the_site(client, home):
    from campaigns.models import ShortLink

    campaign = make_campaign(home, slug="safe-fallback")
    ShortLink.objects.create(slug="tampered", target_url="//evil.example.com", campaign=campaign)
    assert client.get("/go/tampered")["Location"] == "/safe-fallback/?campaign=safe-fallback"


@pytest.mark.parametrize(
    "path",
    ["/go/unknown", "/go/%3Cscript%3E", "/go/" + "x" * 500, "/go/..%2F..%2Fadmin", "/go/%00"],
)
def test_unknown_short_links_give_the_friendly_not_found_page_with_search(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'role="search"' in html
    assert "<script>" not in html


def test_a_deleted_or_unpublished_target_falls_back_and_shows_in_the_report(
    client, admin_client, home, section
):
    from guides.models import GuideIndexPage

    campaign = make_campaign(home, slug="fallback-campaign")
    gone = make_guide(section(GuideIndexPage), title="Soon deleted")
    hidden = make_guide(section(GuideIndexPage), title="Soon unpublished")
    make_link("to-deleted", page=gone, campaign=campaign)
    make_link("to-hidden", page=hidden)
    make_link("healthy", page=campaign, campaign=campaign)
    report = admin_client.get("/admin/campaigns/broken-links/").content.decode()
    assert "Every short link leads to a live page." in report

    gone.delete()
    hidden.unpublish()
    assert client.get("/go/to-deleted")["Location"] == (
        "/fallback-campaign/?campaign=fallback-campaign"
    )
    assert client.get("/go/to-hidden")["Location"] == "/"
    report = admin_client.get("/admin/campaigns/broken-links/").content.decode()
    assert "/go/to-deleted" in report and "/go/to-hidden" in report
    assert "/go/healthy" not in report
    assert "Soon unpublished" in report


def test_qr_codes_download_as_svg_and_png(admin_client, home):
    campaign = make_campaign(home, slug="qr-campaign")
    link = make_link("qr", page=campaign, campaign=campaign)
    page = admin_client.get(f"/admin/campaigns/links/{link.pk}/qr/")
    assert page.status_code == 200
    assert "http://testserver/go/qr" in page.content.decode()
    svg = admin_client.get(f"/admin/campaigns/links/{link.pk}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert 'filename="qr-qr.svg"' in svg["Content-Disposition"]
    assert svg.content.lstrip().startswith(b"<?xml") and b"<svg" in svg.content
    png = admin_client.get(f"/admin/campaigns/links/{link.pk}/qr.png")
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert admin_client.get(f"/admin/campaigns/links/{link.pk}/qr.gif").status_code == 404


def test_qr_codes_and_reports_are_for_staff_only(client, django_user_model, home):
    campaign = make_campaign(home, slug="private-report")
    link = make_link("staff", page=campaign, campaign=campaign)
    assert client.get(f"/admin/campaigns/links/{link.pk}/qr.svg").status_code == 302  # log in
    user = django_user_model.objects.create_user("visitor", password="not-a-real-password-1")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(f"/admin/campaigns/links/{link.pk}/qr.svg").status_code in (302, 403)
    assert client.get(f"/admin/campaigns/{campaign.pk}/report/").status_code in (302, 403)


def test_visits_are_counted_per_day_without_cookies_or_personal_data(client, home):
    from campaigns.models import ShortLinkVisit

    campaign = make_campaign(home, slug="counted")
    link = make_link("count-me", page=campaign, campaign=campaign)
    for _ in range(3):
        response = client.get(
            "/go/count-me", HTTP_USER_AGENT="Test browser", REMOTE_ADDR="10.1.2.3"
        )
        assert not response.cookies
    client.head("/go/count-me")  # link checkers do not count
    row = ShortLinkVisit.objects.get(short_link=link)
    assert (row.day, row.count) == (timezone.localdate(), 3)
    names = {f.name for f in ShortLinkVisit._meta.get_fields()}
    assert names == {"id", "day", "short_link", "count"}


def test_anonymous_public_responses_set_no_cookies(client, home):
    campaign = make_campaign(home, slug="cookie-free")
    make_link("cookie-free", page=campaign, campaign=campaign)
    for url in [
        "/",
        "/cookie-free/",
        "/go/cookie-free",
        "/go/missing",
        "/find-support/?area=wigan&campaign=cookie-free",
        "/embed/find-support/",
        "/embed/directory-search/",
        "/feeds/guides/rss/",
        "/feeds/training/sessions.ics",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/pages/",
        "/ur/",
    ]:
        response = client.get(url)
        assert response.status_code in (200, 302, 404), url
        assert not response.cookies, f"{url} set {list(response.cookies)}"
        assert "Set-Cookie" not in response, url


def test_completions_from_a_campaign_are_counted_with_the_needs_chosen(admin_client, home):
    from campaigns.signals import journey_completed

    campaign = make_campaign(home, slug="needs-campaign")
    link = make_link("needs", page=campaign, campaign=campaign)
    for answers in (
        {"need": ["funding", "premises"], "area": ["wigan"]},
        {"need": ["funding"], "area": ["wigan"]},
        {"need": ["tendering"], "area": ["bolton"]},
    ):
        journey_completed.send(
            sender=None, questionnaire_id=1, answers=answers, campaign="needs-campaign"
        )
    # Unknown, hostile or missing tags are ignored.
    for tag in ("", "no-such-campaign", "<script>", "x" * 500):
        journey_completed.send(sender=None, questionnaire_id=1, answers={}, campaign=tag)
    admin_client.get("/go/needs")
    admin_client.get("/go/needs")

    report = admin_client.get(f"/admin/campaigns/{campaign.pk}/report/")
    html = report.content.decode()
    assert report.status_code == 200
    assert "<span data-report-visits>2</span>" in html
    assert "<span data-report-completions>3</span>" in html
    top = html.split("What people needed")[1]
    assert top.index("Funding and social investment") < top.index("Premises")
    assert "<td>2</td>" in top
    overview = admin_client.get("/admin/campaigns/").content.decode()
    assert "needs-campaign" in overview or campaign.title in overview
    assert link.daily_visits.get().count == 2


def test_the_report_ignores_bad_dates_and_keeps_to_the_range(admin_client, home):
    from campaigns.models import ShortLinkVisit

    campaign = make_campaign(home, slug="dated")
    link = make_link("dated", page=campaign, campaign=campaign)
    old = timezone.localdate() - datetime.timedelta(days=200)
    ShortLinkVisit.objects.create(day=old, short_link=link, count=40)
    ShortLinkVisit.objects.create(day=timezone.localdate(), short_link=link, count=2)
    base = f"/admin/campaigns/{campaign.pk}/report/"
    assert "<span data-report-visits>2</span>" in admin_client.get(base).content.decode()
    wide = admin_client.get(f"{base}?since={old.isoformat()}").content.decode()
    assert "<span data-report-visits>42</span>" in wide
    for query in ("?since=yesterday", "?until=2026-13-45", "?since=9999-01-01&until=0001-01-01"):
        assert admin_client.get(base + query).status_code == 200


def test_the_short_link_listing_shows_recent_visits_and_qr_buttons(admin_client, home):
    campaign = make_campaign(home, slug="listed")
    link = make_link("listed", page=campaign, campaign=campaign, label="Library posters")
    admin_client.get("/go/listed")
    html = admin_client.get("/admin/snippets/campaigns/shortlink/").content.decode()
    assert "Library posters" in html
    assert f"/admin/campaigns/links/{link.pk}/qr/" in html
    assert f"/admin/campaigns/{campaign.pk}/report/" in html
