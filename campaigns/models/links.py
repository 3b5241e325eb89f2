"""Short links (/go/<slug>) that hub staff print on posters and share in newsletters."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, PageChooserPanel

from campaigns.links import clean_target_url


class ShortLink(models.Model):
    """A short address that leads to a page or a filtered listing, tagged with its campaign."""

    slug = models.SlugField(
        _("short name"),
        max_length=60,
        unique=True,
        help_text=_(
            "The part after /go/, e.g. 'wigan-week' makes /go/wigan-week. Lower-case letters, "
            "numbers and hyphens. Do not change it once printed: old posters would stop working."
        ),
    )
    label = models.CharField(
        _("where it is used"),
        max_length=120,
        blank=True,
        help_text=_("For your reports, e.g. 'Bus stop posters in Wigan' or 'Partner newsletter'."),
    )
    target_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
        help_text=_("Where the link leads. Choose a page, or give an address below instead."),
    )
    target_url = models.CharField(
        _("or an address on this site"),
        max_length=500,
        blank=True,
        help_text=_(
            "A filtered listing on this site, starting with /, e.g. "
            "/directory/?area=wigan&need=funding. Copy it from the address bar after choosing "
            "the filters. Addresses on other sites are not allowed."
        ),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="short_links",
        verbose_name=_("campaign"),
        help_text=_("Visits through this link count towards this campaign in its report."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("slug"),
        FieldPanel("label"),
        MultiFieldPanel(
            [PageChooserPanel("target_page"), FieldPanel("target_url")],
            heading=_("Where it leads"),
        ),
        FieldPanel("campaign"),
        HelpPanel(
            content=_(
                "After saving, use “QR code” in the list of short links to download the code "
                "as SVG (for print) or PNG."
            )
        ),
    ]

    class Meta:
        verbose_name = _("short link")
        verbose_name_plural = _("short links")
        ordering = ["slug"]

    def __str__(self):
        return f"/go/{self.slug}"

    def clean(self):
        super().clean()
        self.slug = (self.slug or "").lower()
        if self.target_url:
            try:
                self.target_url = clean_target_url(self.target_url)
            except ValueError as error:
                raise ValidationError({"target_url": str(error)}) from None
        if self.target_page_id and self.target_url:
            raise ValidationError({"target_url": _("Choose a page or give an address, not both.")})
        if not self.target_page_id and not self.target_url:
            raise ValidationError(
                {"target_page": _("Choose the page this link leads to, or give an address.")}
            )

    def save(self, *args, **kwargs):
        self.slug = (self.slug or "").lower()
        return super().save(*args, **kwargs)

    @property
    def path(self) -> str:
        return f"/go/{self.slug}"

    @property
    def is_broken(self) -> bool:
        """The page it led to was deleted or unpublished, so visitors get the fallback."""
        if self.target_page_id:
            return not self.target_page.live
        return not self.target_url

    def target_display(self) -> str:
        if self.target_page_id:
            return self.target_page.get_admin_display_title()
        return self.target_url or str(_("(the page was deleted)"))

    target_display.short_description = _("leads to")
