"""StreamField blocks that hub editors build a questionnaire from: questions, answers, pins, tests.

Keys and facet values are plain slugs that wagtail-localize keeps in step across languages
(only the wording is translated), because URLs and the plan depend on them.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

KEY_HELP = _(
    "A short name for this question in web addresses, such as “stage”. Lower-case letters, "
    "digits and hyphens. Changing it after publishing sends half-way visitors to the next "
    "question they have not answered."
)
NEXT_HELP = _(
    "Leave blank to go to the question below. Or type the key of another question to jump to "
    "it, or “plan” to finish and show the plan."
)


def _choices(param: str) -> list[tuple[str, str]]:
    from portal.vocabulary import vocabulary

    return [(term.slug, term.label) for term in vocabulary().get(param, ())]


# Module-level callables (not lambdas) so migrations can refer to them by name.
def need_choices():
    return _choices("need")


def stage_choices():
    return _choices("stage")


def type_choices():
    return _choices("type")


def area_choices():
    return _choices("area")


def sector_choices():
    return _choices("sector")


def facet_block(choices, label, help_text=""):
    return blocks.MultipleChoiceBlock(
        choices=choices,
        required=False,
        label=label,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
    )


def key_block(**kwargs):
    return blocks.RegexBlock(
        regex=r"^[a-z0-9][a-z0-9-]{0,39}$",
        error_messages={"invalid": _("Use lower-case letters, digits and hyphens only.")},
        **kwargs,
    )


class AnswerBlock(blocks.StructBlock):
    """One answer a visitor can pick, and the facet values it sets for the plan."""

    label = blocks.CharBlock(max_length=120, help_text=_("What the visitor picks, in plain words."))
    help_text = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Optional. One short line under the answer.")
    )
    need = facet_block(need_choices, _("Support needs it sets"))
    stage = facet_block(stage_choices, _("Stages it sets"))
    type = facet_block(type_choices, _("Organisation types it sets"))
    area = facet_block(area_choices, _("Areas it sets"))
    sector = facet_block(sector_choices, _("Audience sectors it sets"))
    next = key_block(required=False, label=_("Then go to"), help_text=NEXT_HELP)

    class Meta:
        icon = "radio-full"
        label = _("Answer")
        description = _("An answer and the needs, stage, type, area or sector it stands for.")
        preview_value = {"label": "I need money to get started", "need": ["funding"]}


class QuestionBlock(blocks.StructBlock):
    """One screen of the questionnaire: a question and the answers a visitor can choose."""

    key = key_block(help_text=KEY_HELP)
    text = blocks.CharBlock(
        max_length=160, help_text=_("The question as visitors read it, e.g. “Where are you?”")
    )
    help_text = blocks.TextBlock(
        required=False, help_text=_("Optional. A sentence that helps people answer.")
    )
    multiple = blocks.BooleanBlock(
        required=False, label=_("Visitors may choose more than one answer")
    )
    allow_skip = blocks.BooleanBlock(
        required=False,
        label=_("Visitors may skip this question"),
        help_text=_("Skipping goes to the question given below (or the next one)."),
    )
    next = key_block(required=False, label=_("Then go to"), help_text=NEXT_HELP)
    answers = blocks.ListBlock(AnswerBlock(), min_num=1)

    class Meta:
        icon = "help"
        label = _("Question")
        template = "triage/blocks/question_block.html"
        description = _("A question on its own screen, with its answers and where each leads.")
        preview_value = {
            "key": "stage",
            "text": "How far along are you?",
            "help_text": "Pick the one closest to where you are today.",
            "answers": [
                {"label": "I have an idea", "stage": ["exploring"]},
                {"label": "We are trading and want to grow", "stage": ["growing"]},
            ],
        }


class PinBlock(blocks.StructBlock):
    """Puts a chosen page first in the plan when the visitor's answers match every condition."""

    page = blocks.PageChooserBlock(help_text=_("The page to put first in the plan."))
    need = facet_block(need_choices, _("When the visitor needs any of"))
    stage = facet_block(stage_choices, _("and is at any of these stages"))
    type = facet_block(type_choices, _("and is any of these organisation types"))
    area = facet_block(area_choices, _("and is in any of these areas"))
    sector = facet_block(sector_choices, _("and works in any of these sectors"))

    class Meta:
        icon = "pick"
        label = _("Pin a page")
        template = "triage/blocks/pin_block.html"
        description = _("Always show a page first for a combination of answers.")
        preview_value = {"need": ["legal-structure"], "stage": ["exploring"]}


class TestCaseBlock(blocks.StructBlock):
    """A promise checked on every publish: these answers must lead to a plan with this page."""

    answers = blocks.RegexBlock(
        regex=r"^[a-z0-9=&_-]+$",
        error_messages={"invalid": _("Write the answers like need=funding&stage=exploring.")},
        help_text=_(
            "The answers as they appear in the plan's web address after the “?”, for example "
            "need=funding&stage=exploring&area=wigan."
        ),
    )
    page = blocks.PageChooserBlock(help_text=_("A page that must appear in that plan."))

    class Meta:
        icon = "tick"
        label = _("Test case")
        template = "triage/blocks/test_case_block.html"
        description = _("Checks on publish that some answers still lead to a page.")
        preview_value = {"answers": "need=funding&stage=exploring&area=wigan"}


class PriorityBlock(blocks.StructBlock):
    """Makes a page rank higher than others that match a visitor's answers equally well."""

    page = blocks.PageChooserBlock(help_text=_("A guide, module, case study or provider."))
    priority = blocks.ChoiceBlock(
        choices=[("1", _("A little higher")), ("2", _("Higher")), ("3", _("Much higher"))],
        default="1",
        help_text=_("It still has to match the visitor's needs to be shown at all."),
    )

    class Meta:
        icon = "order-up"
        label = _("Prefer a page")
        template = "triage/blocks/pin_block.html"
        description = _("Ranks a page above others that match equally well.")
        preview_value = {"priority": "2"}
