"""Blocks only training modules use: lessons, outcomes and links to materials."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import RICH_TEXT_FEATURES, DocumentBlock, UniqueAnchorsMixin, anchor_for


class LessonValue(blocks.StructValue):
    @property
    def anchor_id(self) -> str:
        return "lesson-" + anchor_for(self.get("title", ""), self.get("anchor", ""))


class LessonBlock(blocks.StructBlock):
    """One lesson of a module: its own section of the page, with its own link."""

    title = blocks.CharBlock(max_length=160)
    anchor = blocks.CharBlock(
        required=False,
        max_length=50,
        help_text=_(
            "Optional. The link name of this lesson (after #lesson-). Made from the title if "
            "left blank; keep it once people have shared links to the lesson."
        ),
    )
    minutes = blocks.IntegerBlock(
        required=False, min_value=1, max_value=1440, help_text=_("Roughly how long it takes.")
    )
    summary = blocks.TextBlock(required=False, max_length=400)
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/lesson_block.html"
        value_class = LessonValue
        label = _("Lesson")
        description = _("One lesson: a title, how long it takes and what it covers.")
        preview_value = {
            "title": "What counts as social value",
            "anchor": "",
            "minutes": 30,
            "summary": "The three kinds of value a public contract can add.",
            "content": "<p>Economic, social and environmental value, with local examples.</p>",
        }


class LessonsBlock(UniqueAnchorsMixin, blocks.StreamBlock):
    lesson = LessonBlock()


class LinkBlock(blocks.StructBlock):
    """A link to material kept somewhere else (a slide deck, a template, a video)."""

    title = blocks.CharBlock(max_length=160)
    url = blocks.URLBlock(label=_("Address"))
    description = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "link"
        template = "blocks/link_block.html"
        label = _("Link")
        description = _("A link to material kept on another website.")
        preview_value = {
            "title": "Social value template (demo)",
            "url": "https://example.org/social-value-template",
            "description": "A one-page plan to adapt for your own bid.",
        }


class MaterialsBlock(blocks.StreamBlock):
    document = DocumentBlock()
    link = LinkBlock()


class OutcomesBlock(blocks.StreamBlock):
    outcome = blocks.CharBlock(
        max_length=250,
        icon="tick",
        label=_("Learning outcome"),
        help_text=_("Start with a verb: 'Explain …', 'Write …', 'Choose …'."),
        description=_("Something a learner can do by the end of the module."),
        preview_value="Write a social value statement for a tender",
    )
