"""Admin wiring: short links with QR codes, the campaign reports and the widget snippets."""

import datetime

from django.db.models import Q, Sum
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns import admin_views
from campaigns.models import CampaignPage, ShortLink

RECENT_DAYS = 30


@hooks.register("register_admin_urls")
def urls():
    return [
        path("campaigns/", admin_views.campaigns_overview, name="campaigns_overview"),
        path(
            "campaigns/<int:page_id>/report/", admin_views.campaign_report, name="campaigns_report"
        ),
        path("campaigns/broken-links/", admin_views.broken_links, name="campaigns_broken_links"),
        path("campaigns/widgets/", admin_views.widgets, name="campaigns_widgets"),
        path("campaigns/links/<int:pk>/qr/", admin_views.qr_code, name="campaigns_qr"),
        path(
            "campaigns/links/<int:pk>/qr.<str:fmt>",
            admin_views.qr_download,
            name="campaigns_qr_download",
        ),
    ]


class ShortLinkViewSet(SnippetViewSet):
    """Short /go/ links for posters, social media and newsletters."""

    model = ShortLink
    icon = "link"
    menu_label = _("Short links")
    add_to_admin_menu = False
    list_display = [
        "slug",
        "label",
        "target_display",
        "campaign",
        Column("recent_visits", label=_("Visits, last 30 days")),
    ]
    list_filter = ["campaign"]
    search_fields = ["slug", "label", "target_url"]
    ordering = ["slug"]

    def get_queryset(self, request):
        since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS - 1)
        return ShortLink.objects.select_related("target_page", "campaign").annotate(
            recent_visits=Sum("daily_visits__count", filter=Q(daily_visits__day__gte=since))
        )


short_links = ShortLinkViewSet()
register_snippet(short_links)


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.REPORT_PERMISSION)


@hooks.register("register_admin_menu_item")
def campaigns_menu():
    items = [
        StaffMenuItem(
            _("Short links"), reverse(short_links.get_url_name("list")), icon_name="link", order=10
        ),
        StaffMenuItem(
            _("Campaign reports"), reverse("campaigns_overview"), icon_name="list-ul", order=20
        ),
        StaffMenuItem(
            _("Broken short links"),
            reverse("campaigns_broken_links"),
            icon_name="warning",
            order=30,
        ),
        StaffMenuItem(
            _("Widgets for partner sites"), reverse("campaigns_widgets"), icon_name="code", order=40
        ),
    ]
    return SubmenuMenuItem(
        _("Campaigns"), Menu(items=items), icon_name="pick", name="campaigns", order=340
    )


@hooks.register("register_reports_menu_item")
def broken_links_report():
    return StaffMenuItem(
        _("Broken short links"),
        reverse("campaigns_broken_links"),
        name="campaigns-broken-links",
        icon_name="warning",
        order=970,
    )


@hooks.register("register_snippet_listing_buttons")
def short_link_buttons(snippet, user, next_url=None):
    if isinstance(snippet, ShortLink) and user.has_perm(admin_views.REPORT_PERMISSION):
        yield ListingButton(
            _("QR code"), reverse("campaigns_qr", args=[snippet.pk]), icon_name="view", priority=5
        )
        if snippet.campaign_id:
            yield ListingButton(
                _("Campaign report"),
                reverse("campaigns_report", args=[snippet.campaign_id]),
                icon_name="list-ul",
                priority=6,
            )


def _is_campaign(page) -> bool:
    return page.specific_class is CampaignPage


@hooks.register("register_page_header_buttons")
def report_header_button(page, user, view_name, next_url=None):
    if _is_campaign(page) and user.has_perm(admin_views.REPORT_PERMISSION):
        yield HeaderButton(
            _("Campaign report"),
            reverse("campaigns_report", args=[page.pk]),
            icon_name="list-ul",
            priority=45,
        )


@hooks.register("register_page_listing_more_buttons")
def report_listing_button(page, user, next_url=None):
    if _is_campaign(page) and user.has_perm(admin_views.REPORT_PERMISSION):
        yield Button(
            _("Campaign report"),
            reverse("campaigns_report", args=[page.pk]),
            icon_name="list-ul",
            priority=45,
        )
