"""A small rate limiter for public forms and endpoints, kept in the shared cache.

Counts requests per visitor (IP address, resolved the same way as the login lockout, so it
honours the proxy settings) in fixed windows. Works with any Django cache that supports
``add`` and ``incr`` atomically: the local-memory cache in development and tests, Redis in
production, so the limit holds across every web process.

Use it as a decorator::

    @ratelimit(scope="report-problem", rate="5/10m")
    def view(request): ...

or call :func:`is_limited` inside a view and return :func:`too_many_requests`.
"""

from __future__ import annotations

import functools
import hashlib
import re
import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def parse_rate(rate: str) -> tuple[int, int]:
    """'5/m' -> (5, 60); '20/10m' -> (20, 600)."""
    match = _RATE.match(rate)
    if not match:
        raise ValueError(f"Rate {rate!r} is not like '5/m' or '20/10m'.")
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * _UNITS[unit]


def client_id(request: HttpRequest) -> str:
    """A hashed identifier of the visitor, so raw IP addresses never land in the cache."""
    try:
        from axes.helpers import get_client_ip_address

        address = get_client_ip_address(request) or ""
    except Exception:  # noqa: BLE001 - fall back to the socket address if the helper fails
        address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(address.encode()).hexdigest()[:24]


def is_limited(request: HttpRequest, *, scope: str, rate: str, increment: bool = True) -> int:
    """Count this request; return 0 if it may go ahead, else seconds until the window ends."""
    limit, period = parse_rate(rate)
    now = int(time.time())
    window = now - now % period
    key = f"ratelimit:{scope}:{client_id(request)}:{window}"
    if increment:
        cache.add(key, 0, timeout=period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # the window expired between add and incr
            cache.set(key, 1, timeout=period + 1)
            count = 1
    else:
        count = cache.get(key, 0)
    if count > limit:
        return max(1, window + period - now)
    return 0


def too_many_requests(request: HttpRequest, *, retry_after: int) -> HttpResponse:
    """The friendly 429 page, with a Retry-After header."""
    minutes = max(1, (retry_after + 59) // 60)
    response = render(
        request,
        "429.html",
        {"retry_after": retry_after, "retry_minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def ratelimit(
    *, scope: str, rate: str, methods: Iterable[str] = ("POST",)
) -> Callable[[Callable], Callable]:
    """Decorate a view (function or method taking ``request`` first after ``self``) with a limit."""
    parse_rate(rate)  # fail at import time on a typo, not on the first visitor
    methods = {m.upper() for m in methods}

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            request = next(a for a in args if isinstance(a, HttpRequest))
            if request.method in methods:
                wait = is_limited(request, scope=scope, rate=rate)
                if wait:
                    return too_many_requests(request, retry_after=wait)
            return view(*args, **kwargs)

        return wrapped

    return decorator
