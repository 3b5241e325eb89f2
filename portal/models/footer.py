"""The footer's words, translatable like every other text on the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class FooterText(TranslatableMixin, models.Model):
    """The short text at the foot of every page (one per language; English fills any gap)."""

    text = models.TextField(
        _("text"),
        help_text=_("One or two sentences about the hub, shown at the foot of every page."),
    )
    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self):
        return self.text[:60]
