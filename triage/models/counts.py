"""Anonymous counts of completed journeys, for the demand and gap reports."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DemandCount(models.Model):
    """How many completed journeys chose a facet value, or a pair of values, on one day.

    Hub staff read these in the demand and gap reports. Nothing about the visitor is kept:
    no address, no cookie, no time of day, no link between one journey's values beyond the
    pairs counted (need with area, need with stage).
    """

    day = models.DateField(_("day"))
    questionnaire = models.ForeignKey(
        "triage.FindSupportPage", on_delete=models.CASCADE, related_name="+"
    )
    #: "" with an empty value counts the journeys themselves.
    param = models.CharField(_("facet"), max_length=20, blank=True)
    value = models.CharField(_("value"), max_length=100, blank=True)
    other_param = models.CharField(_("second facet"), max_length=20, blank=True)
    other_value = models.CharField(_("second value"), max_length=100, blank=True)
    count = models.PositiveIntegerField(_("journeys"), default=0)

    class Meta:
        verbose_name = _("demand count")
        verbose_name_plural = _("demand counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "questionnaire", "param", "value", "other_param", "other_value"],
                name="unique_demand_count",
            )
        ]
        indexes = [models.Index(fields=["param", "other_param", "day"], name="demand_report")]

    def __str__(self):
        pair = f" & {self.other_param}={self.other_value}" if self.other_param else ""
        return f"{self.day} {self.param}={self.value}{pair}: {self.count}"
