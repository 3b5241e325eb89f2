"""RSS and Atom feeds of new guides, case studies and upcoming training, and an .ics calendar.

Each feed lists content in the visitor's language (the URL's language prefix). Links are
absolute, made from the address the feed was requested at.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

FEED_LENGTH = 20
#: How far ahead the calendar looks.
CALENDAR_DAYS = 366


def _locale() -> Locale:
    try:
        return Locale.objects.get_for_language(translation.get_language())
    except Locale.DoesNotExist:
        return Locale.get_default()


def latest_pages(model_label: str, *, limit: int = FEED_LENGTH) -> list:
    """The newest live public pages of a type in the visitor's language."""
    model = apps.get_model(model_label)
    return list(
        model.objects.live()
        .public()
        .filter(locale=_locale())
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")[:limit]
    )


def upcoming_sessions(*, limit: int | None = FEED_LENGTH, days: int = CALENDAR_DAYS) -> list:
    """Training sessions that have not started, soonest first, of live modules in this language."""
    TrainingSession = apps.get_model("guides", "TrainingSession")
    now = timezone.now()
    sessions = (
        TrainingSession.objects.filter(
            starts_at__gte=now,
            starts_at__lte=now + datetime.timedelta(days=days),
            module__live=True,
            module__locale=_locale(),
        )
        .select_related("module")
        .order_by("starts_at", "pk")
    )
    return list(sessions[:limit] if limit else sessions)


class PageFeed(Feed):
    """A feed of the newest pages of one type; subclasses name the type and the wording."""

    model_label = ""
    link_name = ""

    def items(self):
        return latest_pages(self.model_label)

    def link(self):
        return reverse(self.link_name)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "summary", "") or item.search_description

    def item_link(self, item):
        # Relative on a one-site install; the feed framework makes it absolute.
        return item.get_url() or "/"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=300)
        return response


class GuidesFeed(PageFeed):
    model_label = "guides.GuidePage"
    link_name = "campaigns:feed-guides-rss"

    def title(self):
        return _("New guides from the Community Wealth Hub")

    def description(self):
        return _("Plain-English guides for social businesses in Greater Manchester.")


class GuidesAtomFeed(GuidesFeed):
    feed_type = Atom1Feed
    subtitle = GuidesFeed.description


class CaseStudiesFeed(PageFeed):
    model_label = "casestudies.CaseStudyPage"
    link_name = "campaigns:feed-case-studies-rss"

    def title(self):
        return _("New case studies from the Community Wealth Hub")

    def description(self):
        return _("Stories of co-operatives and social businesses in Greater Manchester.")


class CaseStudiesAtomFeed(CaseStudiesFeed):
    feed_type = Atom1Feed
    subtitle = CaseStudiesFeed.description


class TrainingFeed(PageFeed):
    """Upcoming training sessions, soonest first; each links to its module."""

    link_name = "campaigns:feed-training-rss"

    def items(self):
        return upcoming_sessions()

    def title(self):
        return _("Upcoming training from the Community Wealth Hub")

    def description(self):
        return _("Workshops, webinars and courses for social businesses, soonest first.")

    def item_title(self, item):
        when = timezone.localtime(item.starts_at).strftime("%d %b %Y %H:%M")
        return f"{item.module.title} ({when})"

    def item_description(self, item):
        place = _("Online") if item.online else item.venue
        return f"{item.module.summary} {place}".strip()

    def item_link(self, item):
        return (item.module.get_url() or "/") + "#sessions-heading"

    def item_guid(self, item):
        return f"training-session-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.module.first_published_at

    def item_updateddate(self, item):
        return item.module.last_published_at


class TrainingAtomFeed(TrainingFeed):
    feed_type = Atom1Feed
    subtitle = TrainingFeed.description


def _ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(*, sessions, request, name: str) -> str:
    """An iCalendar (RFC 5545) document with one event per session."""
    host = request.get_host().split(":")[0] or "localhost"
    stamp = _utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Community Wealth Hub//Training sessions//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_ics_text(name)}",
    ]
    for session in sessions:
        module = session.module
        url = request.build_absolute_uri(module.get_url(request) or "/")
        place = _("Online") if session.online else session.venue
        description = module.summary
        if session.booking_url:
            description += "\n" + _("Book: %(url)s") % {"url": session.booking_url}
        lines += [
            "BEGIN:VEVENT",
            f"UID:training-session-{session.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(session.starts_at)}",
            f"DTEND:{_utc(session.ends_at)}",
            f"SUMMARY:{_ics_text(module.title)}",
            f"DESCRIPTION:{_ics_text(description)}",
            f"LOCATION:{_ics_text(place)}",
            f"URL:{url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


@require_safe
def sessions_ics(request):
    """Upcoming training sessions as a calendar people can subscribe to."""
    body = calendar(
        sessions=upcoming_sessions(limit=None),
        request=request,
        name=_("Community Wealth Hub training"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="training-sessions.ics"'
    patch_cache_control(response, public=True, max_age=300)
    return response
