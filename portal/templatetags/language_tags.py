"""Marking content shown in another language than the page around it (English filling a gap).

Listings, search results and the questionnaire's plan show English pages where no translation
exists yet. Each such item gets ``lang``/``dir`` attributes (so screen readers switch voice) and a
visible "In English" label, from these two tags, whatever kind of item it is:

    {% load language_tags %}
    <li class="result"{% content_lang guide %}>... {% fallback_label guide %}</li>
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Locale

register = template.Library()
LOCALE_CODES_KEY = "portal:locale-codes"


def _locale_codes(request) -> dict[int, str]:
    """Locale id to language code, from the shared cache (locales are added rarely)."""
    codes = getattr(request, "_portal_locale_codes", None) if request is not None else None
    if codes is None:
        codes = cache.get(LOCALE_CODES_KEY)
        if codes is None:
            codes = dict(Locale.objects.values_list("pk", "language_code"))
            cache.set(LOCALE_CODES_KEY, codes, timeout=600)
        if request is not None:
            request._portal_locale_codes = codes
    return codes


def item_language(context, item) -> str:
    """The language code of ``item`` when it differs from the page's language, else ''.

    ``item`` is a page, anything with a ``page`` (directory cards) or a ``locale_id`` (plan
    items), or a search result carrying ``fallback_language``.
    """
    if item is None:
        return ""
    if hasattr(item, "fallback_language"):
        return item.fallback_language or ""
    locale_id = getattr(item, "locale_id", None)
    if locale_id is None and getattr(item, "page", None) is not None:
        locale_id = getattr(item.page, "locale_id", None)
    if locale_id is None:
        return ""
    request = context.get("request")
    codes = _locale_codes(request)
    if locale_id not in codes:  # a language added since the codes were cached
        cache.delete(LOCALE_CODES_KEY)
        if request is not None:
            request._portal_locale_codes = None
        codes = _locale_codes(request)
    code = codes.get(locale_id, "")
    current = translation.get_language() or settings.LANGUAGE_CODE
    return code if code and code != current else ""


@register.simple_tag(takes_context=True)
def content_lang(context, item):
    """` lang="en" dir="ltr"` for an item in another language than the page, else nothing."""
    code = item_language(context, item)
    if not code:
        return ""
    direction = "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.inclusion_tag("components/fallback_label.html", takes_context=True)
def fallback_label(context, item):
    """A visible label ("In English") for an item shown in another language than the page."""
    code = item_language(context, item)
    if not code:
        return {"language": None}
    current = translation.get_language() or settings.LANGUAGE_CODE
    info = translation.get_language_info(current)
    return {
        "language": translation.get_language_info(code),
        "page_language": current,
        "page_direction": "rtl" if info["bidi"] else "ltr",
    }
