"""Demo campaigns: a Wigan community business week and social value for public buyers.

Each has short links (their QR codes are drawn on request in the admin) and a fortnight of
made-up daily counts so the report has something to show. Loading twice changes nothing.
"""

from __future__ import annotations

import datetime
import io

from django.apps import apps
from django.core.files.images import ImageFile
from django.utils import timezone

from campaigns.models import CampaignCompletion, CampaignPage, ShortLink, ShortLinkVisit
from portal.models import Area, AudienceSector, OrganisationType, PageFacet, SupportNeed
from portal.pages import ensure_child

WIGAN_BODY = [
    ("heading", {"text": "A week of open doors", "level": "h2", "anchor": ""}),
    (
        "paragraph",
        "<p>For one week, community businesses across Wigan borough open up to anyone "
        "thinking of starting one: a café run by its regulars, a community-owned pub, a "
        "repair shop that trains young people. Come and ask how they did it.</p>",
    ),
    (
        "steps",
        {
            "heading": "How to make the most of the week",
            "steps": [
                {
                    "title": "Answer a few questions",
                    "text": "<p>Tell us what you need "
                    "and we will suggest guides and local people who can help.</p>",
                },
                {
                    "title": "Visit a community business",
                    "text": "<p>Hear from people "
                    "who started with an idea and a meeting in a church hall.</p>",
                },
                {
                    "title": "Book a free advice session",
                    "text": "<p>Advisers in the "
                    "borough can help with the legal form, the money and the building.</p>",
                },
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "heading": "Everything is free",
            "text": "<p>All the events and advice sessions are free. This is a demo "
            "campaign: the organisations and events are invented.</p>",
        },
    ),
]

PROCUREMENT_BODY = [
    ("heading", {"text": "Why buy from social businesses", "level": "h2", "anchor": ""}),
    (
        "paragraph",
        "<p>Every contract a council, hospital or college lets can do more than deliver a "
        "service. Buying from co-operatives, social enterprises and community businesses "
        "keeps money circulating locally, creates decent jobs and can be measured as social "
        "value.</p>",
    ),
    (
        "checklist",
        {
            "heading": "Five things a buyer can do this quarter",
            "items": [
                "Split large contracts into lots a small provider can bid for",
                "Publish a pipeline of upcoming opportunities",
                "Ask for social value that matters to the local area, not generic promises",
                "Meet local social businesses before the tender, not after",
                "Pay small suppliers within 15 days",
            ],
        },
    ),
    (
        "quote",
        {
            "quote": "Once we met the providers in person, we rewrote the lots so three local "
            "co-ops could bid. Two of them won.",
            "attribution": "Jo Baxter (demo)",
            "role": "Category manager, Example Borough Council (demo)",
        },
    ),
]


def _terms(model, slugs):
    return list(model.objects.filter(slug__in=slugs, locale__language_code="en"))


def _featured(home, *, need: str, sector: str = "", limit: int = 4) -> list[tuple[str, object]]:
    """Live guides, case studies and providers tagged with ``need`` (and ``sector``), as blocks."""
    pages = PageFacet.objects.filter(param="need", value=need, implied=False)
    if sector:
        pages = pages.filter(
            page_id__in=PageFacet.objects.filter(param="sector", value=sector).values("page_id")
        )
    ids = list(pages.values_list("page_id", flat=True)[:200])
    chosen = []
    for label in ("guides.GuidePage", "casestudies.CaseStudyPage", "directory.ProviderPage"):
        model = apps.get_model(label)
        found = model.objects.live().descendant_of(home).filter(pk__in=ids).order_by("pk")
        chosen += [("page", page) for page in found[:2]]
    return chosen[:limit]


def picture(title: str, colour: tuple[int, int, int]):
    """A generated 1200 × 630 picture (bands of colour), made here so nothing is fetched."""
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PILImage.new("RGB", (1200, 630), (250, 248, 244))
    draw = ImageDraw.Draw(canvas)
    r, g, b = colour
    for i in range(6):
        tint = (min(255, r + i * 24), min(255, g + i * 24), min(255, b + i * 24))
        draw.polygon(
            [(i * 220, 630), (i * 220 + 420, 0), (i * 220 + 560, 0), (i * 220 + 140, 630)],
            fill=tint,
        )
    draw.rectangle((0, 590, 1200, 630), fill=(255, 210, 63))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:60]
    image = Image(title=title, file=ImageFile(buffer, name=f"{slug}.png"))
    image.save()
    return image


