"""Queries behind the directory: the filtered list, a provider's page and its related content."""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import F, Func, IntegerField, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from directory.languages import LANGUAGES
from directory.models import Cost, DeliveryMode, ProviderPage
from portal import frame
from portal.fulltext import ranked_ids
from portal.listing import Listing, build_listing, vocabulary_choices
from portal.locales import descendants_with_fallback
from portal.models import PageFacet
from portal.vocabulary import labels

logger = logging.getLogger(__name__)

#: The facets the directory filters by, in the order they are shown.
DIRECTORY_PARAMS = ("need", "stage", "type", "area", "mode", "cost", "lang")
#: Best-match search keeps this many top results; enough for anyone reading a list.
MAX_SEARCH_RESULTS = 1000
MAX_QUERY_LENGTH = 200
PER_PAGE = 20


def directory_choices() -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """Every filter of the directory with its heading and (value, label) pairs."""
    choices = vocabulary_choices(["need", "stage", "type", "area"])
    choices["mode"] = (_("How they work"), [(m.value, str(m.label)) for m in DeliveryMode])
    choices["cost"] = (_("Cost"), [(c.value, str(c.label)) for c in Cost])
    choices["lang"] = (_("Languages spoken"), list(LANGUAGES.items()))
    return choices


def clean_query(raw: str | None) -> str:
    """A search query safe to hand to the search backend: printable, single-spaced, bounded."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def providers_in(index: Page | None = None, *, locale: Locale | None = None) -> QuerySet:
    """Live providers under ``index`` (or anywhere in ``locale``).

    Under a translated directory, English providers not yet translated are included.
    """
    queryset = ProviderPage.objects.live()
    if index is not None:
        queryset = descendants_with_fallback(queryset, index)
    elif locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def search_ids(queryset: QuerySet, query: str, *, limit: int = MAX_SEARCH_RESULTS) -> list[int]:
    """Ids of the providers in ``queryset`` matching ``query``, best match first.

    ``queryset`` may only be filtered on the page's search filter fields (live, path, locale),
    so the same call works with the database backend and with Elasticsearch. On PostgreSQL
    and SQLite the index is read directly (see portal/fulltext.py).
    """

    def find() -> list[int]:
        ranked = ranked_ids(queryset, query, operator="and", limit=limit)
        if ranked is not None:
            return ranked
        results = queryset.only("pk").search(query, operator="and", order_by_relevance=True)
        return [page.pk for page in results[:limit]]

    # Results only change when something is published, which starts a new cache version.
    digest = hashlib.sha256(f"{queryset.query}|{query}|{limit}".encode()).hexdigest()[:32]
    return frame.cached(None, "provider-search", find, digest)


class _Position(Func):
    """Where a row's id comes in a list of ids, as one SQL parameter.

    A CASE with a branch per id costs Django about 0.2 ms per id to build and compile (200 ms
    for a thousand results); this is one expression whatever the number of ids.
    """

    output_field = IntegerField()

    def __init__(self, ids: list[int]):
        self.ids = [int(pk) for pk in ids]
        super().__init__(F("pk"))

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        text = "," + ",".join(map(str, self.ids)) + ","
        return f"INSTR(%s, ',' || {column} || ',')", [text, *params]

    def as_postgresql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        return f"array_position(%s::bigint[], {column}::bigint)", [self.ids, *params]


def _ordered(queryset: QuerySet, ids: list[int]) -> QuerySet:
    return queryset.filter(pk__in=ids).annotate(match_rank=_Position(ids)).order_by("match_rank")


@dataclass
class ResultCard:
    """What the list shows about one provider, worked out without a query per result."""

    page: ProviderPage
    needs: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    cost: str = ""
    #: "All of Greater Manchester" or "National" when the provider serves everywhere.
    reach: str = ""


def result_cards(pages: list[ProviderPage]) -> list[ResultCard]:
    """Cards for a page of results, from one query on the facet table."""
    rows = PageFacet.objects.filter(
        page_id__in=[p.pk for p in pages],
        param__in=("need", "area", "mode", "cost", "lang"),
        implied=False,
    ).values_list("page_id", "param", "value")
    chosen: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for page_id, param, value in rows:
        chosen[page_id][param].append(value)
    need_labels, area_labels = labels("need"), labels("area")
    mode_labels = {m.value: str(m.label) for m in DeliveryMode}
    cost_labels = {c.value: str(c.label) for c in Cost}
    reach_labels = {"gm-wide": _("Serves all of Greater Manchester"), "national": _("National")}
    cards = []
    for page in pages:
        facets = chosen.get(page.pk, {})
        areas = facets.get("area", [])
        reach = next((reach_labels[a] for a in ("gm-wide", "national") if a in areas), "")
        cards.append(
            ResultCard(
                page=page,
                needs=sorted(need_labels.get(v, v) for v in facets.get("need", [])),
                areas=sorted(area_labels.get(v, v) for v in areas),
                modes=[mode_labels[m] for m in mode_labels if m in facets.get("mode", [])],
                languages=[LANGUAGES.get(v, v) for v in facets.get("lang", []) if v != "en"],
                cost=next((cost_labels.get(v, v) for v in facets.get("cost", [])), ""),
                reach=reach,
            )
        )
    return cards


def provider_listing(*, request, index: Page) -> Listing:
    """The directory list for ``request.GET``: filters with counts, search, sort and a page."""
    query = clean_query(request.GET.get("q"))
    base = providers_in(index)
    sort = request.GET.get("sort", "")
    unavailable = False
    if query:
        try:
            ids = search_ids(base, query)
        except Exception:  # a search server that is down must not take the directory with it
            logger.exception("Search backend failed for a directory query")
            ids, unavailable = [], True
        queryset = _ordered(base, ids) if sort != "name" else base.filter(pk__in=ids)
        sort = sort if sort == "name" else "relevance"
    else:
        queryset = base
        sort = "name"
    if sort == "name":
        queryset = queryset.order_by("title", "pk")
    choices = directory_choices()
    listing = build_listing(
        request,
        queryset,
        choices=choices,
        per_page=PER_PAGE,
        extra={"q": query, "sort": sort if query else ""},
    )
    # Forty languages would bury the other filters; show those someone speaks or has chosen.
    for position, group in enumerate(listing.groups):
        if group.param == "lang":
            options = tuple(o for o in group.options if o.count or o.selected)
            listing.groups[position] = type(group)(group.param, group.label, options)
    if unavailable:
        listing.unavailable = True
        listing.messages.insert(
            0,
            _(
                "Search is not available right now. Please try again in a few minutes, "
                "or browse the sections from the menu."
            ),
        )
    listing.query = query
    listing.sort = sort
    listing.cards = result_cards(list(listing.page.object_list))
    return listing


# -- A provider's own page ------------------------------------------------------------------


def _model(label: str):
    """A model of another app by "app.Model", or None while that app does not define it."""
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - any missing field means "not available yet"
        return False
    return True


def owned_guides(*, page: ProviderPage, limit: int = 10) -> list[Page]:
    """Live guides and modules owned by the same partner organisation as the provider."""
    if not page.owner_organisation_id:
        return []
    found: list[Page] = []
    for label in ("guides.GuidePage", "guides.TrainingModulePage"):
        model = _model(label)
        if model is None or not _has_field(model, "owner_organisation"):
            continue
        found.extend(
            model.objects.live()
            .filter(owner_organisation_id=page.owner_organisation_id, locale_id=page.locale_id)
            .order_by("title")[:limit]
        )
    return found[:limit]


def trained_modules(*, page: ProviderPage, limit: int = 10) -> list[Page]:
    """Live training modules this provider delivers (the modules' trainer field)."""
    model = _model("guides.TrainingModulePage")
    if model is None:
        return []
    for candidate in model._meta.get_fields():
        if (
            candidate.is_relation
            and not candidate.auto_created
            and candidate.many_to_one
            and candidate.related_model is ProviderPage
        ):
            return list(
                model.objects.live().filter(**{candidate.name: page}).order_by("title")[:limit]
            )
    return []


def helped_case_studies(*, page: ProviderPage, limit: int = 10) -> list[Page]:
    """Live case studies that name this provider among those that helped."""
    model = _model("casestudies.CaseStudyPage")
    if model is None or not hasattr(page, "case_studies"):
        return []
    related = page.case_studies.all()
    if related.model is not model:
        return []
    return list(related.filter(live=True).order_by("title")[:limit])


def _provider_related(page: ProviderPage) -> dict:
    """What a provider's page shows from other tables, to be cached until content changes."""
    need_notes = {note.need_id: note.note for note in page.need_notes.all()}
    return {
        "needs_with_notes": [(need, need_notes.get(need.pk, "")) for need in page.needs.all()],
        "stages": list(page.stages.all()),
        "organisation_types": list(page.organisation_types.all()),
        "areas": list(page.areas.all()),
        "locations": list(page.locations.all()),
        "tags": list(page.tags.all()),
        "owner_organisation": page.owner_organisation,
        "breadcrumbs": list(page.get_ancestors()[1:]),
        "owned_guides": owned_guides(page=page),
        "trained_modules": trained_modules(page=page),
        "case_studies": helped_case_studies(page=page),
    }


def provider_detail(*, page: ProviderPage, request) -> dict:
    """Everything a provider's page shows besides its own fields.

    The related content is cached (see portal/frame.py) until anything is published. The
    problem-report form is not on this page: it is on its own address (``report/``), so this
    page sets no CSRF cookie and can be shared by the anonymous page cache.
    """
    related = frame.cached(
        request,
        "provider",
        lambda: _provider_related(page),
        page.pk,
        translation.get_language() or "",
    )
    return {
        **related,
        "modes": [str(DeliveryMode(m).label) for m in page.delivery_modes],
        "languages": [LANGUAGES[code] for code in page.language_codes],
        "reported": request.GET.get("reported") == "1",
    }
