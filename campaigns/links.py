"""Where campaign links lead: checking short-link targets, tagging them, finding fallbacks."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.apps import apps
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

MAX_TARGET_LENGTH = 500
TAG_PARAM = "campaign"
TAG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
#: Paths a short link may not lead to: another short link (a loop) or the admin.
FORBIDDEN_PREFIXES = ("/go/", "/admin/", "/django-admin/")


def clean_target_url(value: str) -> str:
    """A short link's address, checked to be a path on this site; raises ValueError if not.

    Only a path with an optional query string and fragment is accepted, so a short link can
    never send visitors to another site (an "open redirect").
    """
    value = (value or "").strip()
    if not value:
        raise ValueError(_("Give an address on this site, starting with /."))
    if len(value) > MAX_TARGET_LENGTH:
        raise ValueError(_("That address is too long; use at most 500 characters."))
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value) or "\\" in value:
        raise ValueError(_("Addresses cannot contain spaces or backslashes."))
    parts = urlsplit(value)
    if not value.startswith("/") or value.startswith("//") or parts.scheme or parts.netloc:
        raise ValueError(
            _(
                "Give an address on this site starting with a single /, such as "
                "/directory/?area=wigan. Links to other sites are not allowed."
            )
        )
    if parts.path.lower().startswith(FORBIDDEN_PREFIXES):
        raise ValueError(_("A short link cannot lead to another short link or to the admin."))
    return value


def clean_tag(raw: str | None) -> str:
    """A campaign tag from a URL, or '' when it is not a plausible slug."""
    tag = (raw or "").strip().lower()[:80]
    return tag if TAG_PATTERN.match(tag) else ""


def with_tag(url: str, tag: str) -> str:
    """``url`` with ``?campaign=<tag>`` added (replacing any campaign already there)."""
    if not tag:
        return url
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != TAG_PARAM]
    pairs.append((TAG_PARAM, tag))
    return urlunsplit(parts._replace(query=urlencode(pairs)))


def home_for(locale: Locale | None):
    """The live home page in ``locale``, or the default language's when it has none."""
    homes = apps.get_model("home", "HomePage").objects.live()
    home = homes.filter(locale=locale).first() if locale is not None else None
    return home or homes.filter(locale=Locale.get_default()).first()


def questionnaire_url(*, locale: Locale | None, request=None) -> str:
    """The address of the home page's start button (the default questionnaire) in ``locale``."""
    home = home_for(locale)
    start = home.start_page if home is not None else None
    if start is None:
        return ""
    if locale is not None and start.locale_id != locale.pk:
        start = start.get_translation_or_none(locale) or start
    if not start.live:
        return ""
    return start.get_url(request) or ""


def section_url(*, model: str, locale: Locale | None, request=None) -> str:
    """The address of the live section index of type ``model`` ('directory.DirectoryIndexPage')."""
    app_label, model_name = model.lower().split(".")
    pages = Page.objects.live().filter(
        content_type__app_label=app_label, content_type__model=model_name
    )
    page = None
    if locale is not None:
        page = pages.filter(locale=locale).first()
    page = page or pages.first()
    return (page.get_url(request) or "") if page else ""


def useful_links(*, locale: Locale | None, request=None) -> list[dict]:
    """What to offer once a campaign is over: the questionnaire, then each main section."""
    links = []
    start = questionnaire_url(locale=locale, request=request)
    if start:
        links.append(
            {
                "title": _("Answer a few questions to find the right support"),
                "url": start,
                "description": "",
            }
        )
    home = home_for(locale)
    if home is not None:
        for section in (
            home.get_children()
            .live()
            .in_menu()
            .only("id", "title", "url_path", "path", "depth", "search_description")
        ):
            url = section.get_url(request)
            if url and url != start:
                links.append(
                    {"title": section.title, "url": url, "description": section.search_description}
                )
        links.append(
            {"title": _("The home page"), "url": home.get_url(request) or "/", "description": ""}
        )
    return links


def destination(link, request=None) -> tuple[str, bool]:
    """Where a short link sends a visitor now, tagged with its campaign, and whether the
    target is missing (deleted or unpublished), in which case it is a fallback."""
    url = ""
    page = link.target_page
    if page is not None:
        if page.live:
            url = page.get_url(request) or ""
    elif link.target_url:
        try:
            url = clean_target_url(link.target_url)
        except ValueError:
            url = ""
    broken = not url
    if broken:
        campaign = link.campaign
        if campaign is not None and campaign.live:
            url = campaign.get_url(request) or ""
        url = url or "/"
    tag = link.campaign.campaign_tag if link.campaign_id else ""
    return with_tag(url, tag), broken
