"""Runs a questionnaire's test cases: these answers must lead to a plan with this page."""

from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import gettext as _
from wagtail.models import Locale

from triage import plan as plan_module
from triage.state import read_journey


def failing_test_cases(
    *, questionnaire, pins, test_cases, locale: Locale | None, priorities=()
) -> list[str]:
    """A message for each test case whose plan does not include its page.

    The plan is made with the pins and preferred pages being published, as visitors will get it.
    """
    locale = locale or Locale.get_default()
    rules = plan_module.rules_from_streams(pins, priorities)
    failures = []
    for child in test_cases:
        answers_text = child.value.get("answers") or ""
        expected = child.value.get("page")
        if expected is None:
            continue
        journey = read_journey(QueryDict(answers_text), questionnaire, language="en")
        if not journey.answers:
            failures.append(
                _("Test case “%(answers)s” has no answers this questionnaire asks for.")
                % {"answers": answers_text}
            )
            continue
        plan, _pages, _sessions = plan_module.gather(
            answers=journey.answers, locale=locale, rules=rules
        )
        found = {r.candidate.parent or r.candidate.id for r in plan.items()}
        wanted = plan_module.localised_ids([expected.pk], locale).get(expected.pk, expected.pk)
        if wanted not in found:
            failures.append(
                _(
                    "Test case “%(answers)s” expects “%(page)s” in the plan, but it is not "
                    "there any more. Check the page's facets, or change the questions, pins or "
                    "test case."
                )
                % {"answers": answers_text, "page": expected.title}
            )
    return failures
