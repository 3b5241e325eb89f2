"""StreamField blocks shared by guides, training modules and case studies.

Each block renders with its own template in ``templates/blocks/`` and carries an icon, a
one-line description and a realistic preview value, so editors see what they are choosing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

#: Rich text features for body copy: headings have their own block so they reach the contents.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def anchor_for(text: str, explicit: str = "") -> str:
    """A stable fragment identifier: the editor's choice, or one made from the text."""
    return slugify(explicit or text)[:60] or "section"


class HeadingValue(blocks.StructValue):
    @property
    def anchor_id(self) -> str:
        return anchor_for(self.get("text", ""), self.get("anchor", ""))


class HeadingBlock(blocks.StructBlock):
    """A section heading; level-2 headings make up the page's table of contents."""

    text = blocks.CharBlock(max_length=120, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (level 2)")), ("h3", _("Subsection (level 3)"))],
        default="h2",
        help_text=_("Use level 2 for main sections; they appear in the contents list."),
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text=_(
            "Optional. The part of a link after # that jumps to this heading. Made from the "
            "heading if left blank; set it when two headings share the same words."
        ),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        value_class = HeadingValue
        label = _("Heading")
        description = _("A section heading that also appears in the table of contents.")
        preview_value = {"text": "Who can help you write a bid", "level": "h2", "anchor": ""}


CALLOUT_KINDS = [("info", _("Good to know")), ("tip", _("Tip")), ("warning", _("Watch out"))]


class CalloutValue(blocks.StructValue):
    @property
    def kind_label(self) -> str:
        return str(dict(CALLOUT_KINDS).get(self.get("kind"), CALLOUT_KINDS[0][1]))


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for a tip, a warning or something important to know."""

    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="info")
    heading = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        value_class = CalloutValue
        label = _("Call-out")
        description = _("A highlighted box for a tip, a warning or an important point.")
        preview_value = {
            "kind": "tip",
            "heading": "Ask before you apply",
            "text": "<p>Most funders are happy to talk through an idea before you write a "
            "full application. A short call can save you weeks.</p>",
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, required=False)


class StepsBlock(blocks.StructBlock):
    """Numbered steps to follow in order."""

    heading = blocks.CharBlock(required=False, max_length=120)
    steps = blocks.ListBlock(StepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "blocks/steps_block.html"
        label = _("Numbered steps")
        description = _("Steps a reader follows in order, each with a short title.")
        preview_value = {
            "heading": "Registering a community benefit society",
            "steps": [
                {"title": "Agree your purpose", "text": "<p>Write it in one sentence.</p>"},
                {"title": "Choose model rules", "text": "<p>Adapt them, do not start blank.</p>"},
                {"title": "Apply to register", "text": "<p>Send the rules and the fee.</p>"},
            ],
        }


class ChecklistBlock(blocks.StructBlock):
    """A list of things to have or to check, shown with tick boxes on paper."""

    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(max_length=250), min_num=1)

    class Meta:
        icon = "tasks"
        template = "blocks/checklist_block.html"
        label = _("Checklist")
        description = _("Things to gather or check, printed with boxes to tick.")
        preview_value = {
            "heading": "Before your first board meeting",
            "items": [
                "Every director has signed a consent to act",
                "You have a conflicts of interest register",
                "Someone is taking minutes",
            ],
        }


class QuoteBlock(blocks.StructBlock):
    """Words from a person, with who said them."""

    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=120, help_text=_("Who said it."))
    role = blocks.CharBlock(
        required=False, max_length=160, help_text=_("Their role and organisation.")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the name and role of the person who said it.")
        preview_value = {
            "quote": "Becoming a co-op meant the people doing the work finally had a say in it.",
            "attribution": "Sam Okafor (demo)",
            "role": "Member, Riverside Print Co-operative (demo)",
        }


class ImageBlock(blocks.StructBlock):
    """An image with a text alternative for people who cannot see it."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Alternative text"),
        help_text=_(
            "Describe what the image shows for someone who cannot see it. Leave blank only "
            "when the image is purely decorative and tick the box below."
        ),
    )
    decorative = blocks.BooleanBlock(
        required=False, help_text=_("Tick if the image adds nothing a reader would miss.")
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("A picture with alternative text and an optional caption.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("alt_text") and not value.get("decorative"):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the image, or tick 'decorative' if it adds no information.")
                    )
                }
            )
        return value


