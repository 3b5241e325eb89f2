"""A database restart in the middle of traffic: read-only requests recover on their own."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client

from portal.models import PartnerOrganisation


@pytest.fixture(autouse=True)
def _skeleton_back_afterwards(django_db_blocker):
    """These tests need real transactions, which end by emptying every table; any test run
    after them expects the site skeleton, so it is rebuilt once the emptying is done."""
    yield
    with django_db_blocker.unblock():
        call_command("load_demo_content", skeleton=True, stdout=io.StringIO())


@pytest.fixture
def cut_connection(transactional_db):
    """Terminate this process's database connection from another one, as a restart does."""
    if connection.vendor != "postgresql":
        pytest.skip("Only a database server can drop a connection; CI runs this on PostgreSQL.")
    # Tests with real transactions run after the others, some of which empty every table.
    call_command("load_demo_content", skeleton=True, stdout=io.StringIO())

    def cut():
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        finally:
            other.close()

    return cut


def test_a_page_requested_as_the_connection_drops_is_served(cut_connection):
    client = Client(raise_request_exception=False)
    assert client.get("/guides/").status_code == 200
    cut_connection()
    response = client.get("/guides/")
    assert response.status_code == 200
    assert "<h1" in response.content.decode()


def test_a_form_post_is_not_sent_twice(cut_connection, admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    cut_connection()
    response = client.post(
        "/admin/snippets/portal/partnerorganisation/add/",
        {"name": "Only once (demo)", "slug": "only-once", "contact_email": "a@example.org"},
    )
    # The post failed with the connection; it was not quietly tried again.
    assert response.status_code == 500
    connection.close()  # as Django does with an unusable connection at the end of a request
    assert not PartnerOrganisation.objects.filter(slug="only-once").exists()
