"""What the home page shows: latest guides, upcoming sessions, a featured story, popular needs.

Home must not import the content apps, so their models are looked up by name.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Count
from django.utils import timezone, translation

from portal import frame
from portal.models import PageFacet
from portal.vocabulary import labels

LATEST_GUIDES = 3
UPCOMING_SESSIONS = 4
POPULAR_NEEDS = 6


def latest_guides(*, home, limit: int = LATEST_GUIDES) -> list:
    GuidePage = apps.get_model("guides", "GuidePage")
    return list(
        GuidePage.objects.live()
        .public()
        .descendant_of(home)
        .only("id", "title", "url_path", "path", "depth", "summary", "reading_minutes")
        .order_by("-first_published_at", "-pk")[:limit]
    )


def upcoming_sessions(*, home, limit: int = UPCOMING_SESSIONS) -> list:
    """The next sessions of live modules on this site, soonest first."""
    TrainingSession = apps.get_model("guides", "TrainingSession")
    return list(
        TrainingSession.objects.filter(
            starts_at__gte=timezone.now(),
            module__live=True,
            module__path__startswith=home.path,
        )
        .select_related("module")
        .order_by("starts_at")[:limit]
    )


def featured_case_study(*, home):
    """The editor's choice when it is live, otherwise the newest story."""
    chosen = home.featured_case_study
    if chosen is not None and chosen.live:
        return chosen
    CaseStudyPage = apps.get_model("casestudies", "CaseStudyPage")
    return (
        CaseStudyPage.objects.live()
        .public()
        .descendant_of(home)
        .select_related("borough", "organisation_type")
        .order_by("-first_published_at", "-pk")
        .first()
    )


def popular_needs(*, home, request=None, limit: int = POPULAR_NEEDS) -> list[dict[str, Any]]:
    """Needs to offer as quick links, each linking to the guides about it."""
    names = labels("need")
    chosen = [need.slug for need in home.popular_needs.all()]
    if not chosen:
        rows = (
            PageFacet.objects.filter(
                param="need", page__live=True, page__path__startswith=home.path
            )
            .values("value")
            .annotate(n=Count("page_id"))
            .order_by("-n", "value")[:limit]
        )
        chosen = [row["value"] for row in rows]
    GuideIndexPage = apps.get_model("guides", "GuideIndexPage")
    index = GuideIndexPage.objects.live().child_of(home).first()
    base = index.get_url(request) if index is not None else ""
    return [
        {"slug": slug, "label": names[slug], "url": f"{base}?need={slug}" if base else ""}
        for slug in chosen
        if slug in names
    ]


def front_page_content(*, home, request=None) -> dict[str, Any]:
    """Everything the home page lists, cached until anything is published (portal/frame.py).

    Sessions are cached with a few spare and the ones that have started are dropped here, so
    the list stays right between publishes.
    """

    def build() -> dict[str, Any]:
        return {
            "latest_guides": latest_guides(home=home),
            "sessions": upcoming_sessions(home=home, limit=UPCOMING_SESSIONS * 3),
            "featured_case_study": featured_case_study(home=home),
            "popular_needs": popular_needs(home=home, request=request),
        }

    content = dict(frame.cached(request, "home", build, home.pk, translation.get_language() or ""))
    now = timezone.now()
    sessions = content.pop("sessions")
    content["upcoming_sessions"] = [s for s in sessions if s.starts_at >= now][:UPCOMING_SESSIONS]
    return content
