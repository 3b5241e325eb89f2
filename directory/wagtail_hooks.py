"""Admin wiring for the directory: import/export and the problem reports visitors send."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from directory import admin_views
from directory.models import ProblemReport


@hooks.register("register_admin_urls")
def urls():
    return [
        path("directory/import/", admin_views.import_view, name="directory_import"),
        path(
            "directory/import/confirm/",
            admin_views.confirm_import_view,
            name="directory_import_confirm",
        ),
        path("directory/export/", admin_views.export_view, name="directory_export"),
    ]


class TransferMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_transfer(request.user)


@hooks.register("register_admin_menu_item")
def transfer_menu_item():
    return TransferMenuItem(
        _("Directory import and export"),
        reverse("directory_import"),
        icon_name="upload",
        order=320,
    )


class ProblemReportViewSet(SnippetViewSet):
    """What visitors told us is wrong with directory entries."""

    model = ProblemReport
    icon = "warning"
    menu_label = _("Directory problem reports")
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["provider", "message", "created_at", "resolved"]
    list_filter = ["resolved"]
    search_fields = ["message"]
    ordering = ["resolved", "-created_at"]


register_snippet(ProblemReportViewSet)
