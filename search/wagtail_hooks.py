"""The searches-with-no-results report in the admin's Reports menu."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import ZeroResultReportView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/searches-with-no-results/",
            ZeroResultReportView.as_view(),
            name="search_zero_results",
        ),
        path(
            "reports/searches-with-no-results/results/",
            ZeroResultReportView.as_view(results_only=True),
            name="search_zero_results_results",
        ),
    ]


class ZeroResultMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or any(
            user.has_perm(f"portal_search.{action}_zeroresultquery")
            for action in ("view", "change", "delete")
        )


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ZeroResultMenuItem(
        _("Searches with no results"),
        reverse("search_zero_results"),
        name="searches-with-no-results",
        icon_name="search",
        order=950,
    )


@hooks.register("register_permissions")
def register_report_permissions():
    # Lets administrators give hub staff groups the report (Settings > Groups > Other permissions).
    return Permission.objects.filter(
        content_type__app_label="portal_search",
        codename__in=["view_zeroresultquery", "delete_zeroresultquery"],
    )
