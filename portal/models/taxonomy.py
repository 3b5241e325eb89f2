"""The shared vocabulary: translatable terms that content, directory, triage and search use."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Term(TranslatableMixin, index.Indexed, models.Model):
    """A value of one facet. The slug is stable: URLs, filters, the API and campaigns rely on it."""

    #: The URL parameter this vocabulary is filtered by (``?need=funding``).
    param: str = ""

    label = models.CharField(_("label"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "Used in web addresses, filters, the open data API and campaign links. "
            "Changing it breaks links that people have shared, so leave it alone once published."
        ),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One plain sentence shown as a hint to visitors.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        FieldPanel("label"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "label"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.label


class SupportNeed(Term):
    """What a visitor needs help with (funding, governance ...); the main facet of everything."""

    param = "need"

    class Meta(Term.Meta):
        verbose_name = _("support need")
        verbose_name_plural = _("support needs")


class Stage(Term):
    """How far along a social business is, from an idea to changing ownership."""

    param = "stage"

    class Meta(Term.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")


class OrganisationType(Term):
    """A legal or ownership form (co-operative, CIC ...), plus 'not sure yet'."""

    param = "type"

    class Meta(Term.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")


class Area(Term):
    """Where support is offered: a borough, all of Greater Manchester, or national/online."""

    param = "area"

    class Coverage(models.TextChoices):
        BOROUGH = "borough", _("One borough")
        REGION = "region", _("All of Greater Manchester")
        NATIONAL = "national", _("National or online")

    coverage = models.CharField(
        _("coverage"),
        max_length=10,
        choices=Coverage.choices,
        default=Coverage.BOROUGH,
        help_text=_(
            "Region-wide and national areas count as serving every borough, so a visitor in "
            "Wigan also sees providers that cover all of Greater Manchester."
        ),
    )
    panels = [*Term.panels, FieldPanel("coverage")]
    translatable_fields = [*Term.translatable_fields, SynchronizedField("coverage")]

    class Meta(Term.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    @property
    def serves_everywhere(self) -> bool:
        return self.coverage != self.Coverage.BOROUGH


class AudienceSector(Term):
    """Who learning content is written for: voluntary and community, private or public sector."""

    param = "sector"

    class Meta(Term.Meta):
        verbose_name = _("audience sector")
        verbose_name_plural = _("audience sectors")
