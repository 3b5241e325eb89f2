"""Admin views for bulk onboarding: upload a CSV, read the dry run, confirm; export."""

from __future__ import annotations

import secrets

from django import forms
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from directory.transfer import export_csv, export_json
from directory.transfer.importing import ImportFileError, import_providers

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: How long an uploaded file waits for confirmation after its dry run.
PENDING_SECONDS = 60 * 60


def can_transfer(user) -> bool:
    """Hub staff: superusers and people who may change any organisation's content."""
    return user.is_active and (
        user.is_superuser or user.has_perm("portal.edit_any_organisation_content")
    )


def _require(request) -> None:
    if not can_transfer(request.user):
        raise PermissionDenied


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8 CSV with a header row. Download an export to see the columns."
        ),
    )
    delete_missing = forms.BooleanField(
        label=gettext_lazy("Unpublish providers that are not in this file"),
        required=False,
        help_text=gettext_lazy(
            "Only providers with an import identifier are affected. Leave this unticked "
            "unless the file is the complete directory."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB; split it up."))
        return upload


def _pending_key(request, token: str) -> str:
    return f"directory-import:{request.user.pk}:{token}"


def import_view(request):
    """Step 1: upload; step 2: the row-by-row dry run with a confirm button."""
    _require(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    report = token = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        delete_missing = form.cleaned_data["delete_missing"]
        try:
            report = import_providers(data, dry_run=True, delete_missing=delete_missing)
        except ImportFileError as problem:
            form.add_error("file", str(problem))
        else:
            token = secrets.token_urlsafe(16)
            cache.set(
                _pending_key(request, token),
                {"data": data, "delete_missing": delete_missing},
                timeout=PENDING_SECONDS,
            )
    return render(
        request,
        "directory/admin/import.html",
        {"form": form, "report": report, "token": token},
    )


def confirm_import_view(request):
    """Step 3: apply the file that was checked in the dry run."""
    _require(request)
    if request.method != "POST":
        return redirect("directory_import")
    token = request.POST.get("token", "")
    pending = cache.get(_pending_key(request, token)) if token else None
    if pending is None:
        messages.error(request, _("That upload has expired. Please upload the file again."))
        return redirect("directory_import")
    try:
        report = import_providers(
            pending["data"],
            user=request.user,
            dry_run=False,
            delete_missing=pending["delete_missing"],
        )
    except ImportFileError as problem:
        messages.error(request, str(problem))
        return redirect("directory_import")
    cache.delete(_pending_key(request, token))
    if report.has_rejections:
        messages.error(request, _("Some rows were rejected, so nothing was changed."))
    else:
        summary = report.summary
        messages.success(
            request,
            _(
                "Import finished: %(create)d created, %(update)d updated, "
                "%(unchanged)d unchanged, %(withdraw)d unpublished."
            )
            % summary,
        )
    return render(
        request,
        "directory/admin/import.html",
        {"form": UploadForm(), "report": report, "done": True},
    )


def export_view(request):
    """Download the whole directory as CSV or JSON."""
    _require(request)
    kind = request.GET.get("format", "csv")
    stamp = timezone.localdate().isoformat()
    if kind == "json":
        response = HttpResponse(export_json(), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="directory-{stamp}.json"'
    else:
        response = HttpResponse(export_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="directory-{stamp}.csv"'
    return response
