"""The anonymous page cache: fast repeat visits, fresh after publishing, never for editors."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from guides.models import GuideIndexPage
from portal.models import SupportNeed
from tests.content_factories import make_guide

PASSWORD = "a-long-test-password-123"
ON = override_settings(PAGE_CACHE_SECONDS=300)


@pytest.fixture
def guide(section):
    page = make_guide(section(GuideIndexPage), title="Cached guide", need=["funding"])
    # The first visit to a site creates its settings row.
    Client().get("/")
    return page


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("cacher", "cacher@example.org", PASSWORD)


@ON
def test_a_second_anonymous_visit_is_served_from_the_cache(client, guide):
    first = client.get(guide.url)
    second = client.get(guide.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@ON
def test_allowed_filters_are_cached_per_full_address_and_others_are_not(client, guide):
    assert client.get("/guides/?need=funding")["X-Page-Cache"] == "miss"
    assert client.get("/guides/?need=funding")["X-Page-Cache"] == "hit"
    assert client.get("/guides/?need=tendering")["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in client.get("/guides/?utm_source=x")


@ON
def test_publishing_shows_the_change_at_once(client, guide):
    assert b"Cached guide" in client.get(guide.url).content
    assert client.get("/guides/")["X-Page-Cache"] == "miss"
    guide.title = "Freshly changed guide"
    guide.save_revision().publish()
    page = client.get(guide.url)
    assert page["X-Page-Cache"] == "miss"
    assert b"Freshly changed guide" in page.content
    assert b"Freshly changed guide" in client.get("/guides/").content


@ON
def test_unpublishing_and_deleting_remove_the_page_at_once(client, guide, section):
    other = make_guide(section(GuideIndexPage), title="Soon gone guide")
    assert b"Soon gone guide" in client.get("/guides/").content
    other.unpublish()
    assert b"Soon gone guide" not in client.get("/guides/").content
    assert client.get(other.url).status_code == 404
    assert b"Cached guide" in client.get("/guides/").content
    guide.delete()
    assert b"Cached guide" not in client.get("/guides/").content


@ON
def test_changing_the_vocabulary_empties_the_cache(client, guide):
    client.get(guide.url)
    need = SupportNeed.objects.get(slug="funding", locale__language_code="en")
    need.label = "Money and grants"
    need.save()
    page = client.get(guide.url)
    assert page["X-Page-Cache"] == "miss"
    assert b"Money and grants" in page.content


@ON
def test_a_logged_in_editor_never_gets_nor_fills_a_cached_page(client, guide, editor):
    client.get(guide.url)  # cached for anonymous visitors
    client.force_login(editor)
    seen = client.get(guide.url)
    assert "X-Page-Cache" not in seen
    client.get("/guides/")
    client.logout()
    anonymous = client.get("/guides/")
    assert anonymous["X-Page-Cache"] == "miss"
    assert b"wagtail-userbar" not in anonymous.content


@ON
def test_posts_and_the_admin_are_never_cached(client, guide, editor):
    assert "X-Page-Cache" not in client.post(guide.url, {"x": "1"})
    client.force_login(editor)
    assert "X-Page-Cache" not in client.get("/admin/")
    client.logout()
    assert "X-Page-Cache" not in client.get("/admin/login/")
    assert "X-Page-Cache" not in client.get("/healthz")


@ON
def test_responses_that_set_a_cookie_or_fail_are_not_stored(client, guide):
    client.get("/no-such-page/")
    assert "X-Page-Cache" not in client.get("/no-such-page/")


def test_the_cache_is_off_when_page_cache_seconds_is_zero(client, guide):
    client.get(guide.url)
    assert "X-Page-Cache" not in client.get(guide.url)


@override_settings(
    PAGE_CACHE_SECONDS=300,
    REDIS_URL="redis://127.0.0.1:1/0",
    CACHES={
        "default": {
            "BACKEND": "portal.cache_backends.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    },
)
def test_an_unreachable_redis_means_uncached_pages_and_an_unhealthy_health_check(client, guide):
    from django.core.cache import caches

    caches._settings = None  # pick up the overridden CACHES in this thread
    try:
        for url in (guide.url, "/guides/?need=funding", "/directory/", "/search/?q=guide"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.get("X-Page-Cache") in (None, "miss")
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json()["checks"]["cache"] == "unavailable"
    finally:
        for alias in list(caches):
            del caches[alias]


@ON
def test_campaign_tagged_addresses_are_cached(client, guide):
    assert client.get(f"{guide.url}?campaign=spring")["X-Page-Cache"] == "miss"
    assert client.get(f"{guide.url}?campaign=spring")["X-Page-Cache"] == "hit"


@ON
def test_every_search_that_finds_nothing_is_counted_even_with_the_cache_on(client, guide):
    from search.models import ZeroResultQuery

    for _ in range(3):
        response = client.get("/search/?q=zzqxnothingmatches")
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"
    assert ZeroResultQuery.objects.get(query="zzqxnothingmatches").count == 3
    # Searches that find something are still shared.
    client.get("/search/?q=cached")
    assert client.get("/search/?q=cached")["X-Page-Cache"] == "hit"


@ON
def test_a_provider_page_is_cached_and_its_report_form_is_not(client, guide):
    from tests.test_directory_factories import make_provider

    provider = make_provider("Cached provider")
    client.get(provider.url)
    assert client.get(provider.url)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get(f"{provider.url}report/")


def test_the_menu_and_page_addresses_follow_publishing_at_once(client, guide, section):
    # The site frame (menu, routes) is cached even when the page cache is off.
    from casestudies.models import CaseStudyIndexPage

    stories = section(CaseStudyIndexPage)
    assert f'href="{stories.url}"' in client.get(guide.url).content.decode()
    stories.title = "Stories of change"
    stories.save_revision().publish()
    assert "Stories of change</a>" in client.get(guide.url).content.decode()
    stories.unpublish()
    assert f'href="{stories.url}"' not in client.get(guide.url).content.decode()
    assert client.get(stories.url).status_code == 404
    guide.slug = "moved-guide"
    guide.save_revision().publish()
    assert client.get(guide.url).status_code == 404
    assert client.get("/guides/moved-guide/").status_code == 200
