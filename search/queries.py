"""The site search as plain functions: which pages a query finds, in what order, with what counts.

A search runs in a fixed number of database queries whatever the number of results:

1. the search backend's whole-word pass (with synonyms: co-op, coop, cooperative ...);
2. its partial-word pass on titles, so "procure" finds "procurement" even on SQLite FTS5,
   which does no stemming;
3. (only when a word is the name of a borough, need or organisation type) the pages tagged
   with it, so "Wigan" finds providers in Wigan whatever their text says;
4. one query for the candidates' titles, summaries and types, with the facet filters applied;
5. one query for every facet count (``portal.facets.count_options``);
6. one query for the page of results (any mix of types) and one for their facet labels.

Ranking combines the backend's relevance with how many of the query's words appear in the
title (weighed most) and the summary, so title and summary count for more than body text on
every backend, including SQLite where the backend only weighs the title.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from portal import frame
from portal.facets import Group, Selection, apply_selection, build_groups, count_options
from portal.facets import parse_selection as parse_facets
from portal.fulltext import ranked_ids
from portal.listing import page_number, vocabulary_choices
from portal.models import PageFacet
from portal.vocabulary import vocabulary
from search import results as shown_as
from search import text
from search.results import KIND_PARAM, Kind, Result
from search.text import Term

logger = logging.getLogger(__name__)

#: The shared facets offered as filters on the results page.
SHARED_PARAMS = ("need", "stage", "type", "area", "sector")
#: Vocabularies whose labels are searched by name (a borough finds what is tagged with it).
NAMED_PARAMS = ("area", "type", "need")
#: Candidates considered per pass; more than anyone pages through, few enough to stay fast.
MAX_HITS = 500
PER_PAGE = 10


# Scoring weights: the title counts most, then the summary, then the backend's own relevance.
TITLE_WEIGHT = 4.0
ALL_IN_TITLE_BONUS = 4.0
EXACT_TITLE_BONUS = 6.0
SUMMARY_WEIGHT = 1.5
WORD_PASS_WEIGHT = 3.0
PREFIX_PASS_WEIGHT = 1.5
NAMED_WEIGHT = 2.0
_LOCALES_KEY = "search:locales"


@dataclass
class Outcome:
    """Everything the results page shows; the state lives in the URL."""

    query: str
    terms: list[Term]
    selection: Selection
    kinds: list[Kind]
    chosen_kinds: tuple[str, ...]
    groups: list[Group]
    page: PaginatorPage | None
    results: list[Result]
    promoted: list[Result]
    total: int
    messages: list[str] = field(default_factory=list)
    unavailable: bool = False

    @property
    def querystring(self) -> str:
        """Query, filters and content types without the page number, for pagination links."""
        pairs = [("q", self.query)] if self.query else []
        pairs += [(KIND_PARAM, k) for k in self.chosen_kinds]
        return urlencode(pairs + self.selection.items())

    @property
    def found_anything(self) -> bool:
        return bool(self.total or self.promoted)


# --- language scope ------------------------------------------------------------------------


def locales(language: str) -> tuple[Locale, Locale]:
    """The visitor's locale and the default one (English), which fills gaps in translation."""
    known = cache.get(_LOCALES_KEY)
    if known is None:
        known = {code: pk for pk, code in Locale.objects.values_list("pk", "language_code")}
        cache.set(_LOCALES_KEY, known, timeout=600)
    default_code = settings.LANGUAGE_CODE
    default = Locale(pk=known.get(default_code), language_code=default_code)
    if default.pk is None:
        default = Locale.get_default()
    if language in known and language != default_code:
        return Locale(pk=known[language], language_code=language), default
    return default, default


def visible_pages(*, active: Locale, default: Locale) -> QuerySet:
    """Live public pages in the visitor's language, plus English pages not translated into it."""
    pages = Page.objects.live().public().filter(depth__gt=1)
    if active.pk == default.pk:
        return pages.filter(locale=active)
    translated = Page.objects.live().filter(locale=active).values("translation_key")
    return pages.filter(Q(locale=active) | (Q(locale=default) & ~Q(translation_key__in=translated)))


