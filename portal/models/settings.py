"""Site-wide settings hub staff can change without a developer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """Contact details and defaults shown in the footer and in sharing previews."""

    contact_email = models.EmailField(_("contact e-mail"), default="hello@example.org")
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page is shared on social media and has no image of its own."),
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("default_share_image"),
    ]

    class Meta:
        verbose_name = _("portal settings")
