"""Gathers candidates for a visitor's plan from the database in a fixed number of queries.

1. one query ranks the live pages of each content type in the visitor's language by how many
   of their facet values match the answers, keeping the best few of each type;
2. one query reads every facet row of those pages (and of pinned pages) for the engine;
3. one query reads their titles, summaries and addresses, whatever their type;
4. one query reads the upcoming sessions of the modules among them.

The ranking in SQL only narrows thousands of pages down to dozens; the engine in
:mod:`triage.engine` then orders them exactly and explains each choice.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, IntegerField, Q, Sum, TextField, Value, When, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from portal.locales import in_language_q
from portal.models import PageFacet
from triage import engine
from triage.areas import neighbours_of

#: Content types that can appear in a plan, by the kind the plan and its JSON call them.
KIND_MODELS: dict[str, str] = {
    "guide": "guides.GuidePage",
    "module": "guides.TrainingModulePage",
    "case-study": "casestudies.CaseStudyPage",
    "provider": "directory.ProviderPage",
}
SESSION_MODEL = "guides.TrainingSession"
#: How many of each type the SQL ranking keeps for the engine to order.
CANDIDATES_PER_KIND = 40


def kind_models() -> dict[str, type[Page]]:
    found = {}
    for kind, label in KIND_MODELS.items():
        try:
            found[kind] = apps.get_model(label)
        except LookupError:
            continue
    return found


@dataclass
class PlanItem:
    kind: str
    id: int
    title: str
    url: str
    summary: str = ""
    reasons: list[str] = field(default_factory=list)
    #: For providers: "local", "region", "national" or "nearby".
    coverage: str = ""
    pinned: bool = False
    kind_label: str = ""
    coverage_label: str = ""
    #: For sessions.
    starts: datetime.datetime | None = None
    ends: datetime.datetime | None = None
    online: bool = False
    venue: str = ""
    booking_url: str = ""
    places_left: int | None = None
    #: The page's language, so an English page in a translated plan can be labelled.
    locale_id: int | None = None

    @property
    def full(self) -> bool:
        return self.places_left == 0


@dataclass
class PlanResult:
    plan: engine.Plan
    first: list[PlanItem]
    providers: list[PlanItem]
    nearby_providers: list[PlanItem]
    sessions: list[PlanItem]
    stories: list[PlanItem]

    @property
    def no_local_provider(self) -> bool:
        return self.plan.no_local_provider

    def items(self) -> list[PlanItem]:
        return [
            *self.first,
            *self.providers,
            *self.nearby_providers,
            *self.sessions,
            *self.stories,
        ]


@dataclass(frozen=True)
class Rules:
    """The editor's pins and priorities, as page ids (read without loading the pages)."""

    pins: tuple[engine.PinRule, ...] = ()
    priorities: Mapping[int, int] = field(default_factory=dict)


def rules_from_streams(pins, priorities=()) -> Rules:
    """Pins and priorities from the page's StreamFields, using their raw data (no queries)."""
    pin_rules = []
    for raw in _raw(pins):
        value = raw.get("value") or {}
        if value.get("page"):
            conditions = {
                p: tuple(value.get(p) or ()) for p in ("need", "stage", "type", "area", "sector")
            }
            pin_rules.append(engine.PinRule(int(value["page"]), conditions))
    boosts = {}
    for raw in _raw(priorities):
        value = raw.get("value") or {}
        if value.get("page"):
            boosts[int(value["page"])] = int(value.get("priority") or 1)
    return Rules(tuple(pin_rules), boosts)


def _raw(stream) -> list[dict]:
    if stream is None:
        return []
    raw = getattr(stream, "raw_data", None)
    if raw is not None:
        return [dict(item) for item in raw]
    # A StreamValue built in a form: fall back to the bound values.
    return [
        {"value": {**child.value, "page": getattr(child.value.get("page"), "pk", None)}}
        for child in stream
    ]