def backend_scopes(*, active: Locale, default: Locale) -> list[tuple[str, list[int]]]:
    """Which search backend to ask about which locales.

    With Elasticsearch each language has its own index (and analyser), configured as a backend
    named after the language; the database backend holds every language in one index.
    """
    configured = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    active_code, default_code = active.language_code, default.language_code
    if active_code in configured:
        scopes = [(active_code, [active.pk])]
        if active.pk != default.pk:
            scopes.append((default_code if default_code in configured else "default", [default.pk]))
        return scopes
    return [("default", sorted({active.pk, default.pk}))]


# --- candidates ------------------------------------------------------------------------------


def word_query(query_terms: Sequence[Term], *, any_term: bool = False):
    """Every term (any of its spellings) must match; or any term when ``any_term``."""
    parts = [Or([PlainText(v) for v in term.variants]) for term in query_terms]
    if len(parts) == 1:
        return parts[0]
    return Or(parts) if any_term else And(parts)


def _ranked_pks(results) -> list[int]:
    return [obj.pk for obj in results[:MAX_HITS]]


def _search_pks(backend_name: str, query, scope) -> list[int]:
    """The backend's best matches in ``scope``; on the database backends read from the index
    directly (see portal/fulltext.py)."""
    ranked = ranked_ids(scope, query, limit=MAX_HITS, backend=backend_name)
    if ranked is not None:
        return ranked
    return _ranked_pks(get_search_backend(backend_name).search(query, scope))


def autocomplete_pks(backend_name: str, partial, scope, *, limit: int = MAX_HITS) -> list[int]:
    """Pages in ``scope`` whose words start with ``partial``, best first; on the database
    backends read from the index directly."""
    ranked = ranked_ids(scope, partial, limit=limit, backend=backend_name, autocomplete=True)
    if ranked is not None:
        return ranked
    return [obj.pk for obj in get_search_backend(backend_name).autocomplete(partial, scope)[:limit]]


def backend_candidates(
    query_terms: Sequence[Term], *, scopes: Sequence[tuple[str, list[int]]]
) -> tuple[list[int], list[int]]:
    """Page ids from the whole-word pass and the partial-word (title prefix) pass, best first."""
    words: list[int] = []
    prefixes: list[int] = []
    for backend_name, locale_ids in scopes:
        backend = get_search_backend(backend_name)
        scope = Page.objects.live().filter(locale_id__in=locale_ids).only("pk")
        words += _search_pks(backend_name, word_query(query_terms), scope)
        if hasattr(backend, "es"):
            # Elasticsearch matches every word's start through its edge n-grams.
            partial = " ".join(term.word for term in query_terms)
        else:
            partial = word_query(query_terms)
        prefixes += autocomplete_pks(backend_name, partial, scope)
    return words, prefixes


def fallback_candidates(
    query_terms: Sequence[Term], *, scopes: Sequence[tuple[str, list[int]]]
) -> list[int]:
    """Pages matching any one of several words, used only when every word together found nothing."""
    found: list[int] = []
    for backend_name, locale_ids in scopes:
        scope = Page.objects.live().filter(locale_id__in=locale_ids).only("pk")
        found += _search_pks(backend_name, word_query(query_terms, any_term=True), scope)
    return found


def named_values(query: str, query_terms: Sequence[Term], *, language: str) -> dict[str, set[str]]:
    """Vocabulary values (boroughs, needs, organisation types) the query names, by parameter."""
    spoken = {v for term in query_terms for v in term.variants}
    phrase = " ".join(text.words(query))
    found: dict[str, set[str]] = {}
    terms_by_language = [vocabulary(language)] + ([vocabulary("en")] if language != "en" else [])
    for terms in terms_by_language:
        for param in NAMED_PARAMS:
            for term in terms.get(param, ()):
                label = " ".join(text.words(term.label))
                if not label:
                    continue
                if label in spoken or (
                    len(label) > 3 and re.search(rf"(?<!\w){re.escape(label)}(?!\w)", phrase)
                ):
                    found.setdefault(param, set()).add(term.slug)
    return found


