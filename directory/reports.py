"""Handling a visitor's "report a problem with this listing" form."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.forms import ProblemReportForm
from directory.models import ProblemReport, ProviderPage
from portal.ratelimit import is_limited, too_many_requests

logger = logging.getLogger(__name__)

#: Reports one visitor may send in a window; enough for honest use, too few for a flood.
REPORT_RATE = "5/10m"


def notify_staff(*, report: ProblemReport, request) -> None:
    """E-mail hub staff; a mail failure must not lose the report, which is already stored."""
    try:
        admin_url = request.build_absolute_uri(
            reverse("wagtailsnippets_directory_problemreport:edit", args=[report.pk])
        )
    except Exception:  # noqa: BLE001 - the link is a convenience only
        admin_url = ""
    body = "\n\n".join(
        part
        for part in (
            _("Someone reported a problem with the directory entry “%(title)s”.")
            % {"title": report.provider.title},
            report.message,
            _("Reply to: %(email)s") % {"email": report.email} if report.email else "",
            _("Public page: %(url)s") % {"url": report.provider.get_full_url(request)},
            _("In the admin: %(url)s") % {"url": admin_url} if admin_url else "",
        )
        if part
    )
    try:
        send_mail(
            subject=_("Directory problem report: %(title)s") % {"title": report.provider.title},
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[settings.HUB_STAFF_EMAIL],
        )
    except Exception:  # noqa: BLE001 - logged; staff still see the report in the admin
        logger.exception("Could not e-mail problem report %s", report.pk)


def handle_report(*, page: ProviderPage, request):
    """GET: the provider's page with the form. POST: store and send the report, or show the
    form again with its errors.

    The form lives at its own address so that the provider's page itself carries no CSRF
    token, sets no cookie and can be served to every visitor from the page cache.
    """
    page_url = page.get_url(request) or "/"
    if request.method != "POST":
        return page.render(request, context_overrides={"report_form": ProblemReportForm()})
    wait = is_limited(request, scope="directory-report", rate=REPORT_RATE)
    if wait:
        return too_many_requests(request, retry_after=wait)
    form = ProblemReportForm(request.POST)
    if not form.is_valid():
        response = page.render(
            request, context_overrides={"report_form": form, "report_failed": True}
        )
        response.status_code = 400
        return response
    if not form.is_spam:
        report = ProblemReport.objects.create(
            provider=page,
            message=form.cleaned_data["message"],
            email=form.cleaned_data["email"],
        )
        notify_staff(report=report, request=request)
    # Automated senders get the same answer as people, so they learn nothing from it.
    return HttpResponseRedirect(f"{page_url}?reported=1#report")
