"""Daily totals for campaigns. Nothing about any visitor is stored: no address, no cookie."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ShortLinkVisit(models.Model):
    """How many times a short link was followed on one day."""

    day = models.DateField(_("day"))
    short_link = models.ForeignKey(
        "campaigns.ShortLink", on_delete=models.CASCADE, related_name="daily_visits"
    )
    count = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        verbose_name = _("short link visits")
        verbose_name_plural = _("short link visits")
        constraints = [
            models.UniqueConstraint(fields=["day", "short_link"], name="unique_link_day")
        ]

    def __str__(self):
        return f"{self.day} {self.short_link_id}: {self.count}"


class CampaignCompletion(models.Model):
    """Questionnaires completed on one day by people who came from a campaign.

    ``param`` and ``value`` empty count the journeys; otherwise the row counts how many of them
    chose that value (``need=funding``), which gives the report its "top needs".
    """

    day = models.DateField(_("day"))
    campaign = models.ForeignKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="+"
    )
    param = models.CharField(_("facet"), max_length=20, blank=True)
    value = models.CharField(_("value"), max_length=100, blank=True)
    count = models.PositiveIntegerField(_("journeys"), default=0)

    class Meta:
        verbose_name = _("campaign completion count")
        verbose_name_plural = _("campaign completion counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "campaign", "param", "value"], name="unique_campaign_day_value"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.campaign_id} {self.param}={self.value}: {self.count}"
