"""The directory of support providers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from directory.geo import centroid, normalise_postcode
from directory.languages import LANGUAGES, parse_language_codes, unknown_language_codes
from portal.mixins import (
    OwnerMixin,
    ReviewMixin,
    ShareImageMixin,
    VocabularyMixin,
    ownership_panel,
)
from portal.pages import SectionIndexMixin


class DirectoryIndexPage(SectionIndexMixin, Page):
    """The filterable list of support providers at /directory/."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = ["directory.ProviderPage"]

    class Meta:
        verbose_name = _("directory index page")

    def get_context(self, request, *args, **kwargs):
        from directory.queries import provider_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = provider_listing(request=request, index=self)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        listing = (getattr(response, "context_data", None) or {}).get("listing")
        if listing is not None and listing.unavailable:
            response.status_code = 503  # said on the page; and a 503 is never cached
        return response


class DeliveryMode(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    PHONE = "phone", _("By phone")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    SUBSIDISED = "subsidised", _("Subsidised")
    PAID = "paid", _("Paid")
    MEMBERSHIP = "membership", _("Membership")


def validate_language_codes(value: str) -> None:
    unknown = unknown_language_codes(value)
    if unknown:
        raise ValidationError(
            _("Unknown language code(s): %(codes)s. Use two-letter codes such as en, ur, pl."),
            params={"codes": ", ".join(unknown)},
        )


class ProviderPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "directory.ProviderPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProviderPage(
    RoutablePageMixin, VocabularyMixin, ReviewMixin, OwnerMixin, ShareImageMixin, Page
):
    """One organisation that supports social businesses: what it offers, to whom, where and how."""

    uuid = models.UUIDField(
        _("open data identifier"),
        default=uuid.uuid4,
        editable=False,
        db_index=True,
        help_text=_("Identifies this provider in the open data API; never changes."),
    )
    external_id = models.CharField(
        _("import identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "The identifier used by spreadsheet imports to recognise this provider. "
            "Leave it as it is so that re-importing updates this entry instead of adding another."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences on what the provider does. Shown in the list."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the provider offers, in plain words."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    logo_alt = models.CharField(
        _("logo text alternative"),
        max_length=200,
        blank=True,
        help_text=_("What the logo says, e.g. 'Example Co-op Network logo'."),
    )
    in_person = models.BooleanField(_("in person"), default=False)
    online = models.BooleanField(_("online"), default=False)
    phone_support = models.BooleanField(_("by phone"), default=False)
    cost = models.CharField(
        _("cost"),
        max_length=12,
        choices=Cost.choices,
        blank=True,
        help_text=_("What most people pay. Explain discounts or exceptions in the cost note."),
    )
    cost_note = models.CharField(
        _("cost note"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'First session free; £40 an hour after that'."),
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        default="en",
        validators=[validate_language_codes],
        help_text=_(
            "Two-letter language codes separated by commas, e.g. 'en, ur, pl' for English, "
            "Urdu and Polish."
        ),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, hearing loops, quiet rooms, large print, BSL ..."),
    )
    eligibility = models.TextField(
        _("who can use it"),
        blank=True,
        help_text=_("Any conditions, e.g. 'Co-operatives trading in Oldham for under 3 years'."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("One line per day or range, e.g. 'Monday to Friday 9am to 5pm'."),
    )
    tags = ClusterTaggableManager(
        through=ProviderPageTag,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Free topic words (e.g. 'community shares'); visitors can filter by them."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        MultiFieldPanel(
            [
                FieldPanel(name, widget=forms.CheckboxSelectMultiple)
                for name in ("needs", "stages", "organisation_types", "areas", "sectors")
            ],
            heading=_("What they offer and to whom"),
            help_text=_(
                "The directory filters, the questionnaire and the open data API use these. "
                "'All of Greater Manchester' and 'National' count as serving every borough."
            ),
        ),
        InlinePanel(
            "need_notes",
            heading=_("Notes on support needs"),
            label=_("Note"),
            help_text=_("Optional: a short note on how they help with one of the needs above."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("in_person"),
                FieldPanel("online"),
                FieldPanel("phone_support"),
                FieldPanel("cost"),
                FieldPanel("cost_note"),
                FieldPanel("languages"),
                FieldPanel("eligibility"),
                FieldPanel("accessibility"),
            ],
            heading=_("How, cost and access"),
        ),
        InlinePanel("locations", heading=_("Places they work from"), label=_("Place")),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("tags"),
        ownership_panel("external_id"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("description"),
        index.SearchField("eligibility"),
        index.AutocompleteField("summary"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("needs", [index.SearchField("label")]),
        index.RelatedFields("areas", [index.SearchField("label")]),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types: list[str] = []
    # Translations and copies are separate entries in the open data feed.
    exclude_fields_in_copy = ["uuid"]

    class Meta:
        verbose_name = _("support provider")
        verbose_name_plural = _("support providers")

    def clean(self):
        super().clean()
        if self.external_id:
            clash = (
                ProviderPage.objects.filter(external_id=self.external_id, locale_id=self.locale_id)
                .exclude(pk=self.pk)
                .exists()
            )
            if clash:
                raise ValidationError(
                    {"external_id": _("Another provider already uses this import identifier.")}
                )

    # -- Facets -------------------------------------------------------------------------------

    facet_fields: ClassVar[dict[str, str]] = VocabularyMixin.facet_fields

    @property
    def delivery_modes(self) -> list[str]:
        flags = (
            (self.in_person, DeliveryMode.IN_PERSON),
            (self.online, DeliveryMode.ONLINE),
            (self.phone_support, DeliveryMode.PHONE),
        )
        return [mode.value for on, mode in flags if on]

    @property
    def language_codes(self) -> list[str]:
        return [code for code in parse_language_codes(self.languages) if code in LANGUAGES]

    def facet_values(self) -> Iterator[tuple[str, str, bool]]:
        yield from super().facet_values()
        yield from (("mode", mode, False) for mode in self.delivery_modes)
        if self.cost:
            yield "cost", self.cost, False
        yield from (("lang", code, False) for code in self.language_codes)

    # -- Display ------------------------------------------------------------------------------

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        from directory.queries import provider_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(provider_detail(page=self, request=request))
        return context

    @path("report/", name="report")
    def report_problem(self, request):
        from directory.reports import handle_report

        return handle_report(page=self, request=request)


class ProviderNeedNote(Orderable):
    """A short note on how a provider helps with one support need."""

    page = ParentalKey(ProviderPage, on_delete=models.CASCADE, related_name="need_notes")
    need = models.ForeignKey(
        "portal.SupportNeed", on_delete=models.CASCADE, related_name="+", verbose_name=_("need")
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        help_text=_("e.g. 'Grants up to £5,000 for new co-operatives'."),
    )

    panels = [FieldPanel("need"), FieldPanel("note")]

    def __str__(self):
        return f"{self.need}: {self.note}"


class ProviderLocation(Orderable):
    """A place a provider works from, with an address visitors can find."""

    page = ParentalKey(ProviderPage, on_delete=models.CASCADE, related_name="locations")
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    name = models.CharField(_("name of the place"), max_length=200, blank=True)
    address_1 = models.CharField(_("address line 1"), max_length=200)
    address_2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    town = models.CharField(_("town or city"), max_length=100)
    postcode = models.CharField(_("postcode"), max_length=10)
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("address_1"),
        FieldPanel("address_2"),
        FieldPanel("town"),
        FieldPanel("postcode"),
    ]

    def clean(self):
        super().clean()
        normal = normalise_postcode(self.postcode)
        if not normal or " " not in normal:
            raise ValidationError({"postcode": _("Enter a full UK postcode, like M1 1AE.")})
        self.postcode = normal

    def save(self, *args, **kwargs):
        # A district centre is precise enough to sort by distance and needs no geocoder.
        self.postcode = normalise_postcode(self.postcode) or self.postcode
        point = centroid(self.postcode)
        self.latitude, self.longitude = point if point else (None, None)
        super().save(*args, **kwargs)

    def __str__(self):
        return ", ".join(p for p in (self.name, self.address_1, self.town, self.postcode) if p)


class ProblemReport(models.Model):
    """A visitor's report that a directory entry is wrong; hub staff check and close it."""

    provider = models.ForeignKey(
        ProviderPage,
        on_delete=models.CASCADE,
        related_name="problem_reports",
        verbose_name=_("provider"),
    )
    message = models.TextField(_("what is wrong"), max_length=2000)
    email = models.EmailField(_("reply to"), blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved = models.BooleanField(_("dealt with"), default=False)

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["resolved", "-created_at"]

    def __str__(self):
        return f"{self.provider.title}: {self.message[:60]}"
