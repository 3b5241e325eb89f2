"""Turn providers into Open Referral UK documents (dictionaries ready for JSON).

Empty optional fields are left out rather than sent as null. The UK profile removes some HSDS
fields (phones, language names and codes, address line 2 ...); those are not sent, and what
they would carry goes where the profile allows it: the languages a provider speaks are
attributes linking to the ``languages`` taxonomy, address line 2 joins line 1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.utils.html import strip_tags

from directory.api.ids import stable_id, taxonomy_id, term_id
from directory.languages import LANGUAGES
from directory.models import Cost, DeliveryMode, ProviderLocation, ProviderPage
from portal.models import PageFacet
from portal.vocabulary import vocabulary

#: Our facets published as taxonomies: parameter -> (name, description).
TAXONOMIES: dict[str, tuple[str, str]] = {
    "need": ("Support needs", "What a social business needs help with."),
    "stage": ("Stages", "How far along a social business is."),
    "type": ("Organisation types", "Legal and ownership forms that a provider works with."),
    "area": ("Areas", "Greater Manchester boroughs, all of Greater Manchester, or national."),
    "mode": ("Delivery modes", "How a provider delivers support."),
    "cost": ("Cost", "What most users pay."),
    "lang": ("Languages", "Languages spoken by the provider, as ISO 639-1 codes."),
}


def _clean(document: dict) -> dict:
    """Drop empty optional values; the profile says omit rather than send null."""
    return {k: v for k, v in document.items() if v not in (None, "", [], {})}


def terms() -> dict[str, list[tuple[str, str, str]]]:
    """Every published term, by parameter: (slug, name, description)."""
    vocab = vocabulary(settings.LANGUAGE_CODE)
    result = {
        param: [(t.slug, t.label, t.description or t.label) for t in vocab[param]]
        for param in ("need", "stage", "type", "area")
    }
    result["mode"] = [(m.value, str(m.label), str(m.label)) for m in DeliveryMode]
    result["cost"] = [(c.value, str(c.label), str(c.label)) for c in Cost]
    result["lang"] = [(code, name, name) for code, name in LANGUAGES.items()]
    return result


def term_index() -> dict[str, tuple[str, str, str, str]]:
    """Term UUID -> (parameter, slug, name, description)."""
    return {
        term_id(param, slug): (param, slug, name, description)
        for param, rows in terms().items()
        for slug, name, description in rows
    }


def taxonomy_document(param: str) -> dict:
    name, description = TAXONOMIES[param]
    return {
        "id": taxonomy_id(param),
        "name": name,
        "description": description,
        "version": "1",
    }


def term_document(param: str, slug: str, name: str, description: str) -> dict:
    return {
        "id": term_id(param, slug),
        "name": name,
        "term": slug,
        "description": description,
        "taxonomy": TAXONOMIES[param][0],
        "taxonomy_id": taxonomy_id(param),
    }


def facets_by_page(page_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
    """The (parameter, value) pairs each provider chose itself, from one query."""
    rows = PageFacet.objects.filter(
        page_id__in=list(page_ids), param__in=list(TAXONOMIES), implied=False
    ).values_list("page_id", "param", "value")
    result: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for page_id, param, value in rows:
        result[page_id].append((param, value))
    return result


def _timestamp(value) -> str | None:
    if value is None:
        return None
    return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def organization_document(page: ProviderPage, *, request=None) -> dict:
    logo = page.logo.file.url if page.logo_id and page.logo and page.logo.file else ""
    if logo and request is not None and logo.startswith("/"):
        logo = request.build_absolute_uri(logo)
    return _clean(
        {
            "id": stable_id("organization", page.uuid),
            "name": page.title,
            "description": page.summary or page.title,
            "email": page.email,
            "website": page.website,
            "logo": logo,
            "uri": page.full_url,
        }
    )


def service_summary(page: ProviderPage, *, request=None) -> dict:
    """The one-to-one fields of a service, as in service lists."""
    description = page.summary
    # Paragraph ends become blank lines so the plain text keeps its shape.
    html = (page.description or "").replace("</p>", "</p>\n\n").replace("<br/>", "\n")
    body = "\n\n".join(p.strip() for p in strip_tags(html).split("\n\n") if p.strip())
    if body:
        description = f"{description}\n\n{body}" if description else body
    organization = organization_document(page, request=request)
    return _clean(
        {
            "id": str(page.uuid),
            "organization_id": organization["id"],
            "name": page.title,
            "description": description,
            "url": page.website or page.full_url,
            "email": page.email,
            "status": "active",
            "assured_date": page.last_reviewed.isoformat() if page.last_reviewed else None,
            "assurer_email": page.owner_organisation.contact_email
            if page.owner_organisation_id and page.owner_organisation
            else None,
            "last_modified": _timestamp(page.last_published_at),
            "organization": organization,
        }
    )


def location_document(location: ProviderLocation, *, accessibility: str = "") -> dict:
    address_id = stable_id("address", location.uuid)
    line = ", ".join(p for p in (location.address_1, location.address_2) if p)
    document = {
        "id": str(location.uuid),
        "location_type": "physical",
        "name": location.name or location.address_1,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "addresses": [
            {
                "id": address_id,
                "location_id": str(location.uuid),
                "address_1": line,
                "city": location.town,
                "state_province": "Greater Manchester",
                "postal_code": location.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ],
    }
    if accessibility:
        document["accessibility"] = [
            {
                "id": stable_id("accessibility", location.uuid),
                "location_id": str(location.uuid),
                "description": accessibility,
                "accessibility": accessibility,
            }
        ]
    return _clean(document)


def location_summary(location: ProviderLocation) -> dict:
    """The one-to-one fields of a location, as in service-at-location lists."""
    return _clean(
        {
            "id": str(location.uuid),
            "location_type": "physical",
            "name": location.name or location.address_1,
            "description": ", ".join(
                p for p in (location.address_1, location.address_2, location.town) if p
            )
            + f" {location.postcode}",
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    )


def service_at_location_id(page: ProviderPage, location: ProviderLocation) -> str:
    return stable_id("service_at_location", page.uuid, location.uuid)


def service_document(
    page: ProviderPage, *, facets: list[tuple[str, str]], index: dict, request=None
) -> dict:
    """A fully nested service: organisation, places, areas, costs, languages, attributes."""
    service_id = str(page.uuid)
    document = service_summary(page, request=request)
    locations = list(page.locations.all())
    document["service_at_locations"] = [
        {
            "id": service_at_location_id(page, location),
            "service_id": service_id,
            "location_id": str(location.uuid),
            "location": location_document(location, accessibility=page.accessibility),
        }
        for location in locations
    ]
    labels = {(param, slug): (name, desc) for (param, slug, name, desc) in index.values()}
    chosen = sorted(facets, key=lambda pair: (list(TAXONOMIES).index(pair[0]), pair[1]))
    document["service_areas"] = [
        {
            "id": stable_id("service_area", page.uuid, slug),
            "service_id": service_id,
            "name": labels.get(("area", slug), (slug, ""))[0],
            "service_area": labels.get(("area", slug), (slug, ""))[0],
            "extent_type": "text",
        }
        for param, slug in chosen
        if param == "area"
    ]
    document["languages"] = [
        {"id": stable_id("language", page.uuid, code), "service_id": service_id}
        for code in page.language_codes
    ]
    if page.cost or page.cost_note:
        document["cost_options"] = [
            _clean(
                {
                    "id": stable_id("cost_option", page.uuid),
                    "service_id": service_id,
                    "option": page.get_cost_display() if page.cost else "",
                    "amount_description": page.cost_note,
                }
            )
        ]
    if page.opening_hours:
        document["schedules"] = [
            {
                "id": stable_id("schedule", page.uuid),
                "service_id": service_id,
                "description": page.opening_hours,
            }
        ]
    if page.email or page.phone or page.website:
        document["contacts"] = [
            {
                "id": stable_id("contact", page.uuid),
                "service_id": service_id,
                "name": page.title,
                "title": "General enquiries",
            }
        ]
    attributes = []
    for param, slug in chosen:
        key = term_id(param, slug)
        if key not in index:
            continue
        _param, _slug, name, description = index[key]
        attributes.append(
            {
                "id": stable_id("attribute", page.uuid, key),
                "link_id": service_id,
                "link_type": "service",
                "taxonomy_term_id": key,
                "taxonomy_term": term_document(param, slug, name, description),
            }
        )
    document["attributes"] = attributes
    return _clean(document)