class DocumentBlock(blocks.StructBlock):
    """A file to download, with its type and size shown."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=160, help_text=_("Leave blank to use the document's title.")
    )
    description = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document download")
        description = _("A file to download, shown with its type and size.")


class TableBlock(TypedTableBlock):
    """A table of facts or figures with column headings and a caption."""

    text = blocks.CharBlock(label=_("Text"))
    number = blocks.DecimalBlock(label=_("Number"))
    rich_text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Rich text"))

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Table")
        description = _("A table with column headings; give it a caption saying what it shows.")
        preview_value = {
            "caption": "Typical costs of registering (demo figures)",
            "columns": [{"type": "text", "heading": "Form"}, {"type": "text", "heading": "Cost"}],
            "rows": [
                {"values": ["Community interest company", "£27 online"]},
                {"values": ["Co-operative society", "£40 to £950"]},
            ],
        }


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class QuestionsBlock(blocks.StructBlock):
    """Common questions with their answers."""

    heading = blocks.CharBlock(required=False, max_length=120, default="Questions people ask")
    items = blocks.ListBlock(QuestionAnswerBlock(), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/questions_block.html"
        label = _("Questions and answers")
        description = _("Questions people often ask, each with a short answer.")
        preview_value = {
            "heading": "Questions people ask",
            "items": [
                {
                    "question": "Can a CIC pay its directors?",
                    "answer": "<p>Yes, a fair wage for work done, if the articles allow it.</p>",
                }
            ],
        }


class ProvidersBlock(blocks.StructBlock):
    """Directory entries of providers who can help with what the page describes."""

    heading = blocks.CharBlock(required=False, max_length=120, default="Providers who can help")
    providers = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="directory.ProviderPage"), min_num=1
    )

    class Meta:
        icon = "group"
        template = "blocks/providers_block.html"
        label = _("Providers who can help")
        description = _("Links to directory entries of providers who help with this topic.")


class UniqueAnchorsMixin:
    """Refuses two children with the same anchor, which would make '#' links ambiguous."""

    def clean(self, value):
        value = super().clean(value)
        seen: set[str] = set()
        errors = {}
        for index, child in enumerate(value):
            anchor = getattr(child.value, "anchor_id", None)
            if anchor is None:
                continue
            if anchor in seen:
                errors[index] = StructBlockValidationError(
                    block_errors={
                        "anchor": ValidationError(
                            _(
                                "Another section already uses the link name '%(a)s'. "
                                "Type a different one here."
                            )
                            % {"a": anchor}
                        )
                    }
                )
            seen.add(anchor)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


class BodyBlock(UniqueAnchorsMixin, blocks.StreamBlock):
    """The body of a guide or a case study."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        label=_("Rich text"),
        description=_("Paragraphs and lists of plain text with links."),
        preview_value="<p>Social value means the wider good a contract does, beyond the "
        "goods or services themselves.</p>",
    )
    callout = CalloutBlock()
    steps = StepsBlock()
    checklist = ChecklistBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentBlock()
    table = TableBlock()
    questions = QuestionsBlock()
    providers = ProvidersBlock()


def headings(stream: Iterable, *, levels: tuple[str, ...] = ("h2",)) -> Iterator[tuple[str, str]]:
    """(anchor, text) of each heading block of the given levels, for a table of contents."""
    for child in stream:
        if child.block_type == "heading" and child.value.get("level", "h2") in levels:
            yield child.value.anchor_id, child.value.get("text", "")


def word_count(stream) -> int:
    """Words a reader reads in a StreamField value (text of every block, no markup)."""
    if stream is None:
        return 0
    text = stream.stream_block.get_searchable_content(stream)
    return sum(len(part.split()) for part in text if isinstance(part, str))


def reading_minutes(*texts_or_streams, words_per_minute: int = 200) -> int:
    """Whole minutes to read some plain strings and StreamField values, at least one."""
    words = 0
    for item in texts_or_streams:
        if isinstance(item, str):
            words += len(item.split())
        else:
            words += word_count(item)
    return max(1, -(-words // words_per_minute))
