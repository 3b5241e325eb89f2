"""The recommendation engine: answers in, a ranked plan with reasons out. No database needed.

Content is described the same way everywhere, by facet values (``need=funding``,
``area=wigan`` ...); the caller turns each page's ``PageFacet`` rows into a
:class:`Candidate`. Matching the visitor's answers against those values ranks every kind of
content at once, so editors never write an outcome for each path; :class:`PinRule` lets
them put a page first for a combination of answers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

#: How much a match on each facet counts. A matching need matters most: it is what the
#: visitor came for. Stage and organisation type decide between pages on the same need.
WEIGHTS: Mapping[str, int] = {"need": 8, "stage": 3, "type": 3, "area": 2, "sector": 2}
#: A provider that names the borough itself ranks above one that covers all of GM.
IMPLIED_AREA_WEIGHT = 1
KINDS = ("guide", "module", "session", "case-study", "provider")
#: Kinds for which serving a wider area that includes the visitor's borough is worth saying.
AREA_KINDS = ("provider",)

Answers = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Candidate:
    id: int
    kind: str
    #: parameter -> {value: implied}; implied values come from a wider area (GM-wide, national).
    facets: Mapping[str, Mapping[str, bool]] = field(default_factory=dict)
    priority: int = 0
    #: For sessions: when it starts, and the module it belongs to.
    starts: datetime.datetime | None = None
    parent: int | None = None


@dataclass(frozen=True)
class PinRule:
    page_id: int
    conditions: Mapping[str, tuple[str, ...]]

    def applies(self, answers: Answers) -> bool:
        """Every condition the editor set must share a value with the answers."""
        conditions = {p: v for p, v in self.conditions.items() if v}
        return bool(conditions) and all(
            set(values) & set(answers.get(param, ())) for param, values in conditions.items()
        )

    def matched(self, answers: Answers) -> tuple[Match, ...]:
        return tuple(
            Match(param, tuple(v for v in answers.get(param, ()) if v in values))
            for param, values in self.conditions.items()
            if values
        )


@dataclass(frozen=True)
class Match:
    param: str
    #: The visitor's values this candidate matches.
    values: tuple[str, ...]
    #: Matched only because the candidate covers a wider area (all of GM, national).
    implied: bool = False
    #: Matched only a borough next to the visitor's (for the honest fallback).
    nearby: bool = False


@dataclass(frozen=True)
class Recommendation:
    candidate: Candidate
    score: int
    matches: tuple[Match, ...]
    pinned: bool = False

    @property
    def kind(self) -> str:
        return self.candidate.kind

    def matched(self, param: str) -> Match | None:
        return next((m for m in self.matches if m.param == param), None)


def match(
    candidate: Candidate, answers: Answers, *, neighbours: Iterable[str] = ()
) -> tuple[Match, ...]:
    """What the candidate has in common with the answers, facet by facet."""
    found = []
    for param, chosen in answers.items():
        values = candidate.facets.get(param, {})
        common = tuple(v for v in chosen if v in values)
        if common:
            implied = param == "area" and all(values[v] for v in common)
            if implied and candidate.kind not in AREA_KINDS:
                # A guide "for all of GM" says nothing about the visitor's borough.
                continue
            found.append(Match(param, common, implied=implied))
        elif param == "area":
            close = tuple(v for v in neighbours if v in values and not values[v])
            if close:
                found.append(Match(param, close, nearby=True))
    return tuple(found)


def score(matches: Iterable[Match]) -> int:
    total = 0
    for m in matches:
        if m.nearby:
            continue
        total += IMPLIED_AREA_WEIGHT if m.implied else WEIGHTS.get(m.param, 1)
    return total


def rank(
    candidates: Iterable[Candidate],
    answers: Answers,
    *,
    require: Sequence[str] = (),
    pins: Sequence[PinRule] = (),
    neighbours: Iterable[str] = (),
    allow_nearby: bool = False,
    limit: int | None = None,
) -> list[Recommendation]:
    """Candidates that share something with the answers, best first.

    A candidate must match every facet in ``require`` that the visitor answered (a borough
    next door counts for ``area`` only with ``allow_nearby``). Pinned pages come first in
    the order of the rules; then a higher score, then a higher editor priority.
    """
    neighbours = tuple(neighbours)
    pinned_order = {}
    for number, rule in enumerate(pins):
        if rule.applies(answers):
            pinned_order.setdefault(rule.page_id, (number, rule))
    ranked = []
    for candidate in candidates:
        matches = match(candidate, answers, neighbours=neighbours)
        pin = pinned_order.get(candidate.id)
        if pin is None:
            by_param = {m.param: m for m in matches}
            missing = [
                p
                for p in require
                if answers.get(p)
                and (p not in by_param or (by_param[p].nearby and not allow_nearby))
            ]
            if missing or not any(not m.nearby for m in matches) and not allow_nearby:
                continue
            if not matches:
                continue
        else:
            extra = {m.param for m in matches}
            matches = matches + tuple(m for m in pin[1].matched(answers) if m.param not in extra)
        ranked.append(Recommendation(candidate, score(matches), matches, pinned=pin is not None))
    ranked.sort(
        key=lambda r: (
            pinned_order[r.candidate.id][0] if r.pinned else len(pinned_order),
            -r.score,
            -r.candidate.priority,
            r.candidate.id,
        )
    )
    return ranked[:limit] if limit is not None else ranked


@dataclass(frozen=True)
class Plan:
    #: The top things to read or do first (guides, modules, and any pinned page).
    first: tuple[Recommendation, ...] = ()
    #: Providers serving the visitor's area (their own borough, GM-wide or national).
    providers: tuple[Recommendation, ...] = ()
    #: When no provider serves the area for the need: the nearest useful alternatives.
    nearby_providers: tuple[Recommendation, ...] = ()
    no_local_provider: bool = False
    sessions: tuple[Recommendation, ...] = ()
    stories: tuple[Recommendation, ...] = ()

    def items(self) -> list[Recommendation]:
        return [
            *self.first,
            *self.providers,
            *self.nearby_providers,
            *self.sessions,
            *self.stories,
        ]

    def __bool__(self) -> bool:
        return bool(self.items())


def build_plan(
    candidates: Iterable[Candidate],
    answers: Answers,
    *,
    pins: Sequence[PinRule] = (),
    neighbours: Iterable[str] = (),
    now: datetime.datetime | None = None,
    first_limit: int = 5,
    provider_limit: int = 6,
    session_limit: int = 4,
    story_limit: int = 2,
) -> Plan:
    """Split and rank candidates into the sections of a visitor's plan."""
    by_kind: dict[str, list[Candidate]] = {kind: [] for kind in KINDS}
    pinned_ids = {rule.page_id for rule in pins if rule.applies(answers)}
    pinned = []
    for candidate in candidates:
        if candidate.id in pinned_ids:
            pinned.append(candidate)
        else:
            by_kind.setdefault(candidate.kind, []).append(candidate)
    answers = {p: tuple(v) for p, v in answers.items() if v}
    neighbours = tuple(neighbours)

    learning = by_kind["guide"] + by_kind["module"]
    first = rank(pinned + learning, answers, require=("need",), pins=pins, limit=first_limit)
    if len(first) < 3:
        # Too few on the visitor's need: add pages that share their stage or type.
        seen = {r.candidate.id for r in first}
        more = rank([c for c in learning if c.id not in seen], answers)
        first = first + more[: 3 - len(first)]

    providers = rank(by_kind["provider"], answers, require=("area", "need"), limit=provider_limit)
    nearby: list[Recommendation] = []
    no_local = bool(answers.get("area")) and not providers
    if no_local:
        # Be honest, then offer the nearest useful help: the same need in a borough next
        # door, and anyone serving the visitor's borough whatever the need.
        nearby = rank(
            by_kind["provider"],
            answers,
            require=("area", "need"),
            neighbours=neighbours,
            allow_nearby=True,
            limit=provider_limit // 2,
        )
        seen = {r.candidate.id for r in nearby}
        general = rank(
            [c for c in by_kind["provider"] if c.id not in seen],
            {p: v for p, v in answers.items() if p == "area"},
            require=("area",),
            limit=provider_limit - len(nearby),
        )
        nearby = nearby + general

    now = now or datetime.datetime.now(datetime.UTC)
    upcoming = [c for c in by_kind["session"] if c.starts is None or c.starts >= now]
    sessions = rank(upcoming, answers, require=("need",))
    sessions.sort(key=lambda r: (r.candidate.starts or now, -r.score, r.candidate.id))

    stories = rank(by_kind["case-study"], answers, limit=story_limit)
    return Plan(
        first=tuple(first),
        providers=tuple(providers),
        nearby_providers=tuple(nearby),
        no_local_provider=no_local,
        sessions=tuple(sessions[:session_limit]),
        stories=tuple(stories),
    )


