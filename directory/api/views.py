"""Open Referral UK API views: plain Django views returning JSON, open to any origin."""

from __future__ import annotations

import functools
import math
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from directory.api import documents
from directory.api.ids import stable_id, taxonomy_id
from directory.geo import borough_of, centroid, distance_km, normalise_postcode
from directory.models import ProviderLocation, ProviderPage
from directory.queries import clean_query, providers_in, search_ids
from portal.models import PageFacet

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PROXIMITY_METRES = 200_000
#: Profile filters our data cannot answer; asking for them is an error rather than a silent no-op.
PROFILE_OPENAPI_URL = (
    "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/docs/_static/openapi30.json"
)
UNSUPPORTED = ("minimum_age", "maximum_age", "start_time", "end_time", "day")


class BadRequest(Exception):
    """A parameter the client must fix; becomes a 400 with a readable message."""


def _json(data, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response["Cache-Control"] = "public, max-age=300"
    return response


def _error(message: str, *, status: int) -> JsonResponse:
    return _json({"error": {"status": status, "message": message}}, status=status)


def api_view(view: Callable) -> Callable:
    """GET and OPTIONS only; CORS headers on every answer; bad parameters become a 400."""

    @functools.wraps(view)
    @require_http_methods(["GET", "HEAD", "OPTIONS"])
    def wrapped(request: HttpRequest, *args, **kwargs):
        if request.method == "OPTIONS":
            return _json({})
        try:
            return view(request, *args, **kwargs)
        except BadRequest as problem:
            return _error(str(problem), status=400)

    # Read-only and cookie-free: other methods get a 405 from require_http_methods, not a 403
    # from the CSRF check.
    return csrf_exempt(wrapped)


def _single(request: HttpRequest, name: str) -> str | None:
    values = request.GET.getlist(name)
    if not values:
        return None
    if len(values) > 1:
        raise BadRequest(f"Give '{name}' only once.")
    return values[0].strip()


def _integer(request: HttpRequest, name: str, *, default: int, low: int, high: int) -> int:
    raw = _single(request, name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"'{name}' must be a whole number.") from None
    if not low <= value <= high:
        raise BadRequest(f"'{name}' must be between {low} and {high}.")
    return value


def _uuid(request: HttpRequest, name: str) -> str | None:
    raw = _single(request, name)
    if raw in (None, ""):
        return None
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise BadRequest(f"'{name}' must be a UUID, like those in /taxonomy_terms.") from None


def _reject_unsupported(request: HttpRequest) -> None:
    asked = [name for name in UNSUPPORTED if request.GET.get(name)]
    if asked:
        raise BadRequest(
            f"This directory holds no age or opening-time data, so it cannot filter by "
            f"{', '.join(asked)}."
        )


def _default_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def _paged(request: HttpRequest, items_count: int) -> tuple[int, int, int, int]:
    page = _integer(request, "page", default=1, low=1, high=1_000_000)
    per_page = _integer(request, "per_page", default=DEFAULT_PER_PAGE, low=1, high=MAX_PER_PAGE)
    total_pages = max(1, math.ceil(items_count / per_page))
    start = (page - 1) * per_page
    return page, per_page, total_pages, start


def _page_object(*, contents: list, total: int, page: int, total_pages: int) -> dict:
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _filtered_services(request: HttpRequest):
    """Live providers narrowed by search and taxonomy parameters."""
    _reject_unsupported(request)
    queryset = providers_in(locale=_default_locale())
    query = clean_query(_single(request, "search"))
    term = _uuid(request, "taxonomy_term_id")
    taxonomy = _uuid(request, "taxonomy_id")
    if term:
        found = documents.term_index().get(term)
        if found is None:
            return queryset.none()
        param, slug, _name, _description = found
        queryset = queryset.filter(
            pk__in=PageFacet.objects.filter(param=param, value=slug).values("page_id")
        )
    if taxonomy:
        params = [p for p in documents.TAXONOMIES if taxonomy_id(p) == taxonomy]
        if not params:
            return queryset.none()
        queryset = queryset.filter(
            pk__in=PageFacet.objects.filter(param=params[0], implied=False).values("page_id")
        )
    if query:
        queryset = queryset.filter(pk__in=search_ids(providers_in(locale=_default_locale()), query))
    return queryset.order_by("title", "pk")


@api_view
def index(request):
    """API metadata."""
    return _json(
        {
            "version": "3.0",
            "profile": "https://openreferraluk.org/",
            "openapi_url": PROFILE_OPENAPI_URL,
        }
    )


@api_view
def services(request):
    queryset = _filtered_services(request)
    total = queryset.count()
    page, per_page, total_pages, start = _paged(request, total)
    pages = list(queryset.select_related("owner_organisation", "logo")[start : start + per_page])
    contents = [documents.service_summary(p, request=request) for p in pages]
    return _json(_page_object(contents=contents, total=total, page=page, total_pages=total_pages))


def _provider_by_uuid(raw: str) -> ProviderPage | None:
    try:
        key = uuid.UUID(raw)
    except ValueError:
        return None
    return (
        providers_in(locale=_default_locale())
        .filter(uuid=key)
        .select_related("owner_organisation", "logo")
        .prefetch_related("locations")
        .first()
    )


@api_view
def service_detail(request, service_id: str):
    page = _provider_by_uuid(service_id)
    if page is None:
        return _error("No service has that id.", status=404)
    document = documents.service_document(
        page,
        facets=documents.facets_by_page([page.pk]).get(page.pk, []),
        index=documents.term_index(),
        request=request,
    )
    return _json(document)


def _proximity_metres(request: HttpRequest) -> int | None:
    raw = _single(request, "proximity")
    if raw in (None, ""):
        return None
    try:
        value = float(raw)
    except ValueError:
        raise BadRequest("'proximity' must be a distance in metres, like 5000.") from None
    if not 0 < value <= MAX_PROXIMITY_METRES:
        raise BadRequest(f"'proximity' must be more than 0 and at most {MAX_PROXIMITY_METRES}.")
    return int(value)


@api_view
def service_at_locations(request):
    services_qs = _filtered_services(request)
    raw_postcode = _single(request, "postcode")
    proximity = _proximity_metres(request)
    origin = None
    if raw_postcode:
        normal = normalise_postcode(raw_postcode)
        if not normal:
            raise BadRequest("'postcode' is not a UK postcode, like M1 1AE.")
        origin = centroid(normal)
        if origin is None:
            raise BadRequest(
                "That postcode is outside the Greater Manchester districts this directory knows."
            )
        # Only services whose areas cover the postcode's borough (GM-wide and national do).
        services_qs = services_qs.filter(
            pk__in=PageFacet.objects.filter(param="area", value=borough_of(normal)).values(
                "page_id"
            )
        )
    elif proximity is not None:
        raise BadRequest("'proximity' needs a 'postcode' to measure from.")
    locations = ProviderLocation.objects.filter(page__in=services_qs.values("pk"))
    if origin is not None:
        if proximity is not None:
            # A cheap box in SQL first; the exact distance is checked below.
            lat_pad = proximity / 111_000
            lon_pad = proximity / (111_000 * math.cos(math.radians(origin[0])))
            locations = locations.filter(
                latitude__range=(origin[0] - lat_pad, origin[0] + lat_pad),
                longitude__range=(origin[1] - lon_pad, origin[1] + lon_pad),
            )
        rows = list(locations.values_list("pk", "latitude", "longitude"))
        measured = [
            (distance_km(origin, (lat, lon)) if lat is not None else math.inf, pk)
            for pk, lat, lon in rows
        ]
        if proximity is not None:
            measured = [(d, pk) for d, pk in measured if d * 1000 <= proximity]
        ordered_ids = [pk for _d, pk in sorted(measured)]
        total = len(ordered_ids)
        page, per_page, total_pages, start = _paged(request, total)
        window = ordered_ids[start : start + per_page]
        by_id = {
            loc.pk: loc
            for loc in ProviderLocation.objects.filter(pk__in=window).select_related(
                "page__owner_organisation", "page__logo"
            )
        }
        chosen = [by_id[pk] for pk in window if pk in by_id]
    else:
        locations = locations.order_by("page__title", "sort_order", "pk")
        total = locations.count()
        page, per_page, total_pages, start = _paged(request, total)
        chosen = list(
            locations.select_related("page__owner_organisation", "page__logo")[
                start : start + per_page
            ]
        )
    contents = [
        {
            "id": documents.service_at_location_id(loc.page, loc),
            "service_id": str(loc.page.uuid),
            "location_id": str(loc.uuid),
            "location": documents.location_summary(loc),
            "service": documents.service_summary(loc.page, request=request),
        }
        for loc in chosen
    ]
    return _json(_page_object(contents=contents, total=total, page=page, total_pages=total_pages))


@api_view
def service_at_location_detail(request, item_id: str):
    try:
        key = str(uuid.UUID(item_id))
    except ValueError:
        return _error("No service at location has that id.", status=404)
    candidates = ProviderLocation.objects.filter(
        page__in=providers_in(locale=_default_locale()).values("pk")
    ).values_list("pk", "uuid", "page__uuid")
    # The identifier is derived from the provider's and the place's, so compare derived ids.
    match = next(
        (
            pk
            for pk, place_uuid, page_uuid in candidates
            if stable_id("service_at_location", page_uuid, place_uuid) == key
        ),
        None,
    )
    if match is None:
        return _error("No service at location has that id.", status=404)
    place = ProviderLocation.objects.select_related("page__owner_organisation").get(pk=match)
    page = place.page
    return _json(
        {
            "id": key,
            "service_id": str(page.uuid),
            "location_id": str(place.uuid),
            "location": documents.location_document(place, accessibility=page.accessibility),
            "service": documents.service_summary(page, request=request),
        }
    )


@api_view
def taxonomies(request):
    rows = [documents.taxonomy_document(param) for param in documents.TAXONOMIES]
    page, per_page, total_pages, start = _paged(request, len(rows))
    contents = rows[start : start + per_page]
    return _json(
        _page_object(contents=contents, total=len(rows), page=page, total_pages=total_pages)
    )


@api_view
def taxonomy_detail(request, item_id: str):
    for param in documents.TAXONOMIES:
        if taxonomy_id(param) == item_id.lower():
            document = documents.taxonomy_document(param)
            document["taxonomy_terms"] = [
                documents.term_document(param, *row) for row in documents.terms()[param]
            ]
            return _json(document)
    return _error("No taxonomy has that id.", status=404)


@api_view
def taxonomy_terms(request):
    wanted = _uuid(request, "taxonomy_id")
    rows = [
        documents.term_document(param, slug, name, description)
        for param, terms in documents.terms().items()
        for slug, name, description in terms
        if wanted is None or taxonomy_id(param) == wanted
    ]
    page, per_page, total_pages, start = _paged(request, len(rows))
    contents = rows[start : start + per_page]
    return _json(
        _page_object(contents=contents, total=len(rows), page=page, total_pages=total_pages)
    )


@api_view
def taxonomy_term_detail(request, item_id: str):
    found = documents.term_index().get(item_id.lower())
    if found is None:
        return _error("No taxonomy term has that id.", status=404)
    return _json(documents.term_document(*found))


def not_found(request, *args, **kwargs):
    return _error("There is no such endpoint. Start at /api/oruk/.", status=404)