def named_candidates(named: Mapping[str, set[str]], *, scope: QuerySet) -> list[int]:
    """Pages tagged (not merely implied) with a value the query names."""
    if not named:
        return []
    condition = Q()
    for param, values in named.items():
        condition |= Q(param=param, value__in=values)
    return list(
        PageFacet.objects.filter(condition, implied=False, page__in=scope.values("pk"))
        .order_by("page_id")
        .values_list("page_id", flat=True)
        .distinct()[:MAX_HITS]
    )


# --- ranking ---------------------------------------------------------------------------------


def _pass_scores(pks: Sequence[int], weight: float) -> dict[int, float]:
    scores: dict[int, float] = {}
    total = max(len(pks), 1)
    for rank, pk in enumerate(pks):
        if pk not in scores:
            scores[pk] = weight * (1.0 + (total - rank) / total) / 2
    return scores


def score_rows(
    rows: Sequence[tuple],
    *,
    query: str,
    query_terms: Sequence[Term],
    passes: Sequence[tuple[Sequence[int], float]],
) -> list[tuple]:
    """``rows`` (pk, title, summary, ...) ordered best first."""
    per_term = [text.match_pattern([term]) for term in query_terms]
    scores: dict[int, float] = {}
    for pks, weight in passes:
        for pk, value in _pass_scores(pks, weight).items():
            scores[pk] = scores.get(pk, 0.0) + value
    wanted = " ".join(text.words(query))

    def score(row) -> float:
        pk, title, summary = row[0], row[1] or "", row[2] or ""
        in_title = sum(1 for p in per_term if p and p.search(title))
        in_summary = sum(1 for p in per_term if p and p.search(summary))
        value = scores.get(pk, 0.0) + TITLE_WEIGHT * in_title + SUMMARY_WEIGHT * in_summary
        if per_term and in_title == len(per_term):
            value += ALL_IN_TITLE_BONUS
        if wanted and " ".join(text.words(title)) == wanted:
            value += EXACT_TITLE_BONUS
        return value

    order = {pk: i for i, pk in enumerate(dict.fromkeys(pk for pks, _w in passes for pk in pks))}
    return sorted(rows, key=lambda row: (-score(row), order.get(row[0], len(order)), row[0]))


def empty_outcome(query: str, query_terms, selection: Selection, messages) -> Outcome:
    return Outcome(
        query=query,
        terms=list(query_terms),
        selection=selection,
        kinds=[],
        chosen_kinds=(),
        groups=[],
        page=None,
        results=[],
        promoted=[],
        total=0,
        messages=messages,
    )


