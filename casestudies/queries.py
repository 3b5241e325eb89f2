"""The case-study listing and what a story page shows beside the story."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from casestudies.models import CaseStudyPage
from portal import frame
from portal.listing import Listing, build_listing, tag_choices, vocabulary_choices
from portal.locales import children_with_fallback

SHARED_PARAMS = ["need", "stage", "type", "area", "sector"]


def case_study_listing(request, *, index: Page, per_page: int = 12) -> Listing:
    """The case studies under ``index``, newest first, filtered and counted by the shared facets."""
    queryset = (
        children_with_fallback(CaseStudyPage.objects.live().public(), index)
        .select_related("organisation_type", "borough", "stage")
        .order_by("-first_published_at", "-pk")
    )
    choices = {
        **vocabulary_choices(SHARED_PARAMS),
        "tag": (_("Topic"), tag_choices(queryset)),
    }
    return build_listing(request, queryset, choices=choices, per_page=per_page)


def story_context(*, page: CaseStudyPage, request=None) -> dict[str, Any]:
    """The live providers and guides linked from a story, in a fixed number of queries.

    Kept in the shared cache until the next publish (see portal/frame.py).
    """

    def build() -> dict[str, Any]:
        ancestors = list(page.get_ancestors())
        return {
            "ancestors": ancestors,
            "index_url": ancestors[-1].get_url(request) if ancestors else "",
            "tags": list(page.tags.all()),
            "json_ld": page.json_ld(request),
            "impact": list(page.impact_measures.all()),
            "helped_by": [p for p in page.providers.all() if p.live],
            "guides": [g for g in page.related_guides.all() if g.live],
            "needs": list(page.needs.all()),
        }

    site = Site.find_for_request(request) if request is not None else None
    return frame.cached(
        request,
        "story",
        build,
        page.pk,
        site.pk if site else 0,
        translation.get_language() or "",
    )