#: One "because you said" line per facet; %(values)s is a list of the visitor's answers.
def _reason_template(param: str) -> str:
    templates = {
        "need": _("Because you said you need help with: %(values)s"),
        "stage": _("Because you said your stage is: %(values)s"),
        "type": _("Because you said your organisation is: %(values)s"),
        "area": _("Because you said you are in: %(values)s"),
        "sector": _("Because you said you work in: %(values)s"),
    }
    return templates.get(param, _("Because you said: %(values)s"))


def reasons(recommendation: Recommendation, labels: Mapping[str, Mapping[str, str]]) -> list[str]:
    """The "because you said …" lines for a recommendation, in the visitor's language."""
    lines = []
    if recommendation.pinned:
        lines.append(_("Recommended by the hub for answers like yours"))
    for m in sorted(recommendation.matches, key=lambda m: KINDS_ORDER.get(m.param, 9)):
        names = ", ".join(labels.get(m.param, {}).get(v, v) for v in m.values)
        if m.nearby:
            lines.append(_("Works in a borough next to yours: %(values)s") % {"values": names})
            continue
        line = _reason_template(m.param) % {"values": names}
        if m.implied:
            line = _("%(line)s (covers a wider area that includes it)") % {"line": line}
        lines.append(line)
    return lines


KINDS_ORDER = {"need": 0, "stage": 1, "type": 2, "area": 3, "sector": 4}


def coverage(candidate: Candidate, answers: Answers, area_coverage: Mapping[str, str]) -> str:
    """How a provider covers the visitor: "local", "region", "national" or "nearby"."""
    areas = candidate.facets.get("area", {})
    chosen = answers.get("area", ())
    if any(v in areas and not areas[v] for v in chosen):
        return "local"
    explicit = {area_coverage.get(v, "borough") for v, implied in areas.items() if not implied}
    if any(v in areas for v in chosen):
        return "region" if "region" in explicit else "national" if "national" in explicit else ""
    return "nearby" if areas else ""
