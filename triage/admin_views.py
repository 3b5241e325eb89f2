"""Admin screens for hub staff: a questionnaire's outline, and the demand and gap reports."""

from __future__ import annotations

import csv
import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.vocabulary import vocabulary
from triage import reports
from triage.models import FindSupportPage
from triage.questionnaire import END, FACET_PARAMS
from triage.validation import validate

REPORT_PERMISSION = "triage.view_demandcount"
DEFAULT_DAYS = 90
MAX_DAYS = 3 * 366


def _labels() -> dict[str, dict[str, str]]:
    terms = vocabulary()
    return {param: {t.slug: t.label for t in terms.get(param, ())} for param in FACET_PARAMS}


def outline(request, page_id: int):
    """Every question with its answers, what each sets and where it leads, and any problems."""
    page = get_object_or_404(FindSupportPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    # The latest draft, so editors see what they are about to publish.
    draft = page.get_latest_revision_as_object()
    questionnaire = draft.questionnaire
    known = {param: [t.slug for t in terms] for param, terms in vocabulary("en").items()}
    problems = validate(questionnaire, known_values=known) if questionnaire.questions else []
    labels = _labels()
    by_key = {q.key: q for q in questionnaire.questions}

    def target(key: str) -> str:
        if key == END:
            return _("the plan")
        question = by_key.get(key)
        return f"{question.text} ({key})" if question else _("“%(key)s” (missing)") % {"key": key}

    questions = []
    for question in questionnaire.questions:
        default = questionnaire.default_next(question)
        questions.append(
            {
                "question": question,
                "problems": [p.message for p in problems if p.key == question.key],
                "default_next": target(default),
                "answers": [
                    {
                        "label": answer.label,
                        "sets": [
                            f"{param}: " + ", ".join(labels[param].get(v, v) for v in values)
                            for param, values in answer.values.items()
                        ],
                        "next": target(answer.next or default),
                        "branches": bool(answer.next),
                    }
                    for answer in question.answers
                ],
            }
        )
    return render(
        request,
        "triage/admin/outline.html",
        {
            "page": page,
            "questions": questions,
            "general_problems": [p.message for p in problems if not p.key],
            "problem_count": len(problems),
            "header_title": _("Outline of “%(title)s”") % {"title": draft.title},
        },
    )


def _date(raw: str | None, default: datetime.date) -> datetime.date:
    try:
        return datetime.date.fromisoformat((raw or "")[:10])
    except ValueError:
        return default


def _range(request) -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    until = _date(request.GET.get("until"), today)
    since = _date(request.GET.get("since"), until - datetime.timedelta(days=DEFAULT_DAYS))
    if since > until:
        since, until = until, since
    since = max(since, until - datetime.timedelta(days=MAX_DAYS))
    return since, until


def _csv(filename: str, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    for row in rows:
        # A leading = + - @ would make a spreadsheet run the cell as a formula.
        writer.writerow(["'" + c if isinstance(c, str) and c[:1] in "=+-@" else c for c in row])
    return response


def _check(request) -> None:
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied


PARAM_HEADINGS = {
    "need": "Support need",
    "stage": "Stage",
    "area": "Area",
    "type": "Organisation type",
    "sector": "Audience sector",
}


def demand_report(request):
    _check(request)
    since, until = _range(request)
    param = request.GET.get("facet", "need")
    param = param if param in reports.REPORT_PARAMS else "need"
    period = request.GET.get("period", "week")
    period = period if period in reports.PERIODS else "week"
    table = reports.demand(
        param=param, since=since, until=until, period=period, labels=_labels()[param]
    )
    if request.GET.get("export") == "csv":
        return _csv(f"demand-{param}-{since}-{until}.csv", table.csv_rows(_(PARAM_HEADINGS[param])))
    return render(
        request,
        "triage/admin/demand.html",
        {
            "table": table,
            "param": param,
            "period": period,
            "since": since,
            "until": until,
            "selects": [
                (
                    "facet",
                    _("Answers to"),
                    [(p, _(h)) for p, h in PARAM_HEADINGS.items()],
                    param,
                ),
                (
                    "period",
                    _("Per"),
                    [("day", _("Day")), ("week", _("Week")), ("month", _("Month"))],
                    period,
                ),
            ],
            "header_title": _("What people ask for"),
        },
    )


def gap_report(request):
    _check(request)
    since, until = _range(request)
    labels = _labels()
    rows = [
        {
            "kind": _("No provider serves this borough for this need")
            if gap.kind == "provider"
            else _("No guide covers this need at this stage"),
            "need": labels["need"].get(gap.need, gap.need),
            "other": labels[gap.other_param].get(gap.other, gap.other),
            "other_param": gap.other_param,
            "asked": gap.asked,
        }
        for gap in reports.gaps(since=since, until=until)
    ]
    if request.GET.get("export") == "csv":
        header = [_("Gap"), _("Support need"), _("Borough or stage"), _("Times asked")]
        body = [[r["kind"], r["need"], r["other"], r["asked"]] for r in rows]
        return _csv(f"gaps-{since}-{until}.csv", [header, *body])
    return render(
        request,
        "triage/admin/gaps.html",
        {"rows": rows, "since": since, "until": until, "header_title": _("Gaps in provision")},
    )
