"""Deleting a page moves it to the recycle bin (unpublished) instead of destroying it."""

from __future__ import annotations

from django.db import transaction
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Locale, Page

from editorial.models import DeletedPage, RecycleBinPage


def recycle_bin() -> RecycleBinPage:
    existing = RecycleBinPage.objects.first()
    if existing is not None:
        return existing
    root = Page.get_first_root_node()
    bin_page = RecycleBinPage(
        title="Recycle bin", slug="recycle-bin", live=False, locale=Locale.get_default()
    )
    root.add_child(instance=bin_page)
    return bin_page


def in_recycle_bin(page: Page) -> bool:
    ancestors = [page.path[:i] for i in range(Page.steplen, len(page.path), Page.steplen)]
    return RecycleBinPage.objects.filter(path__in=ancestors).exists()


@transaction.atomic
def move_to_bin(page: Page, *, user=None) -> DeletedPage:
    """Unpublish ``page`` and its children and keep them in the recycle bin, remembering where."""
    page = page.specific
    parent = page.get_parent()
    record = DeletedPage(page=page, original_parent=parent, was_live=page.live, deleted_by=user)
    # The delete view has already checked the user may delete the page; the bin accepts any page
    # type, which Wagtail's own move rules (parent_page_types) would refuse.
    if page.live:
        UnpublishPageAction(page, user=user, include_descendants=True).execute(
            skip_permission_checks=True
        )
    # The recycle bin is never served, so pages keep their slugs there; restore checks for clashes.
    MovePageAction(page, recycle_bin(), pos="last-child", user=user).execute(
        skip_permission_checks=True
    )
    record.save()
    return record


@transaction.atomic
def restore(record: DeletedPage, *, user=None, parent: Page | None = None) -> Page:
    """Put a deleted page back where it was (or under ``parent``); republish it if it was live."""
    page = record.page.specific
    target = parent or record.original_parent
    if target is None:
        raise ValueError("The page's original place no longer exists; choose where to restore it.")
    if target.get_children().filter(slug=page.slug).exists():
        page.slug = f"{page.slug}-restored"
        page.save(clean=False)
    MovePageAction(page, target, pos="last-child", user=user).execute(skip_permission_checks=True)
    page.refresh_from_db()
    page = page.specific
    if record.was_live:
        revision = page.latest_revision or page.save_revision(user=user)
        revision.publish(user=user)
    record.delete()
    return page
