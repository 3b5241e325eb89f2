"""The hub staff report of searches that found nothing, with a CSV or Excel download."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import ZeroResultQuery


class ZeroResultReportView(ReportView):
    """What visitors searched for and could not find, most asked first."""

    page_title = _("Searches with no results")
    header_icon = "search"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results_results"
    permission_policy = ModelPermissionPolicy(ZeroResultQuery)
    any_permission_required = ["view", "change", "delete"]
    columns = [
        Column("query", label=_("Search words")),
        Column("language", label=_("Language")),
        Column("count", label=_("Times searched")),
        DateColumn("first_searched", label=_("First searched")),
        DateColumn("last_searched", label=_("Last searched")),
    ]
    list_export = ["query", "language", "count", "first_searched", "last_searched"]
    export_headings = {
        "query": _("Search words"),
        "language": _("Language"),
        "count": _("Times searched"),
        "first_searched": _("First searched"),
        "last_searched": _("Last searched"),
    }

    def get_filename(self):
        return f"searches-with-no-results-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return ZeroResultQuery.objects.order_by("-count", "-last_searched", "query")
