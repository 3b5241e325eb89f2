"""Training modules and their upcoming sessions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from guides.blocks import LessonsBlock, MaterialsBlock, OutcomesBlock
from guides.models.guide import facet_panel
from portal.jsonld import iso_duration, ld_json_script
from portal.mixins import (
    OwnerMixin,
    ReviewMixin,
    ShareImageMixin,
    VocabularyMixin,
    ownership_panel,
)


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Format(models.TextChoices):
    SELF_PACED = "self-paced", _("Self-paced online")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    COURSE = "course", _("Course")


class TrainingModulePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "guides.TrainingModulePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class TrainingModulePage(VocabularyMixin, ReviewMixin, OwnerMixin, ShareImageMixin, Page):
    """A training module a trainer publishes: what people learn, how, and when they can join."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences: who it is for and what they will be able to do."),
    )
    outcomes = StreamField(
        OutcomesBlock(),
        blank=True,
        verbose_name=_("learning outcomes"),
        help_text=_("What a learner can do by the end. Three to six is usual."),
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration in minutes"),
        help_text=_("The total time the module takes, e.g. 180 for a three-hour workshop."),
    )
    duration_note = models.CharField(
        _("duration note"),
        max_length=120,
        blank=True,
        help_text=_("Optional, e.g. 'over three weekly sessions' or 'at your own pace'."),
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.INTRODUCTORY
    )
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.WORKSHOP
    )
    prerequisites = RichTextField(
        _("before you start"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("What learners should know or bring. Leave blank if nothing is needed."),
    )
    lessons = StreamField(
        LessonsBlock(),
        blank=True,
        verbose_name=_("lessons"),
        help_text=_("In the order they are taught; each gets its own link on the page."),
    )
    materials = StreamField(
        MaterialsBlock(),
        blank=True,
        verbose_name=_("materials"),
        help_text=_("Handouts, slides and templates learners can download or open."),
    )
    trainer = models.ForeignKey(
        "directory.ProviderPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_modules",
        verbose_name=_("trainer or provider"),
        help_text=_("The directory entry of whoever runs the module."),
    )
    tags = ClusterTaggableManager(
        through=TrainingModulePageTag, blank=True, verbose_name=_("topics")
    )

    facet_fields = {**VocabularyMixin.facet_fields, "level": "level", "format": "format"}

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("format")]),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("duration_note")]),
                FieldPanel("trainer"),
            ],
            heading=_("About the module"),
        ),
        FieldPanel("prerequisites"),
        FieldPanel("lessons"),
        FieldPanel("materials"),
        InlinePanel(
            "sessions",
            heading=_("Upcoming sessions"),
            label=_("Session"),
            help_text=_("Sessions disappear from the page by themselves once they have started."),
        ),
        facet_panel(),
        FieldPanel("tags"),
        ownership_panel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("outcomes"),
        index.SearchField("lessons"),
        index.RelatedFields("needs", [index.SearchField("label")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.AutocompleteField("summary"),
        index.FilterField("level"),
        index.FilterField("format"),
    ]

    parent_page_types = ["guides.TrainingIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary

    @cached_property
    def upcoming_sessions(self) -> list[TrainingSession]:
        """Sessions that have not started yet, soonest first; past ones drop off by themselves."""
        return list(self.sessions.filter(starts_at__gte=timezone.now()).order_by("starts_at"))

    @property
    def duration_label(self) -> str:
        hours, minutes = divmod(self.duration_minutes or 0, 60)
        parts = []
        if hours:
            parts.append(
                _("%(n)d hour") % {"n": hours} if hours == 1 else _("%(n)d hours") % {"n": hours}
            )
        if minutes:
            parts.append(_("%(n)d minutes") % {"n": minutes})
        return " ".join(str(part) for part in parts)

    def get_context(self, request, *args, **kwargs):
        from guides.queries import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(page=self, request=request))
        return context

    def json_ld(self, request=None, *, needs=None, tags=None):
        trainer = self.trainer
        provider = (
            {"@type": "Organization", "name": trainer.title, "url": trainer.get_full_url(request)}
            if trainer
            else {"@type": "Organization", "name": "Community Wealth Hub"}
        )
        instances = [session.json_ld(request) for session in self.upcoming_sessions]
        if self.format == Format.SELF_PACED:
            instances.append(
                {
                    "@type": "CourseInstance",
                    "courseMode": "online",
                    "courseWorkload": iso_duration(self.duration_minutes),
                }
            )
        return ld_json_script(
            {
                "@type": "Course",
                "name": self.title,
                "description": self.meta_description,
                "url": self.get_full_url(request),
                "inLanguage": self.locale.language_code,
                "provider": provider,
                "educationalLevel": self.get_level_display(),
                "timeRequired": iso_duration(self.duration_minutes),
                "teaches": [str(child.value) for child in self.outcomes],
                "hasCourseInstance": instances,
            }
        )


class TrainingSession(Orderable):
    """A date on which a module runs, with where to go and how to book."""

    module = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    online = models.BooleanField(
        _("online"), default=False, help_text=_("Tick if people join from home.")
    )
    venue = models.CharField(
        _("place"),
        max_length=250,
        blank=True,
        help_text=_("Venue name and address, including the postcode. Not needed online."),
    )
    booking_url = models.URLField(_("booking link"), blank=True)
    places_left = models.PositiveIntegerField(
        _("places left"), null=True, blank=True, help_text=_("Leave blank if you do not know.")
    )

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("online"),
        FieldPanel("venue"),
        FieldRowPanel([FieldPanel("booking_url"), FieldPanel("places_left")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        indexes = [models.Index(fields=["starts_at"], name="trainingsession_starts")]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if not self.online and not self.venue:
            raise ValidationError({"venue": _("Give the place, or tick 'online'.")})

    @property
    def full(self) -> bool:
        return self.places_left == 0

    def json_ld(self, request=None) -> dict:
        location = (
            {"@type": "VirtualLocation", "url": self.booking_url}
            if self.online
            else {"@type": "Place", "name": self.venue, "address": self.venue}
        )
        offer = None
        if self.booking_url:
            offer = {
                "@type": "Offer",
                "url": self.booking_url,
                "availability": "https://schema.org/SoldOut"
                if self.full
                else "https://schema.org/InStock",
            }
        return {
            "@type": "CourseInstance",
            "courseMode": "online" if self.online else "onsite",
            "startDate": self.starts_at,
            "endDate": self.ends_at,
            "location": location,
            "offers": offer,
        }
