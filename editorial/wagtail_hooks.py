"""Admin wiring: the review report, the recycle bin, partner invitations, delete-to-bin."""

from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from editorial import views
from editorial.recycle import in_recycle_bin, move_to_bin


@hooks.register("register_admin_urls")
def urls():
    return [
        path("reviews/", views.reviews_report, name="editorial_reviews"),
        path("recycle-bin/", views.recycle_bin, name="editorial_recycle_bin"),
        path("recycle-bin/<int:record_id>/restore/", views.restore_page, name="editorial_restore"),
        path("partners/<int:organisation_id>/invite/", views.invite, name="editorial_invite"),
    ]


class ReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def reviews_menu_item():
    return ReviewsMenuItem(
        gettext_lazy("Due for review"), reverse("editorial_reviews"), icon_name="time", order=150
    )


class RecycleBinMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or request.user.has_perm("editorial.change_deletedpage")


@hooks.register("register_admin_menu_item")
def recycle_bin_menu_item():
    return RecycleBinMenuItem(
        gettext_lazy("Recycle bin"), reverse("editorial_recycle_bin"), icon_name="bin", order=10000
    )


@hooks.register("register_snippet_listing_buttons")
def invite_button(snippet, user, next_url=None):
    if snippet._meta.label == "portal.PartnerOrganisation" and user.has_perm("auth.add_user"):
        yield ListingButton(
            _("Invite an editor"),
            reverse("editorial_invite", args=[snippet.pk]),
            icon_name="user",
            priority=30,
        )


@hooks.register("before_delete_page")
def delete_to_recycle_bin(request, page):
    """A delete keeps the page in the recycle bin; deleting it from there removes it for good."""
    if request.method != "POST" or in_recycle_bin(page):
        return None
    parent_id = page.get_parent().pk
    move_to_bin(page, user=request.user)
    messages.success(
        request,
        _("“%(title)s” was moved to the recycle bin. It can be restored from there.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_explore", parent_id)


@hooks.register("before_bulk_action")
def bulk_delete_to_recycle_bin(request, action_type, objects, action_class_instance):
    if action_type != "delete" or request.method != "POST":
        return None
    pages = [page for page in objects if not in_recycle_bin(page)]
    for page in pages:
        move_to_bin(page, user=request.user)
    if pages:
        messages.success(
            request, _("%(n)d pages were moved to the recycle bin.") % {"n": len(pages)}
        )
        return redirect(request.GET.get("next") or reverse("editorial_recycle_bin"))
    return None


@hooks.register("register_permissions")
def recycle_bin_permissions():
    return Permission.objects.filter(
        content_type__app_label="editorial", codename="change_deletedpage"
    )
