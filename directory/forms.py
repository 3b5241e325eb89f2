"""The public "report a problem with this listing" form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ProblemReportForm(forms.Form):
    """What a visitor tells hub staff about a wrong or out-of-date listing."""

    message = forms.CharField(
        label=_("What is wrong or out of date?"),
        help_text=_(
            "For example a phone number that no longer works, or a service that has closed."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        error_messages={"required": _("Tell us what is wrong with this listing.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("Only if you would like us to tell you when it is fixed."),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an e-mail address like name@example.org, or leave it empty.")
        },
    )
    # People never see this field; automated form fillers do, and fill it in.
    homepage = forms.CharField(label=_("Leave this empty"), required=False, max_length=200)

    def clean_message(self) -> str:
        message = " ".join(self.cleaned_data["message"].split(" ")).strip()
        if len(message) < 5:
            raise forms.ValidationError(_("Please say a little more so we can find the problem."))
        return message

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))
