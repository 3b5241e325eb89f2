"""Embeddable widgets: framing allowed only for them, light accessible markup, admin snippets."""

import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

WIDGETS = ["/embed/find-support/", "/embed/directory-search/"]


def frame_ancestors(response) -> str:
    match = re.search(r"frame-ancestors ([^;]+)", response["Content-Security-Policy"])
    return match.group(1).strip() if match else ""


@pytest.mark.parametrize("url", WIDGETS)
def test_widgets_may_be_framed_by_any_site_by_default(client, home, url):
    response = client.get(url)
    assert response.status_code == 200
    assert frame_ancestors(response) == "*"
    assert "X-Frame-Options" not in response
    assert response["X-Robots-Tag"] == "noindex"
    # The rest of the strict policy still applies.
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/", "/find-support/", "/directory/", "/search/?q=co-op", "/go/x"])
def test_every_other_page_still_refuses_to_be_framed(client, home, url):
    response = client.get(url)
    assert frame_ancestors(response) == "'none'"
    assert response["X-Frame-Options"] == "DENY"


@override_settings(
    EMBED_ALLOWED_ORIGINS=["https://council.example.gov.uk", "https://partner.example.org"]
)
def test_allowed_origins_limit_who_may_frame_the_widgets(client, home):
    response = client.get("/embed/find-support/")
    assert frame_ancestors(response) == (
        "'self' https://council.example.gov.uk https://partner.example.org"
    )


def test_the_questionnaire_widget_is_a_small_accessible_form_into_the_portal(client, home):
    response = client.get("/embed/find-support/")
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "<script" not in html and "style=" not in html
    assert 'action="http://testserver/find-support/"' in html
    assert 'target="_top"' in html
    for field in ("widget-need", "widget-area"):
        assert f'<label for="{field}">' in html and f'id="{field}"' in html
    assert '<option value="wigan">Wigan</option>' in html
    assert "site-header" not in html and "<footer" not in html
    assert len(response.content) < 8000


def test_the_directory_widget_searches_the_directory(client, home):
    html = client.get("/embed/directory-search/").content.decode()
    assert 'action="http://testserver/directory/"' in html
    assert 'name="q"' in html and 'role="search"' in html
    listing = client.get("/directory/?q=&need=&area=wigan")
    assert listing.status_code == 200


def test_widgets_come_in_other_languages(client, home):
    response = client.get("/pl/embed/find-support/")
    assert response.status_code == 200
    assert '<html lang="pl"' in response.content.decode()


def test_staff_find_copy_paste_snippets_for_both_widgets(admin_client, home):
    html = admin_client.get("/admin/campaigns/widgets/").content.decode()
    assert "&lt;iframe src=&quot;http://testserver/embed/find-support/&quot;" in html
    assert "&lt;iframe src=&quot;http://testserver/embed/directory-search/&quot;" in html
    assert "title=&quot;Find support for your social business&quot;" in html
