"""A whole-page cache for anonymous visitors, emptied whenever published content changes.

When a campaign sends thousands of people to the same few pages, the server should render
each page once, not once per visitor. This middleware keeps full GET responses in the
default cache (Redis when ``REDIS_URL`` is set, so every worker shares it) for
``PAGE_CACHE_SECONDS``, keyed by host, full path with query string and language.

It never caches for someone who may be logged in (any session or messages cookie), never
a response that sets a cookie or asks not to be cached, never the admin or the health check,
and only query strings made of the public filter and questionnaire parameters. Publishing,
unpublishing, moving or deleting any page, and saving or deleting any snippet, setting or
vocabulary term, bumps a version number that is part of every key, so the next visitor
sees the change at once.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
#: Query parameters whose pages are still worth sharing between visitors: facet filters,
#: paging, sorting, search words, the questionnaire's answers, the JSON plan and the
#: campaign tag.
ALLOWED_PARAMS = frozenset(
    {
        "need",
        "stage",
        "type",
        "area",
        "sector",
        "tag",
        "mode",
        "cost",
        "lang",
        "level",
        "format",
        "page",
        "sort",
        "q",
        "step",
        "skip",
        "changing",
        "notice",
        "postcode",
        "when",
        # Campaign links tag their targets; the campaign's own counting happens elsewhere
        # (short-link redirects and the questionnaire's last step are never cached).
        "campaign",
    }
)
#: Paths that are never cached, whatever they return.
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz", "/static/", "/media/")
#: Cookies that mean the page may be personal: a session (a logged-in editor) or flash messages.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
#: Longest path + query string worth caching; longer ones are nearly always one-offs.
MAX_URL_LENGTH = 1000
HEADER = "X-Page-Cache"


def version() -> int:
    value = cache.get(VERSION_KEY)
    if value is None:
        value = 1
        cache.add(VERSION_KEY, value, timeout=None)
    return value


def invalidate(**_kwargs) -> None:
    """Make every cached page stale; called by the signals in :mod:`portal.apps`."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path_info
    if path.startswith(SKIP_PREFIXES) or len(request.get_full_path()) > MAX_URL_LENGTH:
        return False
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    if request.META.get("HTTP_AUTHORIZATION"):
        return False
    return all(name in ALLOWED_PARAMS for name in request.GET)


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    user = getattr(request, "user", None)
    # Without a session cookie this is always the anonymous user (and costs no query); the
    # check guards against any other way of logging in that a future setting might add.
    return not (user is not None and user.is_authenticated)


def _key(request: HttpRequest, current: int) -> str:
    language = getattr(request, "LANGUAGE_CODE", "") or ""
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    return f"pagecache:{current}:{language}:{digest}"


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if seconds <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request, version())
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in ("set-cookie", "content-length", "date")
            ]
            if request.method == "GET":
                cache.set(key, (response.status_code, headers, response.content), seconds)
            response[HEADER] = "miss"
        return response


def _is_site_wide(sender) -> bool:
    """Models whose changes show on public pages other than their own: snippets and settings."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    from portal.models import Term

    if sender._meta.label_lower in SITE_WIDE_MODELS:
        return True
    if issubclass(sender, Term | BaseSiteSetting | BaseGenericSetting):
        return True
    return sender in get_snippet_models()


#: Wagtail's own models that change what visitors see.
SITE_WIDE_MODELS = frozenset(
    {
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailcore.pageviewrestriction",
        "wagtailredirects.redirect",
        "wagtailsearchpromotions.searchpromotion",
        "wagtailimages.image",
        "wagtaildocs.document",
        "taggit.tag",
    }
)


def _on_model_change(sender, instance=None, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        # Deleting a page removes it from listings; saving a draft changes nothing public
        # (publishing is its own signal).
        # A page created live (by code rather than the editor, which creates drafts) is public.
        if kwargs.get("signal") is post_delete or (kwargs.get("created") and instance.live):
            invalidate()
        return
    if kwargs.get("created") and _is_setting(sender):
        # Settings rows are created with their defaults on a site's first visit (Wagtail's
        # for_site), which is what pages already showed; edits save an existing row.
        return
    if _is_site_wide(sender):
        invalidate()


def _is_setting(sender) -> bool:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return issubclass(sender, BaseSiteSetting | BaseGenericSetting)


def connect_signals() -> None:
    """Empty the page cache whenever something visitors can see changes."""
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(invalidate, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(_on_model_change, dispatch_uid="pagecache-save")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-delete")
