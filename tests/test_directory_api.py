"""The Open Referral UK API: every endpoint validated against HSDS 3.0 with the UK profile.

The schemas are read from ``../shared/openreferral`` beside the checkout (never copied into the
repository). Without that folder these tests skip with a notice, except in CI where that is a
failure.
"""

from __future__ import annotations

import copy
import json
import os
import warnings
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.api.ids import taxonomy_id, term_id
from tests.test_directory_factories import bulk_providers, make_provider

SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "openreferral"
API = "/api/oruk"
PAGE_KEYS = [
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
]


@pytest.fixture(scope="module")
def schemas():
    if not SCHEMAS.is_dir():
        message = f"NO OPEN REFERRAL SCHEMAS at {SCHEMAS}: the API was not validated."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    return uk_schemas()


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _overlay(schema, profiles):
    """Apply the UK profile to every entity inside a compiled HSDS schema.

    A property set to null in the profile is removed; other properties in the profile are
    added or replace HSDS's; the profile's ``required`` replaces HSDS's. Every object then
    forbids properties it does not define, so a removed field sent anyway fails validation.
    """
    if isinstance(schema, list):
        return [_overlay(item, profiles) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: _overlay(value, profiles) for key, value in schema.items()}
    if schema.get("type") == "object" and "properties" in schema:
        profile = profiles.get(schema.get("name")) or {}
        properties = dict(schema["properties"])
        for key, value in (profile.get("properties") or {}).items():
            if value is None:
                properties.pop(key, None)
            elif key not in properties:
                properties[key] = _overlay(value, profiles)
            else:
                properties[key] = {**properties[key], **_overlay(value, profiles)}
        required = profile.get("required", schema.get("required", []))
        schema["properties"] = properties
        schema["required"] = [name for name in required if name in properties]
        schema["additionalProperties"] = False
        schema.pop("allOf", None)
    return schema


def _find(schema, name):
    if isinstance(schema, dict):
        if schema.get("name") == name and schema.get("type") == "object":
            return schema
        values = schema.values()
    elif isinstance(schema, list):
        values = schema
    else:
        return None
    for value in values:
        found = _find(value, name)
        if found is not None:
            return found
    return None


@cache
def uk_schemas() -> dict:
    hsds, uk = SCHEMAS / "hsds-3.0", SCHEMAS / "uk-profile"
    profiles = {p.stem: _load(p) for p in uk.glob("*.json") if not p.stem.startswith("openapi")}
    result = {
        name: _overlay(_load(hsds / f"{name}.json"), profiles)
        for name in ("service", "service_list", "service_at_location", "service_at_location_list")
    }
    term = _overlay(_find(_load(hsds / "service.json"), "taxonomy_term"), profiles)
    taxonomy = _overlay(
        copy.deepcopy(_find(_load(hsds / "organization.json"), "taxonomy")), profiles
    )
    taxonomy["properties"]["taxonomy_terms"]["items"] = term
    result["taxonomy_term"] = term
    result["taxonomy"] = taxonomy
    page = _load(uk / "openapi30.json")["components"]["schemas"]["Page"]
    result["page"] = {
        **page,
        "required": PAGE_KEYS,
        "properties": {**page["properties"], "contents": {"type": "array"}},
        "additionalProperties": False,
    }
    return result


def validate(document, schema) -> None:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10]
    )


def validate_list(response, item_schema, schemas) -> dict:
    assert response.status_code == 200, response.content
    body = response.json()
    validate(body, schemas["page"])
    for item in body["contents"]:
        validate(item, item_schema)
    return body


def get(client, path, **params):
    return client.get(f"{API}{path}", params)


@pytest.fixture
def providers(db):
    return {
        "coop": make_provider(
            "Oldham Co-op Clinic",
            needs=("starting-up",),
            areas=("oldham",),
            postcode="OL1 1DN",
            languages="en, ur",
            summary="Help to start a co-operative with friends.",
            description="<p>Evening clinics.</p><p>Free for new groups.</p>",
            website="https://oldham-coop.example.org",
            email="hello@oldham-coop.example.org",
            phone="0161 496 0001",
            opening_hours="Tuesdays 6pm to 8pm",
            accessibility="Step-free entrance.",
            cost_note="Three free sessions",
        ),
        "city": make_provider(
            "City Finance Desk",
            needs=("funding",),
            areas=("manchester",),
            postcode="M1 1AE",
            cost="paid",
            summary="Loans for growing businesses.",
        ),
        "gm": make_provider(
            "GM Tender Helpdesk",
            needs=("tendering",),
            areas=("gm-wide",),
            postcode="WN1 1AA",
            summary="Bid reviews.",
        ),
        "online": make_provider(
            "Online Board School",
            needs=("governance",),
            areas=("national",),
            postcode="",
            in_person=False,
            online=True,
            summary="Board training online.",
        ),
    }


