"""What every public page looks up before its own content, kept in the shared cache.

Finding the site, walking the page tree to the page asked for, checking view restrictions,
loading the site settings, the menu and the page's other languages cost about ten queries
on every page. None of it changes until an editor publishes, moves or deletes a page or
saves a snippet, setting, site or restriction, which is exactly when the anonymous page
cache's version number changes (:mod:`portal.page_cache`). So everything here is cached
under that version: a change shows at once, and otherwise a page costs one query to load
itself plus whatever its own content needs.

Only look-ups are cached, never the page being served: the route cache maps an address to
a page id, and the page is then loaded fresh (so a page taken offline is a 404 at once).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404, HttpRequest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from portal import page_cache

#: Lookups of addresses that do not exist are not cached, so this bounds nothing an attacker
#: controls; a day keeps unused entries from piling up between publishes.
TIMEOUT = 24 * 60 * 60
_MISSING = object()


def _version(request: HttpRequest | None) -> int:
    """The page cache version, read once per request."""
    if request is None:
        return page_cache.version()
    current = getattr(request, "_frame_version", None)
    if current is None:
        current = request._frame_version = page_cache.version()
    return current


def cached(request: HttpRequest | None, name: str, build: Callable[[], Any], *parts) -> Any:
    """``build()``'s value, shared between requests until published content changes."""
    key = ":".join(["frame", str(_version(request)), name, *(str(part) for part in parts)])
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


# -- The site -------------------------------------------------------------------------------


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's Site.find_for_request, cached by host name and port."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    host = request._get_raw_host()
    site = cached(request, "site", lambda: Site._find_for_request(request), host)
    request._wagtail_site = site
    return site


def prepare_settings(request: HttpRequest, site: Site) -> None:
    """Put the site's settings on the request, where Wagtail's ``settings`` tag looks first."""
    from portal.models import PortalSettings

    def build():
        PortalSettings.objects.get_or_create(site=site)
        return PortalSettings.objects.select_related("default_share_image").get(site=site)

    value = cached(request, "settings", build, site.pk)
    setattr(request, PortalSettings.get_cache_attr_name(), value)


class FrameMiddleware:
    """Find the site and its settings from the cache for every public request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if not request.path_info.startswith(page_cache.SKIP_PREFIXES):
            site = site_for_request(request)
            if site is not None:
                prepare_settings(request, site)
        return self.get_response(request)


# -- Routing --------------------------------------------------------------------------------


def _depth_below_root(page: Page, root: Page) -> int:
    return page.depth - root.depth


def prepare_route(request: HttpRequest, path: str) -> None:
    """Route ``path`` the way Wagtail's serve view does, loading only the page itself.

    The address maps to (page id, content type, how many path components the page
    consumed); the rest of the path goes to the page's own ``route`` (routable pages, such
    as the questionnaire, serve their steps from there).
    """
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = site_for_request(request)
    if site is None:
        return
    language = translation.get_language() or ""
    key = ":".join(["frame", str(_version(request)), "route", str(site.pk), language, path])
    components = [component for component in path.split("/") if component]
    hit = cache.get(key)
    if hit is not None:
        page_id, content_type_id, consumed = hit
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id).first() if model is not None else None
        if page is not None:
            try:
                request._wagtail_route_for_request = page.route(request, components[consumed:])
            except Http404:
                request._wagtail_route_for_request = None
            return
    result = Page.route_for_request(request, path)
    if result is not None:
        page = result[0]
        root = site.root_page.localized
        consumed = _depth_below_root(page, root)
        if 0 <= consumed <= len(components):
            cache.set(key, (page.pk, page.content_type_id, consumed), TIMEOUT)


def serve(request: HttpRequest, path: str):
    """Wagtail's page view, with the route found through the cache."""
    from wagtail.views import serve as wagtail_serve

    prepare_route(request, path)
    return wagtail_serve(request, path)


# -- View restrictions ----------------------------------------------------------------------


def restricted_paths(request: HttpRequest | None = None) -> tuple[str, ...]:
    """Tree paths of every page with a view restriction, and of aliases of those pages."""

    def build():
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        if paths:
            aliases = Page.objects.filter(alias_of__isnull=False).values_list(
                "path", "alias_of__path"
            )
            paths += [alias for alias, source in aliases if source.startswith(tuple(paths))]
        return tuple(paths)

    return cached(request, "restricted", build)


def may_be_restricted(page: Page, request: HttpRequest | None = None) -> bool:
    """False when neither the page nor any ancestor (nor an alias's source) is restricted."""
    if page.alias_of_id:
        return True
    paths = restricted_paths(request)
    return bool(paths) and page.path.startswith(paths)


def check_view_restrictions(callback):
    """Wagtail's view-restriction check, skipped (with its two queries) where none can apply."""
    from wagtail.wagtail_hooks import check_view_restrictions as wagtail_check

    checked = wagtail_check(callback)

    def inner(page, request, args, kwargs):
        if may_be_restricted(page, request):
            return checked(page, request, args, kwargs)
        return callback(page, request, args, kwargs)

    return inner
