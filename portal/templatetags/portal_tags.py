"""Template tags used on every page: navigation, the home link and query-string helpers."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from portal import frame

register = template.Library()


def _home(request) -> Page | None:
    """The home page in the visitor's language (falling back to the site root)."""
    cached = getattr(request, "_portal_home", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    home = root
    language = translation.get_language()
    # The site root is the default-language home page; other languages use its translation.
    if language and language != settings.LANGUAGE_CODE:
        try:
            locale = Locale.objects.get_for_language(language)
            home = root.get_translation_or_none(locale) or root
        except Locale.DoesNotExist:
            home = root
    request._portal_home = home
    return home


def _site_and_language(request) -> tuple:
    site = Site.find_for_request(request)
    return (site.pk if site else 0, translation.get_language() or "")


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's children marked 'show in menus', in the visitor's language."""
    request = context.get("request")
    if request is None:
        return []

    def build():
        home = _home(request)
        if home is None:
            return []
        return list(
            home.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth")
        )

    return frame.cached(request, "nav", build, *_site_and_language(request))


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    if request is None:
        return "/"

    def build():
        home = _home(request)
        return home.get_url(request) if home else "/"

    return frame.cached(request, "home-url", build, *_site_and_language(request))


@register.simple_tag(takes_context=True)
def querystring_with(context, **changes):
    """The current query string with some parameters replaced (or removed when given None)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def is_within(page, section) -> bool:
    """True when ``page`` is ``section`` or below it in the page tree."""
    return bool(page and section and page.path.startswith(section.path))


@register.simple_tag(takes_context=True)
def start_page_url(context):
    """The link of the home page's start button (normally the questionnaire), or ''."""
    request = context.get("request")
    if request is None:
        return ""

    def build():
        home = _home(request)
        start = getattr(getattr(home, "specific", None), "start_page", None)
        return start.get_url(request) if start and start.live else ""

    return frame.cached(request, "start-url", build, *_site_and_language(request))


@register.filter
def minutes(delta) -> int:
    """Whole minutes in a timedelta (rounded up), for messages such as lockout times."""
    seconds = delta.total_seconds() if hasattr(delta, "total_seconds") else float(delta or 0)
    return max(1, int(-(-seconds // 60)))


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Each enabled language with the address of this page in it.

    For a Wagtail page, the address of its live translation, or (when there is none) the
    default-language page with ``?untranslated=<code>`` so the page can say so plainly. For
    other views (search, the questionnaire's steps), the same path under the language prefix.
    """
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_portal_language_versions", None)
    if cached is not None:
        return cached
    current = translation.get_language()
    page = context.get("page")
    versions = []
    if isinstance(page, Page) and page.pk:
        addresses = frame.cached(
            request,
            "languages",
            lambda: _translation_urls(page, request),
            page.pk,
            _site_and_language(request)[0],
        )
        for code, name in settings.LANGUAGES:
            url, exists = addresses[code]
            versions.append(_version(code, name, url, exists, current))
    else:
        for code, name in settings.LANGUAGES:
            url = translate_url(request.get_full_path(), code)
            versions.append(_version(code, name, url, True, current))
    request._portal_language_versions = versions
    return versions


def _translation_urls(page: Page, request) -> dict[str, tuple[str, bool]]:
    """Each language's address of ``page`` and whether the page exists in it."""
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    }
    fallback = translations.get(settings.LANGUAGE_CODE, page)
    addresses = {}
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            addresses[code] = (target.get_url(request), True)
        else:
            addresses[code] = (f"{fallback.get_url(request)}?untranslated={code}", False)
    return addresses


def _version(code, name, url, exists, current):
    info = translation.get_language_info(code)
    return {
        "code": code,
        "name": info["name_local"],
        "english_name": name,
        "url": url,
        "exists": exists,
        "current": code == current,
        "bidi": info["bidi"],
    }


@register.simple_tag(takes_context=True)
def untranslated_notice(context):
    """The language a visitor asked for but this page does not have yet (from ?untranslated=)."""
    request = context.get("request")
    code = request.GET.get("untranslated", "") if request else ""
    if code in dict(settings.LANGUAGES) and code != translation.get_language():
        return translation.get_language_info(code)
    return None


@register.filter
def abs_days(value) -> int:
    return abs(int(value))


@register.simple_tag
def footer_text() -> dict:
    """The footer text in the visitor's language, else the default language's (cached).

    ``lang`` is set only when the text is in another language than the page, so the template
    can mark it for screen readers.
    """
    from django.core.cache import cache

    from portal.models import FooterText

    language = translation.get_language() or settings.LANGUAGE_CODE
    version = cache.get_or_set("footer:version", 1, timeout=None)
    key = f"footer:{version}:{language}"
    footer = cache.get(key)
    if footer is None:
        rows = dict(
            FooterText.objects.filter(
                locale__language_code__in={language, settings.LANGUAGE_CODE}
            ).values_list("locale__language_code", "text")
        )
        if rows.get(language):
            footer = {"text": rows[language], "lang": ""}
        else:
            default = rows.get(settings.LANGUAGE_CODE) or ""
            other = default and language != settings.LANGUAGE_CODE
            footer = {"text": default, "lang": settings.LANGUAGE_CODE if other else ""}
        cache.set(key, footer, timeout=None)
    return footer
