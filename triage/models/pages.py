"""The questionnaire page: questions, pins and test cases edited by hub staff."""

from __future__ import annotations

import hashlib
import json

from django.core.cache import cache
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from portal.pages import SectionIndexMixin
from triage.forms import QuestionnairePageForm
from triage.models.blocks import PinBlock, PriorityBlock, QuestionBlock, TestCaseBlock
from triage.questionnaire import Questionnaire, questions_from_stream

#: Parsed questionnaires are kept by the hash of their stored questions, so an edit, a
#: preview or a translation is a new entry and nothing needs invalidating.
PARSED_TIMEOUT = 24 * 60 * 60


def parsed_questionnaire(stream) -> Questionnaire:
    """``questions_from_stream(stream)``, shared between requests.

    Turning the StreamField into blocks checks every answer's facet choices against the
    vocabulary, which costs more than the rest of a questionnaire step; the stored JSON is
    cheap to read and identifies the result exactly.
    """
    raw = json.dumps(list(stream.raw_data), sort_keys=True, default=str)
    key = "triage:questionnaire:" + hashlib.sha256(raw.encode()).hexdigest()
    questionnaire = cache.get(key)
    if questionnaire is None:
        questionnaire = questions_from_stream(stream)
        cache.set(key, questionnaire, PARSED_TIMEOUT)
    return questionnaire


class FindSupportPage(RoutablePageMixin, SectionIndexMixin, Page):
    """A questionnaire that ends in a personal plan; the one at /find-support/ is the default."""

    questions = StreamField(
        [("question", QuestionBlock())],
        blank=True,
        verbose_name=_("questions"),
        help_text=_(
            "One question per screen, asked from the top down unless an answer says where to go. "
            "Publishing checks that every path reaches the plan."
        ),
    )
    plan_intro = models.TextField(
        _("plan introduction"),
        blank=True,
        help_text=_("One or two sentences shown above every visitor's plan."),
    )
    pins = StreamField(
        [("pin", PinBlock())],
        blank=True,
        verbose_name=_("pinned pages"),
        help_text=_(
            "Put a page first in the plan for a combination of answers. The rest of the plan is "
            "worked out from the facets of all content, so pins are only for exceptions."
        ),
    )
    priorities = StreamField(
        [("priority", PriorityBlock())],
        blank=True,
        verbose_name=_("preferred pages"),
        help_text=_(
            "Pages the hub wants to see ranked higher whenever they match a visitor's answers, "
            "such as a guide written for beginners."
        ),
    )
    test_cases = StreamField(
        [("test_case", TestCaseBlock())],
        blank=True,
        verbose_name=_("test cases"),
        help_text=_(
            "Each test case is checked when the questionnaire is published; publishing stops "
            "if a plan no longer includes the page it promises."
        ),
    )

    content_panels = [*SectionIndexMixin.content_panels, FieldPanel("questions")]
    plan_panels = [
        HelpPanel(
            content=_(
                "Open “Outline” at the top of the page listing to see every branch of the "
                "questionnaire and any problem with it."
            )
        ),
        FieldPanel("plan_intro"),
        FieldPanel("pins"),
        FieldPanel("priorities"),
        FieldPanel("test_cases"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Questions")),
            ObjectList(plan_panels, heading=_("Plan")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = QuestionnairePageForm

    parent_page_types = ["home.HomePage", "triage.FindSupportPage"]
    # Shorter campaign questionnaires may live below the default one.
    subpage_types = ["triage.FindSupportPage"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    @cached_property
    def questionnaire(self) -> Questionnaire:
        return parsed_questionnaire(self.questions)

    @cached_property
    def rules(self):
        from triage.plan import rules_from_streams

        return rules_from_streams(self.pins, self.priorities)

    @path("")
    def step_view(self, request):
        from triage.views import serve_step

        return serve_step(self, request)

    @path("results/")
    def plan_view(self, request):
        from triage.views import serve_plan

        return serve_plan(self, request)

    def plan_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("plan_view").lstrip("/")
