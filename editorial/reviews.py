"""What is due for review: every guide, module and provider has a 'review by' date."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.db.models import DateField, ExpressionWrapper, F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from portal.mixins import ReviewMixin

DUE_SOON = datetime.timedelta(days=30)
DEFAULT_INTERVAL = datetime.timedelta(days=365)


@dataclass(frozen=True)
class DueItem:
    page: Page
    review_due: datetime.date
    owner: str

    @property
    def overdue(self) -> bool:
        return self.review_due < timezone.localdate()

    @property
    def days(self) -> int:
        """Days until the review is due (negative when overdue)."""
        return (self.review_due - timezone.localdate()).days


def reviewed_models() -> list[type[Page]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewMixin) and issubclass(model, Page) and not model._meta.abstract
    ]


def due_for_review(
    *,
    today: datetime.date | None = None,
    within: datetime.timedelta = DUE_SOON,
    owner_id: int | None = None,
) -> list[DueItem]:
    """Live pages whose review is overdue or due within ``within``, most overdue first."""
    today = today or timezone.localdate()
    items: list[DueItem] = []
    for model in reviewed_models():
        due = Coalesce(
            "review_by",
            ExpressionWrapper(F("last_reviewed") + DEFAULT_INTERVAL, output_field=DateField()),
        )
        queryset = (
            model.objects.live()
            .annotate(due=due)
            .filter(due__lte=today + within)
            .select_related("locale")
        )
        if hasattr(model, "owner_organisation"):
            queryset = queryset.select_related("owner_organisation")
            if owner_id is not None:
                queryset = queryset.filter(Q(owner_organisation_id=owner_id))
        elif owner_id is not None:
            continue
        for page in queryset:
            owner = getattr(page, "owner_organisation", None)
            items.append(
                DueItem(
                    page=page,
                    review_due=_as_date(page.due),
                    owner=owner.name if owner else "Hub team",
                )
            )
    return sorted(items, key=lambda item: (item.review_due, item.page.title))


def _as_date(value) -> datetime.date:
    # SQLite returns date arithmetic as a string or datetime; PostgreSQL as a date.
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    return value


def by_owner(items: list[DueItem]) -> dict[str, list[DueItem]]:
    grouped: dict[str, list[DueItem]] = defaultdict(list)
    for item in items:
        grouped[item.owner].append(item)
    return dict(sorted(grouped.items()))