def _default_share_image(home) -> None:
    """Give the site a default sharing picture when it has none."""
    from wagtail.models import Site

    from portal.models import PortalSettings

    site = Site.objects.filter(root_page=home).first()
    if site is None:
        return
    settings = PortalSettings.for_site(site)
    if settings.default_share_image_id is None:
        settings.default_share_image = picture(
            "Community Wealth Hub (sharing picture)", (0, 94, 165)
        )
        settings.save()


def _counts(link: ShortLink, campaign: CampaignPage, *, base: int) -> None:
    """A fortnight of invented daily totals, so the demo report is not empty."""
    if ShortLinkVisit.objects.filter(short_link=link).exists():
        return
    today = timezone.localdate()
    for n in range(14):
        day = today - datetime.timedelta(days=n)
        visits = base + (n * 7) % 11
        ShortLinkVisit.objects.create(day=day, short_link=link, count=visits)
        completed = visits // 4
        rows = [("", "", completed), ("need", "starting-up", completed // 2 + 1)]
        rows.append(("need", "funding", completed // 3))
        for param, value, count in rows:
            if count:
                CampaignCompletion.objects.get_or_create(
                    day=day,
                    campaign=campaign,
                    param=param,
                    value=value,
                    defaults={"count": count},
                )


def load(*, stdout, skeleton=False) -> None:
    if skeleton:
        return
    HomePage = apps.get_model("home", "HomePage")
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        return
    _default_share_image(home)
    wigan_picture = picture("Wigan community business week (demo picture)", (0, 112, 60))
    wigan = ensure_child(
        home,
        CampaignPage,
        slug="wigan-community-business-week",
        title="Wigan community business week",
        seo_title="Wigan community business week | Community Wealth Hub",
        search_description="A week of open doors at community businesses across Wigan "
        "borough, with free advice for anyone thinking of starting one. (Demo campaign.)",
        hero_heading="Start a community business in Wigan",
        hero_text="Meet people who run a café, a pub or a shop for their neighbours, and "
        "find free local help to start your own.",
        body=WIGAN_BODY,
        cta_heading="Find support near you",
        cta_text="Answer a few questions. Your borough is already filled in.",
        cta_label="Find support in Wigan",
        hero_image=wigan_picture,
        share_image=wigan_picture,
        preset_areas=_terms(Area, ["wigan"]),
        preset_types=_terms(OrganisationType, ["community-business"]),
        featured=_featured(home, need="starting-up"),
        end_date=timezone.localdate() + datetime.timedelta(days=60),
    )
    buyers_picture = picture("Social value in procurement (demo picture)", (88, 44, 131))
    procurement = ensure_child(
        home,
        CampaignPage,
        slug="social-value-in-procurement",
        title="Social value in procurement",
        seo_title="Buying from social businesses: social value in procurement",
        search_description="For public buyers: how to open contracts to co-operatives and "
        "social enterprises and get social value that matters locally. (Demo campaign.)",
        hero_heading="Buy for social value",
        hero_text="For councils, NHS trusts, colleges and housing associations in Greater "
        "Manchester that want more of their spending to stay local.",
        body=PROCUREMENT_BODY,
        cta_heading="Find training and advice for buyers",
        cta_text="Answer a few questions; we have chosen the public sector for you.",
        cta_label="Show me what helps buyers",
        share_image=buyers_picture,
        preset_sectors=_terms(AudienceSector, ["public"]),
        preset_needs=_terms(SupportNeed, ["tendering"]),
        featured=_featured(home, need="tendering"),
    )
    links = [
        ("wigan-week", "Posters in Wigan libraries and bus stations", wigan, wigan, ""),
        (
            "wigan-funding",
            "Partner newsletter: money to start up",
            wigan,
            None,
            "/directory/?area=wigan&need=funding",
        ),
        ("social-value", "Buyers' network e-mail", procurement, procurement, ""),
        (
            "buyer-guides",
            "Procurement conference slides",
            procurement,
            None,
            "/guides/?sector=public&need=tendering",
        ),
    ]
    made = 0
    for slug, label, campaign, page, url in links:
        link, created = ShortLink.objects.get_or_create(
            slug=slug,
            defaults={"label": label, "campaign": campaign, "target_page": page, "target_url": url},
        )
        made += created
        _counts(link, campaign, base=12 if campaign is wigan else 5)
    if made:
        stdout.write(f"Created {made} demo short links for 2 campaigns.")
