"""The one search across every kind of page, and the suggestions shown while typing."""

from __future__ import annotations

import hashlib
import logging

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from search import queries, text
from search.models import ZeroResultQuery
from search.suggest import suggestions

logger = logging.getLogger(__name__)

#: Suggestions a single address may ask for per window, and the window in seconds.
SUGGEST_LIMIT = 60
SUGGEST_WINDOW = 60
SUGGEST_CACHE_SECONDS = 300


def _raw_query(request) -> str:
    # Invalid UTF-8 in the query string has already been replaced with U+FFFD by Django;
    # clean_query drops control characters and NUL bytes.
    values = request.GET.getlist("q")
    return values[0] if values else ""


@require_GET
def search(request):
    language = translation.get_language() or "en"
    outcome = queries.run_search(
        query=_raw_query(request), params=request.GET, request=request, language=language
    )
    counted = bool(
        outcome.query
        and not outcome.found_anything
        and not outcome.unavailable
        and not outcome.selection
        and not outcome.chosen_kinds
    )
    if counted:
        ZeroResultQuery.record(outcome.query, language=language)
    status = 503 if outcome.unavailable else 200
    response = render(
        request,
        "search/search.html",
        {"query": outcome.query, "search": outcome},
        status=status,
    )
    if counted:
        # Every search that finds nothing must reach this view to be counted, so the
        # anonymous page cache must not keep it (it keeps searches that found something).
        add_never_cache_headers(response)
    return response


def _wait_seconds(request) -> int:
    """Seconds this address must wait before more suggestions (0: go ahead)."""
    try:
        from portal.ratelimit import is_limited
    except ImportError:  # the site-wide limiter is optional; fall back to a small one here
        is_limited = None
    if is_limited is not None:
        return is_limited(
            request, scope="search-suggest", rate=f"{SUGGEST_LIMIT}/{SUGGEST_WINDOW}s"
        )
    # Only a hash of the address is used as a short-lived cache key; nothing is stored.
    address = request.META.get("REMOTE_ADDR", "")
    key = "suggest-rate:" + hashlib.sha256(address.encode()).hexdigest()[:32]
    if cache.add(key, 1, timeout=SUGGEST_WINDOW):
        return 0
    try:
        return SUGGEST_WINDOW if cache.incr(key) > SUGGEST_LIMIT else 0
    except ValueError:
        return 0


@require_GET
@cache_control(max_age=60, public=True)
def suggest(request):
    """JSON: up to eight pages whose titles start with the words typed so far."""
    wait = _wait_seconds(request)
    if wait:
        response = JsonResponse(
            {"error": _("Too many requests; please wait a moment."), "results": []}, status=429
        )
        response["Retry-After"] = str(wait)
        return response
    language = translation.get_language() or "en"
    query = text.clean_query(_raw_query(request))
    key = "suggest:{}:{}".format(
        language, hashlib.sha256(query.casefold().encode("utf-8", "replace")).hexdigest()
    )
    results = cache.get(key)
    if results is None:
        try:
            results = suggestions(query, request=request, language=language)
        except Exception:
            # A search server that is down: the search box still submits to the results page.
            logger.exception("Suggestions failed")
            return JsonResponse({"query": query, "results": []}, status=503)
        cache.set(key, results, SUGGEST_CACHE_SECONDS)
    return JsonResponse({"query": query, "results": results})
