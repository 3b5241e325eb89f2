"""Admin views: what is due for review, the recycle bin, and inviting a partner's editors."""

from __future__ import annotations

import csv

from django import forms
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from editorial.models import DeletedPage
from editorial.recycle import restore
from editorial.reviews import by_owner, due_for_review
from editorial.roles import invite_editor
from portal.models import PartnerOrganisation
from portal.permissions import may_edit_any_organisation, organisation_ids


def reviews_report(request):
    """Everything overdue or due within 30 days, grouped by owner; partners see their own."""
    items = due_for_review()
    if not may_edit_any_organisation(request.user):
        own = organisation_ids(request.user)
        items = [i for i in items if getattr(i.page, "owner_organisation_id", None) in own]
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="due-for-review.csv"'
        writer = csv.writer(response)
        writer.writerow(["owner", "title", "type", "review due", "overdue", "url"])
        for item in items:
            writer.writerow(
                [
                    item.owner,
                    item.page.title,
                    item.page._meta.verbose_name,
                    item.review_due.isoformat(),
                    "yes" if item.overdue else "no",
                    item.page.full_url or "",
                ]
            )
        return response
    return TemplateResponse(
        request,
        "editorial/reviews_report.html",
        {
            "groups": by_owner(items),
            "total": len(items),
            "overdue": sum(1 for i in items if i.overdue),
        },
    )


def _can_manage_bin(user) -> bool:
    return user.is_superuser or user.has_perm("editorial.change_deletedpage")


def recycle_bin(request):
    if not _can_manage_bin(request.user):
        raise PermissionDenied
    records = DeletedPage.objects.select_related("page", "original_parent", "deleted_by")
    return TemplateResponse(request, "editorial/recycle_bin.html", {"records": records})


@require_POST
def restore_page(request, record_id: int):
    if not _can_manage_bin(request.user):
        raise PermissionDenied
    record = get_object_or_404(DeletedPage, pk=record_id)
    try:
        page = restore(record, user=request.user)
    except ValueError as problem:
        messages.error(request, str(problem))
        return redirect("editorial_recycle_bin")
    messages.success(request, _("“%(title)s” is back in its place.") % {"title": page.title})
    return redirect("wagtailadmin_explore", page.get_parent().pk)


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    first_name = forms.CharField(label=gettext_lazy("First name"), required=False, max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), required=False, max_length=150)


@permission_required("auth.add_user", raise_exception=True)
def invite(request, organisation_id: int):
    """Add an editor to a partner organisation and e-mail them a link to choose a password."""
    organisation = get_object_or_404(PartnerOrganisation, pk=organisation_id)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, created = invite_editor(organisation, request=request, **form.cleaned_data)
        text = (
            _("Invited %(email)s to edit for %(organisation)s.")
            if created
            else _("%(email)s can now edit for %(organisation)s too.")
        )
        messages.success(request, text % {"email": user.email, "organisation": organisation.name})
        return redirect("wagtailsnippets_portal_partnerorganisation:list")
    return TemplateResponse(
        request, "editorial/invite.html", {"form": form, "organisation": organisation}
    )
