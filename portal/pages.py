"""Shared behaviour for page types: section index pages and demo-content helpers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class SectionIndexMixin(models.Model):
    """An introduction shown above a section's listing; one such page per language home."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences telling visitors what this section holds."),
    )
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True


def ensure_child(parent: Page, model: type[Page], *, slug: str, **fields) -> Page:
    """Return the live child of ``parent`` with ``slug``, creating and publishing it if missing.

    Used by the demo content so that loading it twice changes nothing.
    """
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    if "intro" in fields:
        # The introduction doubles as the summary shown in cards, search and sharing previews.
        fields.setdefault("search_description", fields["intro"][:255])
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
