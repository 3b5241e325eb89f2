"""Demo content for case studies: the section page, then (unless skeleton) ten stories.

Loading twice changes nothing: each story is looked up by its slug first. Illustrations are
drawn here with Pillow; nothing is fetched from the internet.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

from django.apps import apps
from django.core.files.images import ImageFile
from django.utils import timezone

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, ImpactMeasure
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


def load(*, stdout, skeleton=False):
    for home in HomePage.objects.filter(locale__language_code="en"):
        index = ensure_child(
            home,
            CaseStudyIndexPage,
            show_in_menus=True,
            slug="case-studies",
            title="Case studies",
            intro="How social businesses across Greater Manchester started, grew and changed.",
        )
        if not skeleton:
            made = load_stories(index)
            if made:
                stdout.write(f"Created {made} demo case studies.")


def _term(model, slug):
    return model.objects.filter(slug=slug, locale__language_code="en").first()


def _providers(needs: list[str], limit: int = 2) -> list:
    """Live directory providers that help with these needs, if the directory has any."""
    ProviderPage = apps.get_model("directory", "ProviderPage")
    matching = PageFacet.objects.filter(param="need", value__in=needs, implied=False)
    return list(
        ProviderPage.objects.live()
        .filter(locale__language_code="en", pk__in=matching.values("page_id"))
        .order_by("pk")[:limit]
    )


def _guides(slugs: list[str]) -> list:
    GuidePage = apps.get_model("guides", "GuidePage")
    return list(GuidePage.objects.live().filter(slug__in=slugs, locale__language_code="en"))


def illustration(title: str, colour: tuple[int, int, int]):
    """A simple generated picture (overlapping circles) so stories show how images look."""
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PILImage.new("RGB", (1200, 630), (244, 242, 238))
    draw = ImageDraw.Draw(canvas)
    r, g, b = colour
    for i in range(7):
        tint = (min(255, r + i * 18), min(255, g + i * 18), min(255, b + i * 18))
        x = 120 + i * 150
        draw.ellipse((x, 140 + (i % 2) * 80, x + 320, 460 + (i % 2) * 80), fill=tint)
    draw.rectangle((0, 580, 1200, 630), fill=(255, 210, 63))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:60]
    image = Image(title=title, file=ImageFile(buffer, name=f"{slug}.png"))
    image.save()
    return image


def load_stories(index: CaseStudyIndexPage) -> int:
    from casestudies.demo.stories import STORIES

    existing = set(index.get_children().values_list("slug", flat=True))
    made = 0
    for offset, spec in enumerate(STORIES):
        if spec["slug"] in existing:
            continue
        image = illustration(f"{spec['organisation']} illustration", spec["colour"])
        page = CaseStudyPage(
            title=spec["title"],
            slug=spec["slug"],
            search_description=spec["summary"],
            organisation_name=spec["organisation"],
            summary=spec["summary"],
            organisation_type=_term(OrganisationType, spec["type"]),
            borough=_term(Area, spec["borough"]),
            stage=_term(Stage, spec["stage"]),
            sector=_term(AudienceSector, spec["sector"]),
            challenge=spec["challenge"],
            approach=spec["approach"],
            results=spec["results"],
            pull_quote=spec["quote"],
            quote_attribution=spec["quote_by"],
            image=image,
            # The generated pictures are decorative, so their text alternative is empty.
            image_alt="",
            owner_organisation=PartnerOrganisation.objects.filter(slug="hub-team").first(),
            last_reviewed=timezone.localdate() - datetime.timedelta(days=30 + offset * 11),
        )
        page.needs.set(
            SupportNeed.objects.filter(slug__in=spec["needs"], locale__language_code="en")
        )
        page.providers.set(_providers(spec["provider_needs"]))
        page.related_guides.set(_guides(spec["guides"]))
        page.tags.add(*spec["tags"])
        page.impact_measures = [
            ImpactMeasure(
                sort_order=order,
                measure=measure,
                value=Decimal(str(value)),
                unit=unit,
                period=period,
            )
            for order, (measure, value, unit, period) in enumerate(spec["impact"])
        ]
        index.add_child(instance=page)
        page.save_revision().publish()
        made += 1
    return made
