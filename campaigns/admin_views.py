"""Admin screens for hub staff: QR codes, the campaign reports and the widget snippets."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns import reports
from campaigns.models import CampaignPage, ShortLink
from campaigns.qr import qr_png, qr_svg, short_url

REPORT_PERMISSION = "campaigns.view_shortlink"


def staff_only(view):
    """Hub staff who can see short links can see their QR codes and the reports."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@staff_only
def qr_code(request, pk: int):
    """A short link's QR code with its address and downloads for print (SVG) and screens (PNG)."""
    link = get_object_or_404(ShortLink, pk=pk)
    return render(
        request,
        "campaigns/admin/qr_code.html",
        {
            "link": link,
            "url": short_url(link.slug, request),
            "header_title": _("QR code for %(link)s") % {"link": link},
        },
    )


@staff_only
def qr_download(request, pk: int, fmt: str):
    link = get_object_or_404(ShortLink, pk=pk)
    url = short_url(link.slug, request)
    if fmt == "svg":
        response = HttpResponse(qr_svg(url), content_type="image/svg+xml")
    elif fmt == "png":
        response = HttpResponse(qr_png(url), content_type="image/png")
    else:
        raise Http404("Unknown format")
    disposition = "inline" if request.GET.get("inline") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="qr-{link.slug}.{fmt}"'
    return response


@staff_only
def campaign_report(request, page_id: int):
    """Visits per day, completions and the needs chosen, for one campaign."""
    campaign = get_object_or_404(CampaignPage, pk=page_id)
    since, until = reports.date_range(request.GET.get("since"), request.GET.get("until"))
    return render(
        request,
        "campaigns/admin/campaign_report.html",
        {
            "campaign": campaign,
            "since": since,
            "until": until,
            "report": reports.campaign_report(campaign=campaign, since=since, until=until),
            "start_url": request.build_absolute_uri(campaign.start_url(request)),
            "header_title": _("Campaign report: %(title)s") % {"title": campaign.title},
        },
    )


@staff_only
def campaigns_overview(request):
    since, until = reports.date_range(request.GET.get("since"), request.GET.get("until"))
    return render(
        request,
        "campaigns/admin/overview.html",
        {
            "rows": reports.campaign_totals(since=since, until=until),
            "since": since,
            "until": until,
            "header_title": _("Campaigns"),
        },
    )


@staff_only
def broken_links(request):
    return render(
        request,
        "campaigns/admin/broken_links.html",
        {"links": list(reports.broken_links()), "header_title": _("Broken short links")},
    )


def widget_snippets(request) -> list[dict]:
    """The two widgets with the HTML a partner pastes into their site."""
    widgets = [
        (
            _("Start the questionnaire"),
            "campaigns:embed-find-support",
            _("Find support for your social business"),
            360,
        ),
        (
            _("Search the directory"),
            "campaigns:embed-directory-search",
            _("Search the Community Wealth Hub directory"),
            380,
        ),
    ]
    result = []
    for name, url_name, title, height in widgets:
        url = request.build_absolute_uri(reverse(url_name))
        result.append(
            {
                "name": name,
                "url": url,
                "snippet": (
                    f'<iframe src="{url}" title="{title}" width="100%" height="{height}" '
                    'loading="lazy" style="border:0;max-width:36rem"></iframe>'
                ),
            }
        )
    return result


@staff_only
def widgets(request):
    """Copy-paste snippets for partner sites, with a preview of each widget."""
    return render(
        request,
        "campaigns/admin/widgets.html",
        {"widgets": widget_snippets(request), "header_title": _("Widgets for partner sites")},
    )
