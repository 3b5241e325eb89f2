"""Who may change what: partner editors change only the pages their organisation owns.

Wagtail's page permissions are granted on parts of the page tree (a partner editor may add and
change pages under /directory/ and /guides/). On top of that, a page with an owner organisation
can be changed only by that organisation's editors, or by staff who hold the
``portal.edit_any_organisation_content`` permission (hub editors and administrators).
"""

from __future__ import annotations

from wagtail.models import PagePermissionTester

EDIT_ANY = "portal.edit_any_organisation_content"


def organisation_ids(user) -> frozenset[int]:
    """The partner organisations ``user`` edits for (cached on the user for the request)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_partner_organisation_ids", None)
    if cached is None:
        cached = frozenset(user.partner_organisations.values_list("pk", flat=True))
        user._partner_organisation_ids = cached
    return cached


def may_edit_any_organisation(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm(EDIT_ANY)))


def may_change_owned(user, owner_organisation_id: int | None) -> bool:
    if owner_organisation_id is None or may_edit_any_organisation(user):
        return True
    return owner_organisation_id in organisation_ids(user)


class OwnedPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, refusing every change to a page another partner owns."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.outsider = not may_change_owned(user, getattr(page, "owner_organisation_id", None))

    def _unless_outsider(name):  # noqa: N805 - builds the methods below
        def check(self, *args, **kwargs):
            return not self.outsider and getattr(PagePermissionTester, name)(self, *args, **kwargs)

        check.__name__ = name
        return check

    can_edit = _unless_outsider("can_edit")
    can_delete = _unless_outsider("can_delete")
    can_publish = _unless_outsider("can_publish")
    can_unpublish = _unless_outsider("can_unpublish")
    can_submit_for_moderation = _unless_outsider("can_submit_for_moderation")
    can_lock = _unless_outsider("can_lock")
    can_unlock = _unless_outsider("can_unlock")
    can_copy = _unless_outsider("can_copy")
    can_move = _unless_outsider("can_move")
    can_add_subpage = _unless_outsider("can_add_subpage")
    can_set_view_restrictions = _unless_outsider("can_set_view_restrictions")
    can_unschedule = _unless_outsider("can_unschedule")
    del _unless_outsider
