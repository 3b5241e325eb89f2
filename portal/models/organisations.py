"""Partner organisations: the bodies that own directory entries and guides and keep them current."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class PartnerOrganisation(index.Indexed, models.Model):
    """A partner of the hub. Its editors may change only the content it owns."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Where reminders about content due for review are sent."),
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="partner_organisations",
        verbose_name=_("editors"),
        help_text=_("People who keep this organisation's directory entries and guides current."),
    )
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("website"),
        FieldPanel("contact_email"),
        FieldPanel("editors"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]
        permissions = [
            (
                "edit_any_organisation_content",
                "Can change pages owned by any partner organisation",
            )
        ]

    def __str__(self):
        return self.name
