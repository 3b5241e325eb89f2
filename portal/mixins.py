"""Small abstract mixins that page types choose from: facets, review dates, owner, sharing."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import ClassVar

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from portal.models import Area, PageFacet
from portal.page_forms import OwnedPageForm


class FacetIndexMixin:
    """Keeps the page's rows in :class:`PageFacet` in step with its facet fields.

    ``facet_fields`` maps a URL parameter to a field: a ParentalManyToManyField or a ForeignKey
    to a vocabulary term, or any attribute with ``.all()`` of objects that have a ``slug``.
    Tags are added as ``tag`` when the page has a ``tags`` manager.
    """

    facet_fields: ClassVar[dict[str, str]] = {}

    def facet_values(self) -> Iterator[tuple[str, str, bool]]:
        """(parameter, value, implied) triples this page matches."""
        from portal.vocabulary import boroughs, regions

        for param, name in self.facet_fields.items():
            value = getattr(self, name, None)
            if value is None:
                continue
            items = value.all() if hasattr(value, "all") else [value]
            for item in items:
                slug = getattr(item, "slug", None) or str(item)
                yield param, slug, False
                coverage = getattr(item, "coverage", Area.Coverage.BOROUGH)
                if param == "area" and coverage != Area.Coverage.BOROUGH:
                    yield from (("area", b, True) for b in boroughs())
                    if coverage == Area.Coverage.NATIONAL:
                        yield from (("area", r, True) for r in regions())
        tags = getattr(self, "tags", None)
        if tags is not None and hasattr(tags, "all"):
            for tag in tags.all():
                yield "tag", tag.slug, False

    def rebuild_facets(self) -> None:
        rows: dict[tuple[str, str], bool] = {}
        for param, value, implied in self.facet_values():
            key = (param, value[:100])
            # A value the page chose itself wins over the same value implied by a wider area.
            rows[key] = rows.get(key, True) and implied
        with transaction.atomic():
            PageFacet.objects.filter(page_id=self.pk).delete()
            PageFacet.objects.bulk_create(
                PageFacet(page_id=self.pk, param=p, value=v, implied=i)
                for (p, v), i in rows.items()
            )

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Saving a draft revision only updates a few columns of the live row (update_fields);
        # the facets must keep describing the live version until it is published.
        if kwargs.get("update_fields") is None:
            self.rebuild_facets()
        return result


class VocabularyMixin(FacetIndexMixin, models.Model):
    """The five shared facets as many-to-many fields; for content that may have several of each."""

    needs = ParentalManyToManyField(
        "portal.SupportNeed", blank=True, related_name="+", verbose_name=_("support needs")
    )
    stages = ParentalManyToManyField(
        "portal.Stage", blank=True, related_name="+", verbose_name=_("stages")
    )
    organisation_types = ParentalManyToManyField(
        "portal.OrganisationType",
        blank=True,
        related_name="+",
        verbose_name=_("organisation types"),
    )
    areas = ParentalManyToManyField(
        "portal.Area", blank=True, related_name="+", verbose_name=_("areas")
    )
    sectors = ParentalManyToManyField(
        "portal.AudienceSector", blank=True, related_name="+", verbose_name=_("audience sectors")
    )

    facet_fields: ClassVar[dict[str, str]] = {
        "need": "needs",
        "stage": "stages",
        "type": "organisation_types",
        "area": "areas",
        "sector": "sectors",
    }

    class Meta:
        abstract = True


def _a_year_after(date: datetime.date) -> datetime.date:
    try:
        return date.replace(year=date.year + 1)
    except ValueError:  # 29 February
        return date + datetime.timedelta(days=365)


class ReviewMixin(models.Model):
    """'Last reviewed' and 'review by' dates, so visitors can trust what they read."""

    last_reviewed = models.DateField(
        _("last reviewed"),
        default=datetime.date.today,
        help_text=_("The date someone last checked that everything on this page is still true."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("Leave blank for 12 months after the last review."),
    )

    OUT_OF_DATE_AFTER = datetime.timedelta(days=183)

    class Meta:
        abstract = True

    @property
    def review_due(self) -> datetime.date:
        return self.review_by or _a_year_after(self.last_reviewed)

    @property
    def review_overdue(self) -> bool:
        return self.review_due < timezone.localdate()

    @property
    def possibly_out_of_date(self) -> bool:
        """More than six months past its review date: the public page warns the visitor."""
        return self.review_due + self.OUT_OF_DATE_AFTER < timezone.localdate()


class OwnerMixin(models.Model):
    """The partner organisation that keeps this page current; only its editors may change it."""

    owner_organisation = models.ForeignKey(
        "portal.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner organisation"),
        help_text=_("The partner that keeps this page up to date; its editors may change it."),
    )

    # Partner editors may only give a page to their own organisation (see portal/page_forms.py).
    base_form_class = OwnedPageForm

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        from portal.permissions import OwnedPagePermissionTester

        return OwnedPagePermissionTester(user, self)


class ShareImageMixin(models.Model):
    """An image used when the page is shared on social media."""

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("share image"),
        help_text=_("Shown in previews on social media; 1200 × 630 pixels works best."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("share_image")]

    class Meta:
        abstract = True


def ownership_panel(*extra: str) -> MultiFieldPanel:
    """The owner organisation and review dates (OwnerMixin, ReviewMixin), plus ``extra`` fields."""
    fields = ["owner_organisation", "last_reviewed", "review_by", *extra]
    return MultiFieldPanel([FieldPanel(name) for name in fields], heading=_("Ownership and review"))
