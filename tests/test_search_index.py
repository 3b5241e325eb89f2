"""The database search index follows the content: saving, publishing, deleting and rebuilding."""

import io

import pytest
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from guides.models import GuidePage
from tests.search_content import add, sections


def found(client, query):
    return client.get("/search/", {"q": query}).content.decode()


@pytest.mark.django_db
def test_publishing_a_change_updates_what_the_page_is_found_by(client, home):
    guide = add(
        sections(home)["guides"],
        GuidePage,
        title="Running a community pub",
        summary="Run by members.",
    )
    assert "community <mark>pub</mark>" in found(client, "pub")
    guide.title = "Running a community shop"
    guide.save_revision().publish()
    assert "Nothing found" in found(client, "pub")
    assert "community <mark>shop</mark>" in found(client, "shop")


@pytest.mark.django_db
def test_deleting_a_page_removes_it_from_the_index(client, home):
    guide = add(sections(home)["guides"], GuidePage, title="Community energy schemes")
    entries = IndexEntry.objects.filter(
        object_id=str(guide.pk), content_type__app_label__in=["wagtailcore", "guides"]
    )
    assert entries.exists()
    guide.delete()
    assert not entries.exists()
    assert "Nothing found" in found(client, "energy")


@pytest.mark.django_db
def test_unpublished_pages_are_not_shown(client, home):
    guide = add(sections(home)["guides"], GuidePage, title="Community land trusts")
    guide.unpublish()
    assert "Nothing found" in found(client, "land trusts")


@pytest.mark.django_db
def test_update_index_rebuilds_the_index(client, home):
    add(sections(home)["guides"], GuidePage, title="Cargo bike co-operatives")
    IndexEntry.objects.all().delete()
    assert "Nothing found" in found(client, "cargo")
    out = io.StringIO()
    call_command("update_index", stdout=out)
    assert "<mark>Cargo</mark> bike" in found(client, "cargo")
    assert "indexed" in out.getvalue()


@pytest.mark.django_db
def test_fuzzy_matching_extensions_exist_on_postgresql():
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    applied = MigrationRecorder(connection).applied_migrations()
    assert ("portal_search", "0002_postgres_search_extensions") in applied
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT extname FROM pg_extension")
            assert {"unaccent", "pg_trgm"} <= {row[0] for row in cursor.fetchall()}
