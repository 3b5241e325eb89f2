"""Listings of guides and training modules, and related content chosen by shared facets."""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Sum, When
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from guides.models import (
    Format,
    GuidePage,
    Level,
    TrainingModulePage,
    TrainingSession,
)
from portal import frame
from portal.listing import Listing, build_listing, tag_choices, vocabulary_choices
from portal.locales import children_with_fallback
from portal.models import PageFacet

SHARED_PARAMS = ["need", "stage", "type", "area", "sector"]
#: How much a shared value of each facet says about two pages being related.
FACET_WEIGHTS = {"need": 3, "tag": 2, "stage": 2, "type": 2, "sector": 1, "area": 1}
RELATED_LIMIT = 4
RELATED_MODELS = [
    ("guides", "GuidePage"),
    ("guides", "TrainingModulePage"),
    ("casestudies", "CaseStudyPage"),
]


def guide_listing(request, *, index: Page, per_page: int = 12) -> Listing:
    """The guides under ``index``, newest first, filtered and counted by the shared facets.

    In another language than English, English guides not yet translated are listed too.
    """
    queryset = (
        children_with_fallback(GuidePage.objects.live().public(), index)
        .select_related("owner_organisation")
        .order_by("-first_published_at", "-pk")
    )
    choices = {
        **vocabulary_choices(SHARED_PARAMS),
        "tag": (_("Topic"), tag_choices(queryset)),
    }
    return build_listing(request, queryset, choices=choices, per_page=per_page)


def training_listing(request, *, index: Page, per_page: int = 12) -> Listing:
    """The modules under ``index`` with their next sessions, filterable by level and format too."""
    upcoming = TrainingSession.objects.filter(starts_at__gte=timezone.now()).order_by("starts_at")
    queryset = (
        children_with_fallback(TrainingModulePage.objects.live().public(), index)
        .select_related("trainer")
        .prefetch_related(Prefetch("sessions", queryset=upcoming, to_attr="next_sessions"))
        .order_by("title", "pk")
    )
    choices = {
        **vocabulary_choices(SHARED_PARAMS),
        "level": (_("Level"), [(str(v), str(label)) for v, label in Level.choices]),
        "format": (_("Format"), [(str(v), str(label)) for v, label in Format.choices]),
        "tag": (_("Topic"), tag_choices(queryset)),
    }
    return build_listing(request, queryset, choices=choices, per_page=per_page)


def _content_type_ids() -> list[int]:
    models = [apps.get_model(app, name) for app, name in RELATED_MODELS]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def related_content(*, page: Page, limit: int = RELATED_LIMIT) -> list[Page]:
    """Editor-chosen pages first, then the live content sharing most facets with ``page``.

    Two queries whatever the amount of content: one scores every candidate by the weighted
    facet values it shares with ``page`` (from the facet index), one fetches the winners.
    """
    chosen = []
    for child in getattr(page, "related_pages", None) or []:
        if child.value is not None and child.value.live and child.value.pk != page.pk:
            chosen.append(child.value)
    chosen = chosen[:limit]
    wanted = limit - len(chosen)
    if wanted <= 0:
        return chosen
    own = PageFacet.objects.filter(
        page_id=page.pk, implied=False, param=OuterRef("param"), value=OuterRef("value")
    )
    weight = Case(
        *(When(param=param, then=w) for param, w in FACET_WEIGHTS.items()),
        default=1,
        output_field=IntegerField(),
    )
    scores = (
        PageFacet.objects.filter(Exists(own))
        .exclude(page_id__in=[page.pk, *(p.pk for p in chosen)])
        .filter(
            page__live=True,
            page__locale_id=page.locale_id,
            page__content_type_id__in=_content_type_ids(),
        )
        .values("page_id")
        .annotate(score=Sum(weight), shared=Count("pk"))
        .order_by("-score", "-page__first_published_at", "page_id")[:wanted]
    )
    ids = [row["page_id"] for row in scores]
    pages = Page.objects.filter(pk__in=ids).only(
        "id", "title", "url_path", "path", "depth", "content_type", "search_description", "locale"
    )
    by_id = {p.pk: p for p in pages}
    return chosen + [by_id[pk] for pk in ids if pk in by_id]


def page_context(*, page: Page, request) -> dict:
    """What a guide or module page shows beside its own fields.

    The breadcrumbs, related content, needs, sectors and topics only change when something
    is published, which starts a new cache version: they are kept until then.
    """

    def build() -> dict:
        return {
            "ancestors": list(page.get_ancestors()),
            "related": related_content(page=page),
            "needs": list(page.needs.all()),
            "sectors": list(page.sectors.all()),
            "tags": list(page.tags.all()),
        }

    side = frame.cached(request, "guide", build, page.pk, translation.get_language() or "")
    ancestors = side["ancestors"]
    return {
        **side,
        "index_url": ancestors[-1].get_url(request) if ancestors else "",
        "json_ld": page.json_ld(request, needs=side["needs"], tags=side["tags"]),
    }