def test_index_describes_the_api(client, db):
    response = get(client, "/")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "3.0" and body["openapi_url"].startswith("https://")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_services_list_validates_and_paginates(client, providers, schemas):
    body = validate_list(get(client, "/services"), schemas["service_list"], schemas)
    assert body["total_items"] == 4 and body["size"] == 4
    assert body["first_page"] and body["last_page"] and not body["empty"]
    second = validate_list(
        get(client, "/services", page=2, per_page=3), schemas["service_list"], schemas
    )
    assert second["total_pages"] == 2 and second["size"] == 1 and not second["first_page"]
    beyond = validate_list(get(client, "/services", page=9), schemas["service_list"], schemas)
    assert beyond["empty"] and beyond["contents"] == []


def test_a_service_is_fully_nested_and_valid(client, providers, schemas):
    coop = providers["coop"]
    response = get(client, f"/services/{coop.uuid}")
    assert response.status_code == 200
    service = response.json()
    validate(service, schemas["service"])
    assert service["id"] == str(coop.uuid)
    assert service["assured_date"] == coop.last_reviewed.isoformat()
    assert service["organization"]["name"] == "Oldham Co-op Clinic"
    address = service["service_at_locations"][0]["location"]["addresses"][0]
    assert address["postal_code"] == "OL1 1DN" and address["country"] == "GB"
    assert [a["name"] for a in service["service_areas"]] == ["Oldham"]
    assert service["cost_options"][0]["option"] == "Free"
    assert service["schedules"][0]["description"] == "Tuesdays 6pm to 8pm"
    assert len(service["languages"]) == 2 and service["contacts"]
    terms = {a["taxonomy_term"]["term"] for a in service["attributes"]}
    assert {"starting-up", "oldham", "in-person", "free", "ur"} <= terms
    assert "Evening clinics.\n\nFree for new groups." in service["description"]
    # Empty optional fields are left out, never null.
    assert None not in service.values()
    # The validation is strict: a field the UK profile removes would fail it.
    with pytest.raises(AssertionError):
        validate({**service, "phones": []}, schemas["service"])
    online = get(client, f"/services/{providers['online'].uuid}").json()
    validate(online, schemas["service"])
    assert "service_at_locations" not in online and "schedules" not in online


def test_identifiers_are_stable_between_requests(client, providers):
    first = get(client, f"/services/{providers['coop'].uuid}").json()
    second = get(client, f"/services/{providers['coop'].uuid}").json()
    assert first == second


def test_taxonomies_and_terms_validate_and_link_up(client, providers, schemas):
    body = validate_list(get(client, "/taxonomies"), schemas["taxonomy"], schemas)
    names = {t["name"] for t in body["contents"]}
    assert {"Support needs", "Areas", "Languages"} <= names
    terms = validate_list(
        get(client, "/taxonomy_terms", per_page=100, taxonomy_id=taxonomy_id("need")),
        schemas["taxonomy_term"],
        schemas,
    )
    assert terms["total_items"] == 13
    assert {t["taxonomy_id"] for t in terms["contents"]} == {taxonomy_id("need")}
    one = get(client, f"/taxonomies/{taxonomy_id('area')}")
    validate(one.json(), schemas["taxonomy"])
    assert len(one.json()["taxonomy_terms"]) == 12
    term = get(client, f"/taxonomy_terms/{term_id('need', 'funding')}")
    validate(term.json(), schemas["taxonomy_term"])
    assert term.json()["name"] == "Funding and social investment"