def _score_expression(answers: Mapping[str, Sequence[str]], neighbours: Sequence[str]):
    whens = []
    for param, values in answers.items():
        weight = engine.WEIGHTS.get(param, 1)
        if param == "area":
            whens.append(When(param="area", value__in=values, implied=False, then=Value(weight)))
            whens.append(
                When(
                    param="area",
                    value__in=values,
                    implied=True,
                    then=Value(engine.IMPLIED_AREA_WEIGHT),
                )
            )
        else:
            whens.append(When(param=param, value__in=values, then=Value(weight)))
    if neighbours:
        whens.append(When(param="area", value__in=neighbours, implied=False, then=Value(1)))
    return Sum(Case(*whens, default=Value(0), output_field=IntegerField()))


def ranked_page_ids(
    *,
    answers: Mapping[str, Sequence[str]],
    locale: Locale,
    content_types: Mapping[int, str],
    neighbours: Sequence[str] = (),
    per_kind: int = CANDIDATES_PER_KIND,
) -> list[int]:
    """Ids of the best-matching live pages of each content type, in one query.

    Pages in ``locale`` count, and so do English pages not yet translated into it.
    """
    match = Q()
    for param, values in answers.items():
        match |= Q(param=param, value__in=values)
    if neighbours:
        match |= Q(param="area", value__in=neighbours, implied=False)
    if not match:
        return []
    rows = (
        PageFacet.objects.filter(match)
        .filter(
            in_language_q(locale, prefix="page__"),
            page__live=True,
            page__content_type_id__in=list(content_types),
        )
        .values("page_id", "page__content_type_id")
        .annotate(score=_score_expression(answers, neighbours))
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=[F("page__content_type_id")],
                order_by=[F("score").desc(), F("page_id").asc()],
            )
        )
        .filter(position__lte=per_kind)
        .values_list("page_id", flat=True)
    )
    return list(rows)


def gather(
    *,
    answers: Mapping[str, Sequence[str]],
    locale: Locale,
    rules: Rules = Rules(),
    now: datetime.datetime | None = None,
) -> tuple[engine.Plan, dict[int, Page], dict[int, object]]:
    """Rank content for the answers: the engine's plan, the pages in it, and their sessions."""
    models = kind_models()
    content_types = {
        ct.pk: kind
        for kind, model in models.items()
        for ct in [ContentType.objects.get_for_model(model)]
    }
    areas = tuple(answers.get("area", ()))
    neighbours = neighbours_of(areas)
    ids = set(
        ranked_page_ids(
            answers=answers, locale=locale, content_types=content_types, neighbours=neighbours
        )
    )
    pin_ids = localised_ids([rule.page_id for rule in rules.pins], locale)
    pins = tuple(
        engine.PinRule(pin_ids[rule.page_id], rule.conditions)
        for rule in rules.pins
        if rule.page_id in pin_ids
    )
    ids.update(rule.page_id for rule in pins if rule.applies(answers))

    facets: dict[int, dict[str, dict[str, bool]]] = {}
    for page_id, param, value, implied in PageFacet.objects.filter(
        page_id__in=ids, param__in=engine.WEIGHTS
    ).values_list("page_id", "param", "value", "implied"):
        facets.setdefault(page_id, {}).setdefault(param, {})[value] = implied

    pages: dict[int, Page] = {}
    kinds: dict[int, str] = {}
    # One query for every type: each type's summary comes from its own table through the
    # parent link. A pinned page of another type (a campaign page, say) is still shown.
    summaries = [F(f"{model._meta.model_name}__summary") for model in models.values()]
    for page in (
        Page.objects.filter(id__in=ids, live=True)
        .annotate(summary=Coalesce(*summaries, Value(""), output_field=TextField()))
        .only("id", "title", "url_path", "locale_id", "search_description", "content_type_id")
    ):
        pages[page.pk] = page
        kinds[page.pk] = content_types.get(page.content_type_id, "page")

    now = now or timezone.now()
    candidates = [
        engine.Candidate(
            id=page_id,
            kind=kinds[page_id],
            facets=facets.get(page_id, {}),
            priority=rules.priorities.get(page_id, 0),
        )
        for page_id in pages
    ]
    sessions: dict[int, object] = {}
    module_ids = [c.id for c in candidates if c.kind == "module"]
    if module_ids:
        try:
            session_model = apps.get_model(SESSION_MODEL)
        except LookupError:
            session_model = None
        if session_model is not None:
            for session in session_model.objects.filter(
                module_id__in=module_ids, starts_at__gte=now
            ).order_by("starts_at"):
                sessions[-session.pk] = session
                candidates.append(
                    engine.Candidate(
                        id=-session.pk,
                        kind="session",
                        facets=facets.get(session.module_id, {}),
                        priority=rules.priorities.get(session.module_id, 0),
                        starts=session.starts_at,
                        parent=session.module_id,
                    )
                )
    plan = engine.build_plan(candidates, answers, pins=pins, neighbours=neighbours, now=now)
    return plan, pages, sessions