def run_search(
    *, query: str, params: Mapping, request, language: str, per_page: int = PER_PAGE
) -> Outcome:
    """Search every page the visitor may see for ``query``, filtered by the facets in ``params``."""
    query = text.clean_query(query)
    query_terms = text.terms(query)
    choices = vocabulary_choices(SHARED_PARAMS)
    selection = parse_facets(params, allowed={p: [v for v, _l in c[1]] for p, c in choices.items()})
    messages: list[str] = []
    if selection.ignored:
        unknown = ", ".join(f"{param}={value}" for param, value in selection.ignored[:5])
        messages.append(
            _("Some filters were not recognised and were left out: %(f)s.") % {"f": unknown}
        )
    if not query_terms:
        if query:
            messages.append(_("Type a word or two with letters or numbers to search for."))
        return empty_outcome(query, query_terms, selection, messages)

    active, default = locales(language)
    visible = visible_pages(active=active, default=default)
    scopes = backend_scopes(active=active, default=default)
    try:
        # Matches only change when something is published: keep them until then.
        words, prefixes = frame.cached(
            None,
            "search-candidates",
            lambda: backend_candidates(query_terms, scopes=scopes),
            hashlib.sha256(repr((list(query_terms), scopes)).encode()).hexdigest()[:32],
        )
        named = named_values(query, query_terms, language=language)
        by_name = named_candidates(named, scope=visible)
        if not (words or prefixes or by_name) and len(query_terms) > 1:
            words = fallback_candidates(query_terms, scopes=scopes)
            if words:
                messages.append(_("No page has all of those words, so these have some of them."))
    except Exception:
        # A search server that is down must not take the page with it: say so plainly.
        logger.exception("Search backend failed for a query")
        outcome = empty_outcome(query, query_terms, selection, messages)
        outcome.unavailable = True
        return outcome

    candidates = set(words) | set(prefixes) | set(by_name)
    matching = visible.filter(pk__in=candidates)
    pattern = text.match_pattern(query_terms)

    promotions = shown_as.promotions(query, visible=visible)
    promoted_ids = {p.page_id for p in promotions}

    rows = list(
        apply_selection(matching, selection)
        .annotate(summary_text=shown_as.summary_expression())
        .values_list("pk", "title", "summary_text", "content_type_id", "locale_id")
    )
    rows = [row for row in rows if row[0] not in promoted_ids]
    rows = score_rows(
        rows,
        query=query,
        query_terms=query_terms,
        passes=[(words, WORD_PASS_WEIGHT), (prefixes, PREFIX_PASS_WEIGHT), (by_name, NAMED_WEIGHT)],
    )

    kind_by_type = {ct: shown_as.kind_of(ct) for ct in {row[3] for row in rows}}
    labels = {slug: label for slug, label in kind_by_type.values()}
    chosen_kinds, unknown_kinds = shown_as.parse_kinds(params, list(labels))
    if unknown_kinds and not selection:
        messages.append(_("There are no results of that type, so all types are shown."))
    kind_counts: dict[str, int] = {}
    for row in rows:
        slug = kind_by_type[row[3]][0]
        kind_counts[slug] = kind_counts.get(slug, 0) + 1
    if chosen_kinds:
        chosen_types = [ct for ct, (slug, _l) in kind_by_type.items() if slug in chosen_kinds]
        rows = [row for row in rows if row[3] in chosen_types]
        matching = matching.filter(content_type_id__in=chosen_types)

    counts = count_options(matching, selection, params=list(choices))
    groups = build_groups(selection, counts, choices=choices, extra={"q": query})
    if chosen_kinds:
        groups = [shown_as.with_kinds(group, chosen_kinds) for group in groups]

    paginator = Paginator(rows, per_page)
    number, problem = page_number(params.get("page"), paginator.num_pages)
    if problem:
        messages.append(problem)
    page = paginator.page(number)
    pinned = promotions if number == 1 else []
    wanted = [row[0] for row in page.object_list] + [p.page_id for p in pinned]
    pages = shown_as.result_pages(wanted)
    facets = shown_as.facet_labels(wanted, language=language)
    common = {"request": request, "pattern": pattern, "active_locale_id": active.pk}
    return Outcome(
        query=query,
        terms=list(query_terms),
        selection=selection,
        kinds=shown_as.build_kinds(
            kind_counts, labels, chosen=chosen_kinds, query=query, selection=selection
        ),
        chosen_kinds=chosen_kinds,
        groups=groups,
        page=page,
        results=[
            shown_as.make_result(pages[row[0]], facets=facets.get(row[0], []), **common)
            for row in page.object_list
            if row[0] in pages
        ],
        promoted=[
            shown_as.make_result(
                pages[p.page_id],
                facets=facets.get(p.page_id, []),
                promoted=True,
                summary=p.description or None,
                **common,
            )
            for p in pinned
            if p.page_id in pages
        ],
        total=paginator.count,
        messages=messages,
    )
