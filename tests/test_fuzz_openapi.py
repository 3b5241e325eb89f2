"""Schemathesis over the published OpenAPI description: every JSON endpoint answers as described.

Bounded: a few examples per operation, so the whole file takes seconds, not minutes.
"""

import pytest
import schemathesis
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.test_directory_factories import make_provider

schema = schemathesis.openapi.from_path(settings.BASE_DIR / "portal" / "openapi.json")


@pytest.fixture
def wsgi_app(db):
    make_provider("Fuzzed provider", needs=("funding",), areas=("wigan",), postcode="WN1 1AA")
    # As Django's test client does: keep the test's connection (and transaction) open across
    # requests instead of closing it when each request finishes.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_the_description_is_published(client):
    response = client.get("/api/oruk/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
    assert "/api/oruk/services" in response.json()["paths"]


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_matches_its_description(case, wsgi_app):
    if case.path.startswith("/api/oruk/"):
        # Rules across parameters (a proximity needs a postcode, an id must name something)
        # cannot be said in OpenAPI 3.0, so a well-formed request may get a documented 400.
        case.call_and_validate(app=wsgi_app, excluded_checks=[positive_data_acceptance])
    else:
        # The plan and the suggestions are ordinary pages: lenient on purpose (bad input gives
        # a normal page), and other methods meet Django's CSRF check. What they answer to GET
        # must still be as described and never a server error.
        case.call_and_validate(
            app=wsgi_app,
            checks=[
                not_a_server_error,
                status_code_conformance,
                content_type_conformance,
                response_schema_conformance,
            ],
        )