def localised_ids(page_ids: Sequence[int], locale: Locale) -> dict[int, int]:
    """Each chosen page's live translation in ``locale`` (or itself while untranslated)."""
    if not page_ids:
        return {}
    rows = list(
        Page.objects.filter(
            Q(id__in=page_ids)
            | Q(
                locale=locale,
                live=True,
                translation_key__in=Page.objects.filter(id__in=page_ids).values("translation_key"),
            )
        ).values_list("id", "translation_key", "locale_id", "live")
    )
    by_key = {key: pk for pk, key, locale_id, live in rows if locale_id == locale.pk and live}
    keys = {pk: key for pk, key, _locale, _live in rows}
    live = {pk for pk, _key, _locale, is_live in rows if is_live}
    return {
        pk: by_key.get(keys[pk], pk)
        for pk in page_ids
        if pk in keys and (keys[pk] in by_key or pk in live)
    }


def build(
    *,
    answers: Mapping[str, Sequence[str]],
    locale: Locale,
    rules: Rules = Rules(),
    labels: Mapping[str, Mapping[str, str]],
    request=None,
    area_coverage: Mapping[str, str] | None = None,
) -> PlanResult:
    """The visitor's plan as items ready for a template or JSON."""
    plan, pages, sessions = gather(answers=answers, locale=locale, rules=rules)
    area_coverage = area_coverage or {}
    # Labels worked out once per plan rather than once per item in the template.
    kind_labels = {
        "guide": _("Guide"),
        "module": _("Training module"),
        "session": _("Training session"),
        "case-study": _("Case study"),
        "provider": _("Support provider"),
    }
    coverage_labels = {
        "local": _("Serves your borough"),
        "region": _("Covers all of Greater Manchester"),
        "national": _("National or online"),
        "nearby": _("In a neighbouring borough"),
    }

    def item(rec: engine.Recommendation) -> PlanItem:
        candidate = rec.candidate
        if candidate.kind == "session":
            session = sessions[candidate.id]
            module = pages[candidate.parent]
            return PlanItem(
                kind="session",
                kind_label=kind_labels["session"],
                id=candidate.parent,
                title=module.title,
                url=module.get_url(request) or "",
                summary=getattr(module, "summary", ""),
                reasons=engine.reasons(rec, labels),
                starts=session.starts_at,
                ends=session.ends_at,
                online=session.online,
                venue=session.venue,
                booking_url=session.booking_url,
                places_left=session.places_left,
                locale_id=module.locale_id,
            )
        page = pages[candidate.id]
        covers = (
            engine.coverage(candidate, answers, area_coverage)
            if candidate.kind == "provider"
            else ""
        )
        return PlanItem(
            kind=candidate.kind,
            kind_label=kind_labels.get(candidate.kind, _("Page")),
            id=page.pk,
            title=page.title,
            url=page.get_url(request) or "",
            summary=getattr(page, "summary", "") or page.search_description,
            reasons=engine.reasons(rec, labels),
            coverage=covers,
            coverage_label=coverage_labels.get(covers, ""),
            pinned=rec.pinned,
            locale_id=page.locale_id,
        )

    return PlanResult(
        plan=plan,
        first=[item(r) for r in plan.first],
        providers=[item(r) for r in plan.providers],
        nearby_providers=[item(r) for r in plan.nearby_providers],
        sessions=[item(r) for r in plan.sessions],
        stories=[item(r) for r in plan.stories],
    )
