"""Forms: the questionnaire's admin form (checks on publish) and the 'email me this plan' form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class QuestionnairePageForm(WagtailAdminPageForm):
    """Refuses to publish (or submit for approval) a questionnaire that would strand a visitor.

    Saving a draft skips these checks, so an editor can build a questionnaire over several
    sittings; everything that leads to publication runs them.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation or "questions" not in cleaned_data:
            return cleaned_data
        from portal.vocabulary import vocabulary
        from triage.questionnaire import questions_from_stream
        from triage.validation import validate

        questionnaire = questions_from_stream(cleaned_data["questions"])
        known = {param: [t.slug for t in terms] for param, terms in vocabulary("en").items()}
        problems = validate(questionnaire, known_values=known)
        for problem in problems:
            self.add_error(None, problem.message)
        if not problems:
            self._check_pins(cleaned_data.get("pins") or [])
            self._run_test_cases(questionnaire, cleaned_data)
        return cleaned_data

    def _check_pins(self, pins) -> None:
        for pin in pins:
            value = pin.value
            if not any(value.get(param) for param in ("need", "stage", "type", "area", "sector")):
                title = value["page"].title if value.get("page") else ""
                self.add_error(
                    None,
                    _(
                        "The pin for “%(page)s” has no conditions, so it would come first for "
                        "everyone. Choose at least one need, stage, type, area or sector."
                    )
                    % {"page": title},
                )

    def _run_test_cases(self, questionnaire, cleaned_data) -> None:
        from triage.testcases import failing_test_cases

        for message in failing_test_cases(
            questionnaire=questionnaire,
            pins=cleaned_data.get("pins") or [],
            priorities=cleaned_data.get("priorities") or [],
            test_cases=cleaned_data.get("test_cases") or [],
            locale=self.instance.locale if self.instance.locale_id else None,
        ):
            self.add_error(None, message)


class EmailPlanForm(forms.Form):
    """An address to send the plan's link to. It is used once and never stored."""

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send one email with the link to this plan. We do not keep your address."),
    )
    page = forms.IntegerField(widget=forms.HiddenInput)
    answers = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
