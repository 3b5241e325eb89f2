"""Sitemap, robots.txt, RSS/Atom feeds, the training calendar and the open content API."""

import datetime
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from tests.campaign_content import make_campaign
from tests.content_factories import make_case_study, make_guide, make_module

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def translate(page, code):
    from wagtail.models import Locale

    translation = page.copy_for_translation(Locale.objects.get(language_code=code))
    translation.save_revision().publish()
    return translation


def test_the_sitemap_lists_every_live_page_in_every_language_with_absolute_urls(
    client, home, section
):
    from guides.models import GuideIndexPage

    guide = make_guide(section(GuideIndexPage), title="A guide in two languages")
    hidden = make_guide(section(GuideIndexPage), title="A draft")
    hidden.unpublish()
    translate(home, "pl")
    index_pl = translate(section(GuideIndexPage), "pl")
    guide_pl = translate(guide, "pl")
    make_campaign(home, slug="over", end_in_days=-2)
    make_campaign(home, slug="running", end_in_days=5)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = root.findall(f"{SITEMAP}url")
    locations = [e.findtext(f"{SITEMAP}loc") for e in entries]
    assert all(absolute(url) for url in locations)
    paths = {urlsplit(url).path for url in locations}
    assert {"/", "/guides/", guide.url, "/pl/", index_pl.url, guide_pl.url} <= paths
    assert guide_pl.url.startswith("/pl/")
    assert hidden.url not in paths
    assert "/running/" in paths and "/over/" not in paths  # an ended campaign is left out
    by_path = {urlsplit(e.findtext(f"{SITEMAP}loc")).path: e for e in entries}
    links = by_path[guide.url].findall(f"{XHTML}link")
    languages = {link.get("hreflang"): urlsplit(link.get("href")).path for link in links}
    assert languages == {"en": guide.url, "pl": guide_pl.url}
    assert all(absolute(link.get("href")) for link in links)


def test_robots_txt_allows_the_site_keeps_out_the_admin_and_points_at_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert "Disallow: /admin/" in lines
    assert "Disallow: /go/" in lines
    assert "Disallow: /find-support/results/" in lines
    assert "Disallow: /find-support/*?" in lines
    assert "Disallow: /find-support/" not in lines  # the questionnaire's start stays findable
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_rss_and_atom_feeds_of_guides_and_case_studies_parse_with_absolute_links(client, section):
    from casestudies.models import CaseStudyIndexPage
    from guides.models import GuideIndexPage

    old = make_guide(section(GuideIndexPage), title="Older guide")
    new = make_guide(
        section(GuideIndexPage), title="Newer guide & more", summary="Fresh <b>news</b>"
    )
    type(old).objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=3)
    )
    make_case_study(section(CaseStudyIndexPage), title="A story to read")

    rss = ElementTree.fromstring(client.get("/feeds/guides/rss/").content)
    items = rss.findall("./channel/item")
    assert [i.findtext("title") for i in items] == ["Newer guide & more", "Older guide"]
    assert items[0].findtext("description") == "Fresh <b>news</b>"
    assert all(absolute(i.findtext("link")) for i in items)
    assert urlsplit(items[0].findtext("link")).path == new.url
    assert absolute(rss.findtext("./channel/link"))

    atom = client.get("/feeds/case-studies/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "public" in atom["Cache-Control"]
    feed = ElementTree.fromstring(atom.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["A story to read"]
    assert absolute(entries[0].find(f"{ATOM}link").get("href"))
    for url in ("/feeds/guides/atom/", "/feeds/case-studies/rss/", "/feeds/training/atom/"):
        ElementTree.fromstring(client.get(url).content)


def test_feeds_follow_the_language_of_the_address(client, section):
    from guides.models import GuideIndexPage

    guide = make_guide(section(GuideIndexPage), title="English only")
    assert b"English only" in client.get("/feeds/guides/rss/").content
    polish = ElementTree.fromstring(client.get("/pl/feeds/guides/rss/").content)
    assert polish.findall("./channel/item") == []
    assert guide.live


def test_the_training_feed_and_calendar_list_upcoming_sessions_only(client, section):
    import icalendar

    from guides.models import TrainingIndexPage

    module = make_module(
        section(TrainingIndexPage),
        title="Bidding for contracts; a workshop, with notes",
        sessions=[(-2, False), (3, False), (10, True)],
    )
    rss = ElementTree.fromstring(client.get("/feeds/training/rss/").content)
    items = rss.findall("./channel/item")
    assert len(items) == 2
    assert all(i.findtext("title").startswith("Bidding for contracts") for i in items)
    assert all(urlsplit(i.findtext("link")).path == module.url for i in items)

    response = client.get("/feeds/training/sessions.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert all(line.endswith("\r") or not line for line in body.split("\n")[:-1])
    assert all(len(line.encode()) <= 76 for line in body.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 2
    first, second = sorted(events, key=lambda e: e.decoded("DTSTART"))
    assert str(first["SUMMARY"]) == "Bidding for contracts; a workshop, with notes"
    assert "Wigan" in str(first["LOCATION"])
    assert str(second["LOCATION"]) == "Online"
    assert first.decoded("DTSTART") > timezone.now()
    assert first.decoded("DTEND") > first.decoded("DTSTART")
    assert str(first["URL"]).startswith("http://testserver" + module.url)
    assert len({str(e["UID"]) for e in events}) == 2


def test_the_content_api_lists_pages_images_and_documents_read_only_and_cached(client, section):
    from guides.models import GuideIndexPage

    guide = make_guide(section(GuideIndexPage), title="API guide", need=["funding"])
    response = client.get("/api/v2/pages/?type=guides.GuidePage&fields=summary,needs,body")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Content-Type"] == "application/json"
    assert not response.cookies
    items = response.json()["items"]
    assert [i["title"] for i in items] == ["API guide"]
    assert items[0]["needs"] == ["funding"]
    assert items[0]["summary"] == guide.summary
    assert items[0]["body"][0]["type"] == "heading"
    assert absolute(items[0]["meta"]["html_url"])
    detail = client.get(f"/api/v2/pages/{guide.pk}/").json()
    assert detail["needs"] == ["funding"] and "last_reviewed" in detail
    for endpoint in ("/api/v2/images/", "/api/v2/documents/", "/api/v2/pages/"):
        assert client.get(endpoint).status_code == 200
        assert client.post(endpoint, {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/pages/{guide.pk}/").status_code == 405


def test_the_content_api_shows_only_live_public_pages(client, section):
    from guides.models import GuideIndexPage

    draft = make_guide(section(GuideIndexPage), title="Not yet")
    draft.unpublish()
    titles = [i["title"] for i in client.get("/api/v2/pages/?limit=20").json()["items"]]
    assert "Not yet" not in titles
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "?limit=abc",
        "?offset=-1",
        "?limit=99999",
        "?type=nope.Nothing",
        "?type=<script>",
        "?fields=summary",
        "?fields=*,nonsense",
        "?order=-nonsense",
        "?child_of=abc",
        "?descendant_of=999999",
        "?search=" + "co-op " * 100,
        "?unknown=1",
        "?locale=xx",
        "?title=%00",
        "?search=%00",
    ],
)
def test_bad_api_parameters_get_a_clear_error_not_a_server_error(client, home, query):
    response = client.get("/api/v2/pages/" + query)
    assert response.status_code in (200, 400, 404), response.content[:300]
    assert response["Content-Type"] == "application/json"


def test_a_very_long_api_search_is_refused_with_a_message(client, home):
    response = client.get("/api/v2/pages/?search=" + "co-op " * 100)
    assert response.status_code == 400
    assert "too long" in response.json()["message"]
