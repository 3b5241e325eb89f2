"""Counts a completed journey by day and by the facet values chosen. Nothing about the visitor."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Mapping, Sequence

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from triage.models import DemandCount
from triage.questionnaire import FACET_PARAMS

#: Pairs counted together, for the gap report: need with borough, need with stage.
PAIRS = (("need", "area"), ("need", "stage"))
#: A hand-made link could list many values; count no more than this many of each.
MAX_VALUES = 10

Key = tuple[str, str, str, str]


def keys_for(answers: Mapping[str, Sequence[str]]) -> list[Key]:
    """The counters one journey adds to: the total, each value, and each counted pair."""
    answers = {p: tuple(answers.get(p, ()))[:MAX_VALUES] for p in FACET_PARAMS}
    keys: list[Key] = [("", "", "", "")]
    for param in FACET_PARAMS:
        keys += [(param, value, "", "") for value in answers[param]]
    for first, second in PAIRS:
        keys += [
            (first, a, second, b) for a, b in itertools.product(answers[first], answers[second])
        ]
    return list(dict.fromkeys(keys))


def record_journey(
    *,
    questionnaire_id: int,
    answers: Mapping[str, Sequence[str]],
    day: datetime.date | None = None,
) -> None:
    """Add one to every counter the journey touches, creating counters the first time."""
    day = day or timezone.localdate()
    keys = keys_for(answers)
    match = Q()
    for param, value, other_param, other_value in keys:
        match |= Q(param=param, value=value, other_param=other_param, other_value=other_value)
    rows = DemandCount.objects.filter(match, day=day, questionnaire_id=questionnaire_id)
    existing = {
        (r.param, r.value, r.other_param, r.other_value): r.pk
        for r in rows.only("pk", "param", "value", "other_param", "other_value")
    }
    if existing:
        DemandCount.objects.filter(pk__in=existing.values()).update(count=F("count") + 1)
    for key in keys:
        if key in existing:
            continue
        fields = dict(zip(("param", "value", "other_param", "other_value"), key, strict=True))
        try:
            with transaction.atomic():
                DemandCount.objects.create(
                    day=day, questionnaire_id=questionnaire_id, count=1, **fields
                )
        except IntegrityError:
            # Another visitor created the counter a moment ago: add to theirs.
            DemandCount.objects.filter(day=day, questionnaire_id=questionnaire_id, **fields).update(
                count=F("count") + 1
            )
