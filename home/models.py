"""The home page: the clear starting point of the portal."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from portal.mixins import ShareImageMixin


class HomePage(ShareImageMixin, Page):
    """The front door: where to start, what people ask for most, what is new."""

    hero_heading = models.CharField(
        _("hero heading"), max_length=120, default="Start, grow or change your social business"
    )
    hero_text = models.TextField(
        _("hero text"),
        blank=True,
        help_text=_("Two sentences at most, in plain words, saying what the hub does."),
    )
    start_label = models.CharField(
        _("start button text"), max_length=60, default="Find the right support"
    )
    start_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("start page"),
        help_text=_("Where the start button leads: normally the questionnaire."),
    )
    # Other apps' models are named by string: home must not import guides or case studies.
    featured_case_study = models.ForeignKey(
        "casestudies.CaseStudyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured case study"),
        help_text=_("Leave blank to feature the most recently published case study."),
    )
    popular_needs = ParentalManyToManyField(
        "portal.SupportNeed",
        blank=True,
        related_name="+",
        verbose_name=_("popular needs"),
        help_text=_(
            "The needs to offer as quick links. Leave empty to show the needs with the most "
            "guides, training and stories."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("start_label"),
                FieldPanel("start_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("featured_case_study"),
        FieldPanel("popular_needs", widget=forms.CheckboxSelectMultiple),
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from home.queries import front_page_content

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu()
        context.update(front_page_content(home=self, request=request))
        return context
