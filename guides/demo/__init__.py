"""Demo content for guides and training: the section pages, then (unless skeleton) the content.

Loading twice changes nothing: each page is looked up by its slug under its section first.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.apps import apps
from django.utils import timezone
from wagtail.models import Page

from guides.models import (
    GuideIndexPage,
    GuidePage,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingSession,
)
from home.models import HomePage
from portal.models import (
    Area,
    AudienceSector,
    OrganisationType,
    PageFacet,
    PartnerOrganisation,
    Stage,
    SupportNeed,
)
from portal.pages import ensure_child

FACET_MODELS = {
    "needs": SupportNeed,
    "stages": Stage,
    "organisation_types": OrganisationType,
    "areas": Area,
    "sectors": AudienceSector,
}
SPEC_KEYS = {
    "needs": "needs",
    "stages": "stages",
    "types": "organisation_types",
    "areas": "areas",
    "sectors": "sectors",
}


def load(*, stdout, skeleton=False):
    for home in HomePage.objects.filter(locale__language_code="en"):
        guides = ensure_child(
            home,
            GuideIndexPage,
            show_in_menus=True,
            slug="guides",
            title="Guides",
            intro="Practical, plain-English guides to starting and running a social business.",
        )
        training = ensure_child(
            home,
            TrainingIndexPage,
            show_in_menus=True,
            slug="training",
            title="Training",
            intro="Courses, workshops and webinars run by the hub and its partners.",
        )
        if not skeleton:
            made = load_guides(guides) + load_training(training)
            if made:
                stdout.write(f"Created {made} demo guides and training modules.")


def _terms(spec: dict) -> dict[str, list]:
    """The vocabulary terms a demo page names by slug, in the default language."""
    chosen = {}
    for key, field in SPEC_KEYS.items():
        model = FACET_MODELS[field]
        chosen[field] = list(
            model.objects.filter(slug__in=spec.get(key, []), locale__language_code="en")
        )
    return chosen


def _owner(slug: str):
    return PartnerOrganisation.objects.filter(slug=slug).first()


def provider_for(need: str):
    """A live directory provider that helps with ``need``, if the directory has any."""
    ProviderPage = apps.get_model("directory", "ProviderPage")
    matching = PageFacet.objects.filter(param="need", value=need, implied=False).values("page_id")
    live = ProviderPage.objects.live().filter(locale__language_code="en")
    return live.filter(pk__in=matching).order_by("pk").first() or live.order_by("pk").first()


def _create(parent: Page, page: Page, spec: dict, *, facets: bool = True) -> Page:
    if facets:
        for field, terms in _terms(spec).items():
            getattr(page, field).set(terms)
    page.tags.add(*spec.get("tags", []))
    page.search_description = spec["summary"]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_guides(index: GuideIndexPage) -> int:
    from guides.demo.guides import GUIDES

    existing = set(index.get_children().values_list("slug", flat=True))
    made = 0
    for offset, spec in enumerate(GUIDES):
        if spec["slug"] in existing:
            continue
        page = GuidePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            body=spec["body"],
            owner_organisation=_owner(spec["owner"]),
            last_reviewed=timezone.localdate() - datetime.timedelta(days=20 + offset * 9),
        )
        _create(index, page, spec)
        made += 1
    return made


def _at(days: int, hour: int, now: datetime.datetime) -> datetime.datetime:
    day = timezone.localtime(now).date() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load_training(index: TrainingIndexPage) -> int:
    from guides.demo.training import MODULES

    existing = set(index.get_children().values_list("slug", flat=True))
    now = timezone.now()
    made = 0
    for spec in MODULES:
        if spec["slug"] in existing:
            continue
        page = TrainingModulePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            level=spec["level"],
            format=spec["format"],
            duration_minutes=spec["duration_minutes"],
            duration_note=spec["duration_note"],
            prerequisites=spec["prerequisites"],
            outcomes=[("outcome", text) for text in spec["outcomes"]],
            lessons=spec["lessons"],
            trainer=provider_for(spec["trainer_need"]),
            owner_organisation=_owner(spec["owner"]),
        )
        sessions = []
        for order, (days, hour, hours, venue, places) in enumerate(spec["sessions"]):
            starts = _at(days, hour, now)
            sessions.append(
                TrainingSession(
                    sort_order=order,
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(minutes=int(Decimal(str(hours)) * 60)),
                    online=not venue,
                    venue=venue,
                    booking_url=f"https://booking.example.org/{spec['slug']}/{order + 1}",
                    places_left=places,
                )
            )
        page.sessions = sessions
        _create(index, page, spec)
        made += 1
    return made
