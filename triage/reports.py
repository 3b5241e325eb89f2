"""What people ask for, and where provision is missing: the data behind the admin reports."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Sum
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.models import PageFacet
from triage.models import DemandCount

PERIODS = {"day": None, "week": TruncWeek, "month": TruncMonth}
REPORT_PARAMS = ("need", "stage", "area", "type", "sector")


@dataclass
class DemandTable:
    param: str
    periods: list[datetime.date]
    #: (value, label, counts per period, total), most asked first.
    rows: list[tuple[str, str, list[int], int]]
    journeys: list[int]

    def csv_rows(self, heading: str) -> list[list]:
        header = [heading, *[p.isoformat() for p in self.periods], _("Total")]
        body = [[label, *counts, total] for _value, label, counts, total in self.rows]
        journeys = [_("Journeys completed"), *self.journeys, sum(self.journeys)]
        return [header, *body, journeys]


def demand(
    *,
    param: str,
    since: datetime.date,
    until: datetime.date,
    period: str,
    labels: Mapping[str, str],
) -> DemandTable:
    """How often each value of ``param`` was chosen, per day, week or month."""
    rows = DemandCount.objects.filter(
        day__gte=since, day__lte=until, other_param="", param__in=[param, ""]
    )
    trunc = PERIODS.get(period)
    bucket = trunc("day") if trunc else None
    grouped = (
        rows.annotate(bucket=bucket).values("bucket", "param", "value")
        if bucket is not None
        else rows.values("day", "param", "value")
    )
    grouped = grouped.annotate(n=Sum("count")).order_by()
    counts: dict[tuple[str, datetime.date], int] = defaultdict(int)
    buckets: set[datetime.date] = set()
    journeys: dict[datetime.date, int] = defaultdict(int)
    for row in grouped:
        when = row.get("bucket") or row.get("day")
        if isinstance(when, datetime.datetime):
            when = when.date()
        buckets.add(when)
        if row["param"] == "":
            journeys[when] += row["n"]
        else:
            counts[(row["value"], when)] += row["n"]
    periods = sorted(buckets)
    values = {value for value, _when in counts}
    table = []
    for value in values:
        per = [counts.get((value, when), 0) for when in periods]
        table.append((value, labels.get(value, value), per, sum(per)))
    table.sort(key=lambda row: (-row[3], row[1]))
    return DemandTable(param, periods, table, [journeys.get(when, 0) for when in periods])


@dataclass(frozen=True)
class Gap:
    kind: str  # "provider" or "guide"
    need: str
    other_param: str
    other: str
    asked: int


def _pairs(model_label: str, first: str, second: str, locale: Locale, firsts, seconds) -> set:
    """(first value, second value) pairs that some live page of the model covers."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return set()
    pages = model.objects.live().filter(locale=locale).values("pk")
    by_page: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for page_id, param, value in PageFacet.objects.filter(
        page_id__in=pages, param__in=[first, second], value__in=[*firsts, *seconds]
    ).values_list("page_id", "param", "value"):
        by_page[page_id][param].add(value)
    covered = set()
    for facets in by_page.values():
        for a in facets[first]:
            for b in facets[second]:
                covered.add((a, b))
    return covered


def gaps(*, since: datetime.date, until: datetime.date, locale: Locale | None = None) -> list[Gap]:
    """Combinations visitors asked for that nothing serves, most asked first.

    A need in a borough with no live provider serving that borough (directly, or by covering
    all of Greater Manchester or the country); a need at a stage with no live guide for it.
    """
    locale = locale or Locale.get_default()
    asked = (
        DemandCount.objects.filter(day__gte=since, day__lte=until, param="need")
        .exclude(other_param="")
        .values("value", "other_param", "other_value")
        .annotate(n=Sum("count"))
        .order_by()
    )
    asked = [(r["value"], r["other_param"], r["other_value"], r["n"]) for r in asked]
    needs = {a[0] for a in asked}
    areas = {a[2] for a in asked if a[1] == "area"}
    stages = {a[2] for a in asked if a[1] == "stage"}
    served = _pairs("directory.ProviderPage", "need", "area", locale, needs, areas)
    written = _pairs("guides.GuidePage", "need", "stage", locale, needs, stages)
    found = []
    for need, other_param, other, n in asked:
        if other_param == "area" and (need, other) not in served:
            found.append(Gap("provider", need, "area", other, n))
        elif other_param == "stage" and (need, other) not in written:
            found.append(Gap("guide", need, "stage", other, n))
    found.sort(key=lambda gap: (-gap.asked, gap.kind, gap.need, gap.other))
    return found
