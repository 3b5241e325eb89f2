"""Hardening a visitor or an attacker would notice: headers, login lockout, upload rules, 2FA."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def _directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: (rest[0] if rest else "") for name, *rest in parts}


@pytest.mark.django_db
def test_public_pages_send_strict_security_headers(client):
    response = client.get("/")
    csp = _directives(response["Content-Security-Policy"])
    assert csp["script-src"] == "'self'"
    assert "unsafe-inline" not in csp["style-src"]
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "Set-Cookie" not in response  # no cookies at all for an anonymous visitor


@pytest.mark.django_db
def test_admin_gets_the_relaxed_policy_its_editor_needs(client):
    csp = _directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == "'self'"


@pytest.mark.django_db
def test_hsts_is_sent_over_https_in_production_settings(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_with_a_clear_message(client, editor):
    for _attempt in range(4):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the ordinary "wrong password" form
    assert client.post("/admin/login/", {"username": "editor", "password": "x"}).status_code == 429
    # Locked now: even the right password is refused until the pause is over.
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed log-in attempts" in html
    assert "15 minutes" in html
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_a_successful_login_before_the_limit_resets_the_count(client, editor):
    for _attempt in range(4):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("password123")
    with pytest.raises(ValidationError):
        validate_password("short")
    validate_password("a sensible long passphrase 42")


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "purple").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("logo.png", _png(), True),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            False,
        ),
    ],
)
def test_image_uploads_refuse_svg(client, editor, name, content, accepted):
    from wagtail.images.models import Image as WagtailImage

    client.force_login(editor)
    response = client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert WagtailImage.objects.filter(title=name).exists() is accepted
    if not accepted:
        assert response.status_code == 200
        assert "Not a supported image format" in response.content.decode() or (
            "file extension" in response.content.decode()
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>", "File extension"),
        ("notes.txt", b"<!DOCTYPE html><script>alert(1)</script>", "web page or SVG markup"),
        ("drawing.csv", b'<svg onload="alert(1)"></svg>', "web page or SVG markup"),
    ],
)
def test_document_uploads_refuse_active_markup(client, editor, name, content, message):
    from wagtail.documents.models import Document

    client.force_login(editor)
    response = client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.filter(title=name).exists()


@pytest.mark.django_db
def test_document_uploads_have_a_size_limit(client, editor, settings):
    from wagtail.documents.models import Document

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(editor)
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    response = client.post("/admin/documents/add/", {"title": "Big", "file": big, "collection": 1})
    assert "This file is too big" in response.content.decode()
    assert not Document.objects.filter(title="Big").exists()
    small = SimpleUploadedFile("guide.pdf", b"%PDF-1.4\nsmall")
    client.post("/admin/documents/add/", {"title": "Small", "file": small, "collection": 1})
    assert Document.objects.filter(title="Small").exists()


@pytest.mark.django_db
def test_staff_in_a_2fa_group_must_set_up_an_authenticator(client):
    user = get_user_model().objects.create_user("moderator", "m@example.org", PASSWORD)
    group = Group.objects.create(name="Needs 2FA")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="enable_2fa"),
    )
    user.groups.add(group)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/2fa/" in response["Location"]


@pytest.mark.django_db
def test_staff_without_2fa_reach_the_admin_directly(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
