"""Admin upload forms that refuse files the public site should never serve."""

from django import forms
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

# Markup that a browser could run if a file were ever shown inline.
_ACTIVE_MARKUP = (b"<html", b"<!doctype html", b"<svg", b"<script", b"<?xml", b"<iframe")


class SafeDocumentForm(BaseDocumentForm):
    """Documents are never HTML or SVG dressed up with another extension.

    (Wagtail itself enforces WAGTAILDOCS_MAX_UPLOAD_SIZE and WAGTAILDOCS_EXTENSIONS.)
    """

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or not hasattr(upload, "size"):
            return upload
        head = upload.read(2048).lstrip().lower()
        upload.seek(0)
        if any(marker in head for marker in _ACTIVE_MARKUP):
            raise forms.ValidationError(
                _(
                    "This file contains web page or SVG markup, which the site does not accept. "
                    "Upload a PDF or an office document instead."
                )
            )
        return upload
