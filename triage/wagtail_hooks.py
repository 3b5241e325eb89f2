"""Admin hooks: the questionnaire outline button and the demand and gap reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button, HeaderButton

from triage import admin_views
from triage.models import FindSupportPage


@hooks.register("register_admin_urls")
def register_triage_urls():
    return [
        path(
            "find-support/<int:page_id>/outline/",
            admin_views.outline,
            name="triage_outline",
        ),
        path("reports/demand/", admin_views.demand_report, name="triage_demand_report"),
        path("reports/gaps/", admin_views.gap_report, name="triage_gap_report"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_demand_report():
    return ReportMenuItem(
        _("What people ask for"),
        reverse("triage_demand_report"),
        name="triage-demand",
        icon_name="list-ul",
        order=950,
    )


@hooks.register("register_reports_menu_item")
def register_gap_report():
    return ReportMenuItem(
        _("Gaps in provision"),
        reverse("triage_gap_report"),
        name="triage-gaps",
        icon_name="warning",
        order=960,
    )


def _is_questionnaire(page) -> bool:
    return page.specific_class is FindSupportPage


@hooks.register("register_page_header_buttons")
def outline_header_button(page, user, view_name, next_url=None):
    if _is_questionnaire(page) and page.permissions_for_user(user).can_edit():
        yield HeaderButton(
            _("Outline"),
            reverse("triage_outline", args=[page.pk]),
            icon_name="list-ul",
            priority=40,
        )


@hooks.register("register_page_listing_more_buttons")
def outline_listing_button(page, user, next_url=None):
    if _is_questionnaire(page) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Outline"),
            reverse("triage_outline", args=[page.pk]),
            icon_name="list-ul",
            priority=40,
        )
