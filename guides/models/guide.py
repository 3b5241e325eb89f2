"""Good-practice guides."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock, headings, reading_minutes
from portal.jsonld import ld_json_script
from portal.mixins import (
    OwnerMixin,
    ReviewMixin,
    ShareImageMixin,
    VocabularyMixin,
    ownership_panel,
)

#: Page types an editor may pick as related content, and that related content is chosen from.
CONTENT_PAGE_TYPES = ["guides.GuidePage", "guides.TrainingModulePage", "casestudies.CaseStudyPage"]


def facet_panel(heading=None) -> MultiFieldPanel:
    """The five shared facets, as tick boxes, in one collapsible group of the editor."""
    return MultiFieldPanel(
        [
            FieldPanel(name, widget=forms.CheckboxSelectMultiple)
            for name in ("needs", "stages", "organisation_types", "areas", "sectors")
        ],
        heading=heading or _("Who and what it is for"),
        help_text=_(
            "Listings, the questionnaire and search use these to find this page. Choose every "
            "value that fits; leave a group empty if the page suits everyone."
        ),
    )


class GuidePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "guides.GuidePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GuidePage(VocabularyMixin, ReviewMixin, OwnerMixin, ShareImageMixin, Page):
    """A plain-English guide to one task, written by the hub or a partner."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two sentences saying who the guide is for and what they will learn. Shown "
            "in listings and search results."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(
        through=GuidePageTag,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Free topic words (e.g. 'community shares'); visitors can filter by them."),
    )
    related_pages = StreamField(
        [("page", blocks.PageChooserBlock(page_type=CONTENT_PAGE_TYPES, label=_("Page")))],
        blank=True,
        verbose_name=_("related content"),
        help_text=_(
            "Optional. Pages to show first under 'Related'. The rest are chosen for you from "
            "content that shares this guide's needs, stages and topics."
        ),
    )
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        facet_panel(),
        FieldPanel("tags"),
        FieldPanel("related_pages"),
        ownership_panel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.RelatedFields("needs", [index.SearchField("label")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.AutocompleteField("summary"),
    ]

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def clean(self):
        super().clean()
        self.reading_minutes = reading_minutes(self.summary or "", self.body)

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.summary or "", self.body)
        return super().save(*args, **kwargs)

    @cached_property
    def table_of_contents(self) -> list[tuple[str, str]]:
        return list(headings(self.body))

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        from guides.queries import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(page=self, request=request))
        return context

    def json_ld(self, request=None, *, needs=None, tags=None):
        publisher = {"@type": "Organization", "name": "Community Wealth Hub"}
        owner = self.owner_organisation
        return ld_json_script(
            {
                "@type": "Article",
                "headline": self.title,
                "description": self.meta_description,
                "url": self.get_full_url(request),
                "inLanguage": self.locale.language_code,
                "datePublished": self.first_published_at,
                "dateModified": self.last_published_at,
                "author": {"@type": "Organization", "name": owner.name} if owner else publisher,
                "publisher": publisher,
                "keywords": [tag.name for tag in (self.tags.all() if tags is None else tags)],
                "about": [need.label for need in (self.needs.all() if needs is None else needs)],
                "timeRequired": f"PT{self.reading_minutes}M",
            }
        )
