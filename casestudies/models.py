"""Case studies: stories of social businesses and what helped them."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BodyBlock, reading_minutes
from portal.jsonld import ld_json_script
from portal.mixins import (
    FacetIndexMixin,
    OwnerMixin,
    ReviewMixin,
    ShareImageMixin,
    ownership_panel,
)
from portal.pages import SectionIndexMixin


class CaseStudyIndexPage(SectionIndexMixin, Page):
    """The list of case studies at /case-studies/, filterable by the shared facets."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]

    class Meta:
        verbose_name = _("case study index page")

    def get_context(self, request, *args, **kwargs):
        from casestudies.queries import case_study_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = case_study_listing(request, index=self)
        return context


class CaseStudyPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyPage(FacetIndexMixin, ReviewMixin, OwnerMixin, ShareImageMixin, Page):
    """The story of one social business: its challenge, what it did and what changed."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=200,
        help_text=_("The business the story is about, as it is known locally."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences: who they are and what changed. Shown in listings."),
    )
    organisation_type = models.ForeignKey(
        "portal.OrganisationType",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation type"),
    )
    borough = models.ForeignKey(
        "portal.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"coverage": "borough"},
        verbose_name=_("borough"),
        help_text=_("Where the business is based."),
    )
    stage = models.ForeignKey(
        "portal.Stage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("stage"),
        help_text=_("The stage the business was at when the story takes place."),
    )
    sector = models.ForeignKey(
        "portal.AudienceSector",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sector"),
        help_text=_("The sector of the economy the story speaks to most."),
    )
    needs = ParentalManyToManyField(
        "portal.SupportNeed",
        blank=True,
        related_name="+",
        verbose_name=_("support needs"),
        help_text=_("What the business needed help with; the questionnaire matches on these."),
    )
    challenge = RichTextField(
        _("the challenge"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What problem or opportunity they faced, in a few short paragraphs."),
    )
    approach = StreamField(
        BodyBlock(),
        verbose_name=_("what they did"),
        help_text=_("The steps they took and who helped; add images with alternative text."),
    )
    results = RichTextField(
        _("results"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What changed. The numbers go in 'impact measures' below."),
    )
    pull_quote = models.TextField(_("pull quote"), max_length=400, blank=True)
    quote_attribution = models.CharField(
        _("quote attribution"),
        max_length=160,
        blank=True,
        help_text=_("Name and role, e.g. 'Priya Shah, co-founder'."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
    )
    image_alt = models.CharField(
        _("main image description"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for someone who cannot see it."),
    )
    providers = ParentalManyToManyField(
        "directory.ProviderPage",
        blank=True,
        related_name="case_studies",
        verbose_name=_("providers that helped"),
    )
    related_guides = ParentalManyToManyField(
        "guides.GuidePage",
        blank=True,
        related_name="case_studies",
        verbose_name=_("related guides"),
        help_text=_("Guides that explain how to do what this business did."),
    )
    tags = ClusterTaggableManager(through=CaseStudyPageTag, blank=True, verbose_name=_("topics"))
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    facet_fields = {
        "need": "needs",
        "stage": "stage",
        "type": "organisation_type",
        "area": "borough",
        "sector": "sector",
    }

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation_name"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("organisation_type"), FieldPanel("borough")]),
                FieldRowPanel([FieldPanel("stage"), FieldPanel("sector")]),
                FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About the business"),
            help_text=_("Listings, the questionnaire and search use these to find the story."),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Main image")),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        InlinePanel(
            "impact_measures",
            heading=_("Impact measures"),
            label=_("Measure"),
            help_text=_("Jobs created, local spend, volunteers, turnover growth and the like."),
        ),
        MultiFieldPanel(
            [FieldPanel("pull_quote"), FieldPanel("quote_attribution")], heading=_("Pull quote")
        ),
        FieldPanel("providers"),
        FieldPanel("related_guides"),
        FieldPanel("tags"),
        ownership_panel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("organisation_name", boost=2),
        index.SearchField("summary", boost=1.5),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.AutocompleteField("organisation_name"),
        index.RelatedFields("providers", [index.SearchField("title")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def _reading_minutes(self) -> int:
        from django.utils.html import strip_tags

        return reading_minutes(
            self.summary or "",
            strip_tags(self.challenge or ""),
            self.approach,
            strip_tags(self.results or ""),
        )

    def clean(self):
        super().clean()
        self.reading_minutes = self._reading_minutes()

    def save(self, *args, **kwargs):
        self.reading_minutes = self._reading_minutes()
        return super().save(*args, **kwargs)

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        from casestudies.queries import story_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_context(page=self, request=request))
        return context

    def json_ld(self, request=None):
        borough = self.borough
        organisation = {
            "@type": "Organization",
            "name": self.organisation_name,
            "additionalType": self.organisation_type.label if self.organisation_type else None,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": borough.label if borough else None,
                "addressRegion": "Greater Manchester",
                "addressCountry": "GB",
            },
        }
        return ld_json_script(
            {
                "@type": "Article",
                "headline": self.title,
                "description": self.meta_description,
                "url": self.get_full_url(request),
                "inLanguage": self.locale.language_code,
                "datePublished": self.first_published_at,
                "dateModified": self.last_published_at,
                "about": organisation,
                "publisher": {"@type": "Organization", "name": "Community Wealth Hub"},
            }
        )


class ImpactMeasure(Orderable):
    """One result in numbers: 12 jobs created, £40,000 spent locally, 30 volunteers."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="impact_measures")
    measure = models.CharField(
        _("measure"), max_length=120, help_text=_("What was counted, e.g. 'Jobs created'.")
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(
        _("unit"),
        max_length=30,
        blank=True,
        help_text=_("'£' or '%' or a word such as 'people' or 'tonnes'. Leave blank for a count."),
    )
    period = models.CharField(
        _("period"), max_length=80, blank=True, help_text=_("e.g. 'in the first two years'.")
    )

    panels = [
        FieldRowPanel([FieldPanel("measure"), FieldPanel("value"), FieldPanel("unit")]),
        FieldPanel("period"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("impact measure")

    @property
    def display_value(self) -> str:
        """The value as a reader expects it: '£40,000', '15%', '12 people'."""
        value = self.value if self.value is not None else Decimal(0)
        number = f"{value:,.2f}" if value != value.to_integral_value() else f"{value:,.0f}"
        unit = (self.unit or "").strip()
        if unit in {"£", "$", "€"}:
            return f"{unit}{number}"
        if unit == "%":
            return f"{number}%"
        return f"{number} {unit}".strip()
