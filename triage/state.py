"""Reading a visitor's journey from the query string, and writing it back into links."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from portal.facets import parse_selection
from portal.vocabulary import vocabulary
from triage.journey import Walk, walk
from triage.questionnaire import FACET_PARAMS, Questionnaire

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
#: The ``?campaign=`` tag a short link or campaign page adds; anything else is ignored.
CAMPAIGN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
MAX_SKIPS = 20


def _notices() -> dict[str, str]:
    return {
        "no-answers": _("We need at least one answer to make your plan, so here is the start."),
        "changed": _(
            "This questionnaire has changed since you started, so here is the next question "
            "to answer. Your other answers are kept."
        ),
        "emailed": _("We have sent the link to this plan. We did not keep your email address."),
        "email-failed": _(
            "Sorry, we could not send the email just now. Please bookmark this page instead."
        ),
        "email-invalid": _("Enter an email address like name@example.org to send this plan."),
        "email-limit": _(
            "We have sent a lot of plans from here recently. Please try again in an hour, or "
            "bookmark this page instead."
        ),
    }


@dataclass
class Journey:
    """A visitor's answers as read from the URL, and where they stand in the questionnaire."""

    walk: Walk
    selection: dict[str, tuple[str, ...]]
    skipped: tuple[str, ...]
    step: str
    messages: list[str] = field(default_factory=list)
    #: The campaign the visitor arrived from, carried to the plan so completions are counted.
    campaign: str = ""

    @property
    def answers(self) -> dict[str, tuple[str, ...]]:
        return dict(self.walk.kept)


def read_journey(params, questionnaire: Questionnaire, *, language: str | None = None) -> Journey:
    """Clean the query string and follow the questionnaire with what is left.

    Unknown values, values that belong to no question on the visitor's path and unknown
    question keys are left out, each with a message saying so.
    """
    terms = vocabulary(language)
    allowed = {param: [t.slug for t in terms.get(param, ())] for param in FACET_PARAMS}
    selection = parse_selection(params, allowed=allowed)
    keys = {q.key for q in questionnaire.questions}
    skipped = []
    for raw in params.getlist("skip")[:MAX_SKIPS]:
        key = raw.strip().lower()[:40]
        if key in keys and key not in skipped:
            skipped.append(key)
    step = params.get("step", "").strip().lower()[:40]
    if step and not KEY_PATTERN.match(step):
        step = "?"
    result = walk(questionnaire, selection.chosen, skipped=skipped)
    messages = []
    if selection.ignored:
        shown = ", ".join(f"{p}={v}" for p, v in selection.ignored[:5])
        messages.append(
            _("Some answers in the link were not recognised and were left out: %(values)s.")
            % {"values": shown}
        )
    if result.dropped:
        labels = {param: {t.slug: t.label for t in terms.get(param, ())} for param in FACET_PARAMS}
        shown = ", ".join(labels.get(p, {}).get(v, v) for p, v in result.dropped[:5])
        messages.append(
            _(
                "Some answers in the link are not asked for on this path, so they were left "
                "out: %(values)s."
            )
            % {"values": shown}
        )
    notice = _notices().get(params.get("notice", ""))
    if notice:
        messages.append(notice)
    return Journey(
        walk=result,
        selection=dict(result.kept),
        skipped=tuple(k for k in skipped if result.index(k) is not None),
        step=step,
        messages=messages,
        campaign=read_campaign(params),
    )


def read_campaign(params) -> str:
    """The journey's campaign tag, or '' when the link has none that could be one.

    A tag that does not look like a campaign slug is dropped without a message: it tells the
    visitor nothing about their answers.
    """
    for raw in params.getlist("campaign")[:5]:
        if CAMPAIGN_PATTERN.match(raw):
            return raw
    return ""


def query(
    answers: Mapping[str, Sequence[str]],
    *,
    skipped: Sequence[str] = (),
    campaign: str = "",
    **extra: str | None,
) -> str:
    """A query string holding the answers (in vocabulary order), skips, campaign and extras."""
    pairs = [(p, v) for p in FACET_PARAMS for v in answers.get(p, ())]
    pairs += [("skip", key) for key in skipped]
    if campaign:
        pairs.append(("campaign", campaign))
    pairs += [(k, v) for k, v in extra.items() if v]
    return urlencode(pairs)


def with_query(url: str, querystring: str) -> str:
    return f"{url}?{querystring}" if querystring else url
