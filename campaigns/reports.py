"""What hub staff see about a campaign: visits per day, completions and what people needed."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from campaigns.models import CampaignCompletion, CampaignPage, ShortLink, ShortLinkVisit
from portal.vocabulary import labels

DEFAULT_DAYS = 90
MAX_DAYS = 3 * 366
TOP_VALUES = 10


def date_range(raw_since: str | None, raw_until: str | None) -> tuple[datetime.date, datetime.date]:
    """The dates a report covers, from ?since= and ?until= (ISO dates); bad input is ignored."""

    def parse(raw: str | None, default: datetime.date) -> datetime.date:
        try:
            value = datetime.date.fromisoformat((raw or "")[:10])
        except ValueError:
            return default
        # Dates far from today are typing mistakes (and would overflow the arithmetic).
        return value if abs((value - today).days) <= MAX_DAYS else default

    today = timezone.localdate()
    until = parse(raw_until, today)
    since = parse(raw_since, until - datetime.timedelta(days=DEFAULT_DAYS))
    if since > until:
        since, until = until, since
    return max(since, until - datetime.timedelta(days=MAX_DAYS)), until


def campaign_report(*, campaign: CampaignPage, since: datetime.date, until: datetime.date) -> dict:
    """Visits per day through each of the campaign's short links, completions per day, and
    the needs (and other answers) chosen most often by people who came from it."""
    links = list(ShortLink.objects.filter(campaign=campaign).order_by("slug"))
    visits = defaultdict(dict)
    for row in ShortLinkVisit.objects.filter(
        short_link__campaign=campaign, day__range=(since, until)
    ).values("day", "short_link_id", "count"):
        visits[row["day"]][row["short_link_id"]] = row["count"]
    completions: dict[datetime.date, int] = defaultdict(int)
    chosen: dict[tuple[str, str], int] = defaultdict(int)
    rows = CampaignCompletion.objects.filter(campaign=campaign, day__range=(since, until))
    for row in rows.values("day", "param", "value", "count"):
        if row["param"]:
            chosen[(row["param"], row["value"])] += row["count"]
        else:
            completions[row["day"]] += row["count"]
    days = sorted(set(visits) | set(completions), reverse=True)
    table = [
        {
            "day": day,
            "links": [visits[day].get(link.pk, 0) for link in links],
            "visits": sum(visits[day].values()),
            "completions": completions.get(day, 0),
        }
        for day in days
    ]
    names = {param: labels(param) for param in ("need", "area", "stage", "type", "sector")}

    def top(param: str) -> list[tuple[str, int]]:
        counted = [(names[param].get(v, v), n) for (p, v), n in chosen.items() if p == param]
        return sorted(counted, key=lambda item: (-item[1], item[0]))[:TOP_VALUES]

    return {
        "links": links,
        "days": table,
        "total_visits": sum(row["visits"] for row in table),
        "total_completions": sum(completions.values()),
        "top_needs": top("need"),
        "top_areas": top("area"),
        "top_stages": top("stage"),
    }


def campaign_totals(*, since: datetime.date, until: datetime.date) -> list[dict]:
    """Every campaign with its visits and completions in the dates, newest campaign first."""
    campaigns = list(
        CampaignPage.objects.filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("-first_published_at", "-pk")
    )
    visits = dict(
        ShortLinkVisit.objects.filter(day__range=(since, until), short_link__campaign__isnull=False)
        .values_list("short_link__campaign")
        .annotate(total=Sum("count"))
    )
    completions = dict(
        CampaignCompletion.objects.filter(day__range=(since, until), param="")
        .values_list("campaign")
        .annotate(total=Sum("count"))
    )
    return [
        {
            "campaign": c,
            "visits": visits.get(c.pk, 0),
            "completions": completions.get(c.pk, 0),
        }
        for c in campaigns
    ]


def broken_links() -> QuerySet[ShortLink]:
    """Short links whose page was deleted or unpublished: visitors get the fallback instead."""
    return (
        ShortLink.objects.filter(
            Q(target_page__isnull=True, target_url="") | Q(target_page__live=False)
        )
        .select_related("target_page", "campaign")
        .order_by("slug")
    )
