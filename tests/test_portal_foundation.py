"""The spine of the site: pages exist, errors are friendly, health and settings are safe."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

ROOT = Path(__file__).resolve().parent.parent

SECTION_URLS = ["/", "/guides/", "/training/", "/case-studies/", "/directory/", "/find-support/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", SECTION_URLS)
def test_every_section_page_renders_with_one_h1_and_landmarks(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for landmark in ('<header class="site-header"', "<main", "<footer", 'role="search"'):
        assert landmark in html
    assert 'class="skip-link" href="#main-content"' in html
    assert '<html lang="en" dir="ltr">' in html


@pytest.mark.django_db
def test_navigation_links_every_section(client):
    html = client.get("/").content.decode()
    for url in SECTION_URLS[1:]:
        assert f'href="{url}"' in html


@pytest.mark.django_db
def test_no_asset_comes_from_another_host(client):
    html = client.get("/").content.decode()
    for attribute in ('src="http', "src='http", 'href="http', "@import", "fonts.googleapis"):
        assert attribute not in html.split("<footer")[0] or 'href="http://testserver' in html


@pytest.mark.django_db
def test_unknown_url_gets_a_styled_404_with_search(client):
    response = client.get("/no-such-page/at-all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'role="search"' in html
    assert 'href="/find-support/"' in html
    assert "Traceback" not in html


def test_server_error_page_is_styled_and_hides_details(rf):
    from portal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert "css/portal.css" in html


@pytest.mark.django_db
def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


@pytest.mark.django_db
def test_healthz_is_503_when_a_configured_cache_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    from django.core.cache import caches

    caches._settings = None  # pick up the overridden CACHES
    try:
        response = client.get("/healthz")
    finally:
        caches._settings = None
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "unavailable"


@pytest.mark.django_db
def test_demo_skeleton_is_idempotent():
    from wagtail.models import Page

    from portal.models import SupportNeed

    before = (Page.objects.count(), SupportNeed.objects.count())
    call_command("load_demo_content", skeleton=True, stdout=io.StringIO())
    assert (Page.objects.count(), SupportNeed.objects.count()) == before


@pytest.mark.django_db
def test_demo_admin_uses_the_given_password(monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-long-demo-password")
    out = io.StringIO()
    call_command("ensure_demo_admin", stdout=out)
    call_command("ensure_demo_admin", stdout=out)
    users = get_user_model().objects.filter(username="admin")
    assert users.count() == 1
    assert users.get().check_password("a-long-demo-password")
    assert "Log in at" in out.getvalue()


@pytest.mark.django_db
def test_no_missing_migrations():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


@pytest.mark.django_db
def test_home_page_query_count_is_small(client):
    client.get("/")  # warm caches (site root paths, vocabulary)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert len(queries) <= 10


def _run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "x" * 20 + "-production-like-secret-key-for-the-check-0123456789",
    "ALLOWED_HOSTS": "hub.example.org",
    "DATABASE_URL": "sqlite:////tmp/cwh-check.sqlite3",
}


def test_production_settings_pass_check_deploy():
    result = _run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key_with_one_line():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = _run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: SECRET_KEY must be set (see README: Environment variables)."
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", "nosuchdb://what"),
        ("SECURE_SSL_REDIRECT", "perhaps"),
        ("REDIS_URL", "localhost"),
        ("DJANGO_ENV", "staging"),
    ],
)
def test_malformed_settings_stop_start_up_naming_the_variable(name, value):
    result = _run_manage("check", env_overrides={**PRODUCTION_ENV, name: value})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Configuration error: {name} ")


def test_production_never_runs_with_debug_on():
    result = _run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        env_overrides={**PRODUCTION_ENV, "DEBUG": "true"},
    )
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
