"""Counting campaign visits and completed questionnaires per day, in aggregate only.

Each count is one UPDATE ... SET count = count + 1 on the day's row, creating the row the
first time. Nothing identifies a visitor: no cookie is set or read, and no address, user
agent or time of day is stored.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from campaigns.links import clean_tag
from campaigns.models import CampaignCompletion, CampaignPage, ShortLinkVisit

#: Facets counted per campaign for its report ("top needs chosen" and the rest).
COUNTED_PARAMS = ("need", "stage", "type", "area", "sector")
#: A hand-made link could list many values; count no more than this many of each.
MAX_VALUES = 10


def _add_one(model: type[models.Model], **key) -> None:
    if model.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            model.objects.create(count=1, **key)
    except IntegrityError:
        # Another visitor created the row a moment ago: add to theirs.
        model.objects.filter(**key).update(count=F("count") + 1)


def record_visit(*, short_link_id: int, day: datetime.date | None = None) -> None:
    """One more visit through a short link today."""
    _add_one(ShortLinkVisit, day=day or timezone.localdate(), short_link_id=short_link_id)


def campaign_for_tag(tag: str) -> CampaignPage | None:
    """The campaign a ``?campaign=`` tag names (the first page with that slug)."""
    tag = clean_tag(tag)
    if not tag:
        return None
    # Translations share a slug; their counts all go to the first (source) page.
    return CampaignPage.objects.filter(slug=tag).order_by("pk").only("id", "slug").first()


def record_completion(
    *,
    campaign: str,
    answers: Mapping[str, Sequence[str]],
    day: datetime.date | None = None,
) -> bool:
    """Count a completed questionnaire that started from a campaign; False if the tag is unknown."""
    page = campaign_for_tag(campaign)
    if page is None:
        return False
    day = day or timezone.localdate()
    keys = [("", "")]
    for param in COUNTED_PARAMS:
        values = list(dict.fromkeys(str(v)[:100] for v in answers.get(param, ())))
        keys += [(param, value) for value in values[:MAX_VALUES]]
    for param, value in keys:
        _add_one(CampaignCompletion, day=day, campaign_id=page.pk, param=param, value=value)
    return True
