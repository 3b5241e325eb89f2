"""Cross-cutting views: health check and the styled error pages."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _check_cache() -> str:
    ping = getattr(cache, "ping", None)
    if ping is not None:
        # The resilient Redis cache hides outages from pages; the health check must not.
        ping()
        return "ok"
    cache.set("healthz", "ok", timeout=5)
    if cache.get("healthz") != "ok":
        raise RuntimeError("the cache did not return what was stored")
    return "ok"


def _check_search() -> str:
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    es = getattr(backend, "es", None)
    if es is not None and not es.ping():
        raise RuntimeError("Elasticsearch did not answer")
    return "ok"


@never_cache
def healthz(request):
    """JSON status of each backing service: 200 when all are healthy, 503 when any is not."""
    checks = {"database": _check_database}
    if settings.REDIS_URL:
        checks["cache"] = _check_cache
    if settings.ELASTICSEARCH_URL:
        checks["search"] = _check_search
    results = {}
    for name, check in checks.items():
        try:
            results[name] = check()
        except Exception as error:  # any failure of a backing service means "unhealthy"
            logger.warning("Health check %s failed: %s", name, error)
            results[name] = "unavailable"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )


def bench_reference(request, size: int):
    """A static page of ``size`` bytes: the benchmark's ceiling for this server and middleware.

    Routed only when BENCH_REFERENCE_VIEW is on, which only the benchmark sets.
    """
    size = max(200, min(size, 500_000))
    head = "<!doctype html><html lang=en><title>Reference</title><main><h1>Reference</h1><p>"
    tail = "</p></main></html>"
    return HttpResponse(head + "x" * (size - len(head) - len(tail)) + tail)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Kept free of database queries: the database may be what failed.
    return render(request, "500.html", status=500)


OPENAPI_FILE = settings.BASE_DIR / "portal" / "openapi.json"


def openapi_description(request):
    """The OpenAPI description of the site's JSON endpoints (the ORUK API, plan, suggestions)."""
    response = HttpResponse(OPENAPI_FILE.read_bytes(), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response
