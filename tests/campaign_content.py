"""Campaign pages and short links for the campaign tests."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from portal.models import Area, AudienceSector, SupportNeed
from tests.content_factories import terms

_counter = itertools.count(1)


def make_campaign(home, *, slug=None, end_in_days=None, featured=(), **fields):
    """A published campaign page under ``home``; ``end_in_days`` < 0 makes it already ended."""
    from campaigns.models import CampaignPage

    n = next(_counter)
    presets = {
        "preset_needs": terms(SupportNeed, fields.pop("needs", [])),
        "preset_areas": terms(Area, fields.pop("areas", [])),
        "preset_sectors": terms(AudienceSector, fields.pop("sectors", [])),
    }
    end_date = None
    if end_in_days is not None:
        end_date = timezone.localdate() + datetime.timedelta(days=end_in_days)
    page = CampaignPage(
        title=fields.pop("title", f"Campaign {n}"),
        slug=slug or f"campaign-{n}",
        hero_heading=fields.pop("hero_heading", "Start something good"),
        hero_text=fields.pop("hero_text", "A campaign used in tests."),
        end_date=end_date,
        featured=[("page", page) for page in featured],
        **fields,
    )
    for name, values in presets.items():
        getattr(page, name).set(values)
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_link(slug, *, page=None, url="", campaign=None, label=""):
    from campaigns.models import ShortLink

    link = ShortLink(slug=slug, target_page=page, target_url=url, campaign=campaign, label=label)
    link.full_clean()
    link.save()
    return link