def test_service_filters_narrow_the_results(client, providers, schemas):
    def names(**params):
        body = validate_list(get(client, "/services", **params), schemas["service_list"], schemas)
        return sorted(s["name"] for s in body["contents"])

    everything = names()
    assert len(everything) == 4
    assert names(taxonomy_term_id=term_id("need", "funding")) == ["City Finance Desk"]
    assert names(taxonomy_term_id=term_id("lang", "ur")) == ["Oldham Co-op Clinic"]
    # GM-wide and national services serve every borough.
    assert names(taxonomy_term_id=term_id("area", "wigan")) == [
        "GM Tender Helpdesk",
        "Online Board School",
    ]
    assert names(taxonomy_id=taxonomy_id("cost")) == everything
    assert names(taxonomy_id=taxonomy_id("sector")) == []  # not a published taxonomy
    assert names(search="loans") == ["City Finance Desk"]
    assert names(taxonomy_term_id="00000000-0000-0000-0000-000000000000") == []


def test_service_at_locations_by_postcode_and_proximity(client, providers, schemas):
    def names(**params):
        body = validate_list(
            get(client, "/service_at_locations", **params),
            schemas["service_at_location_list"],
            schemas,
        )
        return [item["service"]["name"] for item in body["contents"]]

    assert sorted(names()) == ["City Finance Desk", "GM Tender Helpdesk", "Oldham Co-op Clinic"]
    # A Manchester postcode: services whose areas cover Manchester, nearest first.
    assert names(postcode="M4 5AB") == ["City Finance Desk", "GM Tender Helpdesk"]
    assert names(postcode="M4 5AB", proximity="3000") == ["City Finance Desk"]
    assert names(postcode="OL1 3AA") == ["Oldham Co-op Clinic", "GM Tender Helpdesk"]
    listed = get(client, "/service_at_locations", postcode="OL1").json()["contents"][0]
    one = get(client, f"/service_at_locations/{listed['id']}")
    assert one.status_code == 200
    validate(one.json(), schemas["service_at_location"])


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/services", {"page": "0"}, 400),
        ("/services", {"page": "abc"}, 400),
        ("/services", {"per_page": "1000"}, 400),
        ("/services", {"per_page": "-1"}, 400),
        ("/services", {"page": ["1", "2"]}, 400),
        ("/services", {"taxonomy_term_id": "funding"}, 400),
        ("/services", {"taxonomy_id": "' OR 1=1"}, 400),
        ("/services", {"day": "monday"}, 400),
        ("/services", {"minimum_age": "18"}, 400),
        ("/services", {"search": "\x00" * 3000}, 200),
        ("/service_at_locations", {"postcode": "not a postcode"}, 400),
        ("/service_at_locations", {"postcode": "SW1A 1AA"}, 400),
        ("/service_at_locations", {"proximity": "500"}, 400),
        ("/service_at_locations", {"postcode": "M1", "proximity": "far"}, 400),
        ("/service_at_locations", {"postcode": "M1", "proximity": "-5"}, 400),
        ("/service_at_locations", {"postcode": "M1", "proximity": "1e12"}, 400),
        ("/services/not-a-uuid", {}, 404),
        ("/services/00000000-0000-0000-0000-000000000000", {}, 404),
        ("/service_at_locations/nope", {}, 404),
        ("/taxonomies/nope", {}, 404),
        ("/taxonomy_terms/nope", {}, 404),
        ("/organizations", {}, 404),
    ],
)
def test_bad_parameters_get_a_clear_json_error(client, providers, path, params, status):
    response = get(client, path, **params)
    assert response.status_code == status
    assert response["Access-Control-Allow-Origin"] == "*"
    if status != 200:
        assert response.json()["error"]["message"]


def test_the_api_is_read_only_and_answers_preflight(client, db):
    assert client.post(f"{API}/services").status_code == 405
    preflight = client.options(f"{API}/services")
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def _queries(client, path, **params) -> int:
    get(client, path, **params)
    with CaptureQueriesContext(connection) as captured:
        assert get(client, path, **params).status_code == 200
    return len(captured.captured_queries)


def test_query_counts_do_not_grow_with_the_directory(client, db):
    make_provider("Anchor", areas=("bolton",), cost="paid")
    bulk_providers(10, prefix="Few")
    few = _queries(client, "/services", per_page=50)
    few_term = _queries(client, "/services", taxonomy_term_id=term_id("area", "bolton"))
    few_places = _queries(client, "/service_at_locations", postcode="BL1")
    bulk_providers(200, prefix="Many")
    assert _queries(client, "/services", per_page=50) == few
    assert _queries(client, "/services", taxonomy_term_id=term_id("area", "bolton")) == few_term
    assert _queries(client, "/service_at_locations", postcode="BL1") == few_places
