"""The campaign landing page hub staff build for a public awareness campaign."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.mixins import ShareImageMixin

#: Pages a campaign may feature: what people can read, join or contact.
FEATURED_PAGE_TYPES = [
    "guides.GuidePage",
    "guides.TrainingModulePage",
    "casestudies.CaseStudyPage",
    "directory.ProviderPage",
]
#: Preset answers, in the questionnaire's parameter order: (URL parameter, field name).
PRESET_FIELDS = (
    ("need", "preset_needs"),
    ("stage", "preset_stages"),
    ("type", "preset_types"),
    ("area", "preset_areas"),
    ("sector", "preset_sectors"),
)


def _preset(model: str, name: str, help_text: str) -> ParentalManyToManyField:
    return ParentalManyToManyField(
        model, blank=True, related_name="+", verbose_name=name, help_text=help_text
    )


class CampaignPage(ShareImageMixin, Page):
    """A landing page for a campaign: a hero, the story, a start button and chosen pages."""

    hero_heading = models.CharField(
        _("hero heading"),
        max_length=120,
        help_text=_("The campaign's message in a few words, e.g. 'Start a community business'."),
    )
    hero_text = models.TextField(
        _("hero text"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the heading saying who this is for."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = models.CharField(
        _("hero image text alternative"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe the picture for people who cannot see it. Leave blank only if it is "
            "decoration and says nothing the page does not."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    cta_heading = models.CharField(
        _("call to action heading"), max_length=120, default="Find the right support for you"
    )
    cta_text = models.TextField(
        _("call to action text"),
        max_length=300,
        blank=True,
        help_text=_("Optional: a sentence saying what happens when people press the button."),
    )
    cta_label = models.CharField(_("button text"), max_length=60, default="Answer a few questions")
    preset_needs = _preset(
        "portal.SupportNeed",
        _("needs already chosen"),
        _("The questionnaire starts with these needs chosen. Leave empty to let people choose."),
    )
    preset_stages = _preset(
        "portal.Stage", _("stages already chosen"), _("Leave empty to let people choose.")
    )
    preset_types = _preset(
        "portal.OrganisationType",
        _("organisation types already chosen"),
        _("Leave empty to let people choose."),
    )
    preset_areas = _preset(
        "portal.Area",
        _("areas already chosen"),
        _("For a campaign in one borough, choose it here so people skip that question."),
    )
    preset_sectors = _preset(
        "portal.AudienceSector",
        _("sectors already chosen"),
        _("For a campaign aimed at public buyers, say, choose their sector."),
    )
    featured = StreamField(
        [
            (
                "page",
                blocks.PageChooserBlock(
                    page_type=FEATURED_PAGE_TYPES,
                    label=_("Page"),
                    icon="doc-full",
                    description=_("A guide, training module, case study or provider."),
                ),
            )
        ],
        blank=True,
        verbose_name=_("featured pages"),
        help_text=_("Guides, training, case studies and providers to show, in this order."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_(
            "After this date the page says the campaign has ended and points to the most "
            "useful pages instead. Leave blank for a campaign with no end."
        ),
    )
    ended_message = models.TextField(
        _("message once ended"),
        max_length=400,
        blank=True,
        help_text=_("Optional: what to say once the campaign is over. A polite default is used."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("cta_heading"),
                FieldPanel("cta_text"),
                FieldPanel("cta_label"),
                *[
                    FieldPanel(name, widget=forms.CheckboxSelectMultiple)
                    for _param, name in PRESET_FIELDS
                ],
            ],
            heading=_("Call to action: start the questionnaire"),
            help_text=_(
                "The button opens the questionnaire with any answers chosen here already "
                "filled in, and tags the visit with this campaign so it can be counted."
            ),
        ),
        FieldPanel("featured"),
        MultiFieldPanel(
            [FieldPanel("end_date"), FieldPanel("ended_message")], heading=_("When it ends")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign page")
        verbose_name_plural = _("campaign pages")

    @property
    def campaign_tag(self) -> str:
        """The value of ``?campaign=`` that marks visits from this campaign (its slug)."""
        return self.slug

    @property
    def has_ended(self) -> bool:
        return self.end_date is not None and self.end_date < timezone.localdate()

    @property
    def days_left(self) -> int | None:
        if self.end_date is None:
            return None
        return (self.end_date - timezone.localdate()).days

    @property
    def meta_description(self) -> str:
        return self.search_description or self.hero_text

    def preset_answers(self) -> list[tuple[str, str]]:
        """(parameter, slug) pairs the questionnaire starts with, in vocabulary order."""
        pairs = []
        for param, name in PRESET_FIELDS:
            # The source-language slugs are the ones the questionnaire and filters accept.
            slugs = sorted({term.slug for term in getattr(self, name).all()})
            pairs += [(param, slug) for slug in slugs]
        return pairs

    def start_url(self, request=None, *, presets: bool = True) -> str:
        """The questionnaire's address with the preset answers and the campaign tag."""
        from campaigns.links import questionnaire_url

        base = questionnaire_url(locale=self.locale, request=request)
        if not base:
            return ""
        pairs = self.preset_answers() if presets else []
        pairs.append(("campaign", self.campaign_tag))
        return f"{base}?{urlencode(pairs)}"

    @cached_property
    def featured_pages(self) -> list[Page]:
        """The live featured pages, in the editor's order, fetched in a few queries."""
        ids = [
            block["value"]
            for block in self.featured.raw_data
            if block.get("type") == "page" and isinstance(block.get("value"), int)
        ]
        found = {p.pk: p for p in Page.objects.live().public().filter(pk__in=ids).specific()}
        return [found[pk] for pk in dict.fromkeys(ids) if pk in found]

    def get_context(self, request, *args, **kwargs):
        from campaigns.links import useful_links

        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = self.featured_pages
        context["ended"] = self.has_ended
        context["start_url"] = self.start_url(request, presets=not self.has_ended)
        if self.has_ended:
            context["useful_links"] = useful_links(locale=self.locale, request=request)
        return context

    def get_sitemap_urls(self, request=None):
        # A finished campaign stays online for people with old posters, but search engines
        # need not send new visitors to it.
        if self.has_ended:
            return []
        return super().get_sitemap_urls(request)
