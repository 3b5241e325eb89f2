"""What one search result shows, for any page type, fetched in a fixed number of queries.

Summaries and review dates are read from whichever page type a result is (every type with a
``summary`` or ``last_reviewed`` field), in the same query as the base page, so a page of
results costs one query however many types it mixes.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache as shared_cache
from django.db.models import DateField, F, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, get_page_models

from portal.facets import Group, Selection
from portal.models import PageFacet
from portal.vocabulary import vocabulary
from search import text

#: The URL parameter of the content-type filter (``type`` is the organisation type).
KIND_PARAM = "kind"
#: The facets shown under each result.
RESULT_FACETS = (("need", "Support need"), ("area", "Area"), ("stage", "Stage"))
_PROMOTED_KEY = "search:promoted-queries"


@dataclass(frozen=True)
class Kind:
    """A content type among the results, with its count and the link that filters by it."""

    slug: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Result:
    page: Page
    url: str
    kind: str
    title: SafeString
    summary: SafeString
    facets: list[tuple[str, list[str]]]
    last_reviewed: datetime.date | None
    #: The language code of a page shown because it has no translation in the visitor's language.
    fallback_language: str | None = None
    promoted: bool = False


# --- any page type's fields as one column ----------------------------------------------------


@cache
def _lookups(field_name: str, field_types: tuple[type, ...]) -> tuple[str, ...]:
    lookups = []
    for model in get_page_models():
        if model is Page or Page not in model._meta.parents:
            continue
        field = next((f for f in model._meta.concrete_fields if f.name == field_name), None)
        if isinstance(field, field_types) and field.model is model:
            lookups.append(f"{model._meta.model_name}__{field_name}")
    return tuple(lookups)


def summary_expression():
    """Each page type's ``summary``, else the page's search description, as one column."""
    from django.db.models import CharField

    lookups = _lookups("summary", (CharField, TextField))
    return Coalesce(*lookups, "search_description") if lookups else F("search_description")


def reviewed_expression():
    """Each page type's ``last_reviewed`` date as one column (empty for types without one)."""
    lookups = _lookups("last_reviewed", (DateField,))
    if not lookups:
        return Value(None, output_field=DateField())
    if len(lookups) == 1:
        return F(lookups[0])
    return Coalesce(*lookups, output_field=DateField())


# --- content types ---------------------------------------------------------------------------


def _without_page(name: str) -> str:
    return name[: -len(" page")] if name.endswith(" page") and name != "page" else name


def kind_of(content_type_id: int) -> tuple[str, str]:
    """(slug, label) of a content type: GuidePage -> ("guide", "Guide").

    The slug comes from the English name so filter links are the same in every language.
    """
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return "page", capfirst(_("page"))
    with translation.override("en"):
        slug = slugify(_without_page(str(model._meta.verbose_name)))
    return slug, capfirst(_without_page(str(model._meta.verbose_name)))


def parse_kinds(params: Mapping, known: Sequence[str]) -> tuple[tuple[str, ...], list[str]]:
    """The content types chosen in the URL, and any that were not understood."""
    raw = params.getlist(KIND_PARAM) if hasattr(params, "getlist") else params.get(KIND_PARAM, [])
    chosen, unknown = [], []
    for value in raw[:20]:
        value = value.strip().lower()[:60]
        if value and value not in chosen:
            (chosen if value in known else unknown).append(value)
    return tuple(chosen), unknown


def build_kinds(
    counts: Mapping[str, int],
    labels: Mapping[str, str],
    *,
    chosen: Sequence[str],
    query: str,
    selection: Selection,
) -> list[Kind]:
    """One entry per content type found, most results first, each linking to its filter."""
    kinds = []
    for slug in sorted(labels, key=lambda s: (-counts.get(s, 0), labels[s])):
        toggled = [k for k in chosen if k != slug] if slug in chosen else [*chosen, slug]
        state = [("q", query)] + [(KIND_PARAM, k) for k in toggled]
        kinds.append(
            Kind(
                slug=slug,
                label=labels[slug],
                count=counts.get(slug, 0),
                selected=slug in chosen,
                url="?" + urlencode(state + selection.items()),
            )
        )
    return kinds


def with_kinds(group: Group, kinds: Sequence[str]) -> Group:
    """A facet group whose links keep the chosen content types."""
    suffix = "&" + urlencode([(KIND_PARAM, k) for k in kinds])
    options = tuple(
        type(option)(
            value=option.value,
            label=option.label,
            count=option.count,
            selected=option.selected,
            url=option.url + suffix,
        )
        for option in group.options
    )
    return Group(param=group.param, label=group.label, options=options)


# --- results ---------------------------------------------------------------------------------


def result_pages(pks: Sequence[int]) -> dict[int, Page]:
    """Base pages for ``pks`` with their summary and review date, in one query."""
    pages = (
        Page.objects.filter(pk__in=pks)
        .select_related("locale")
        .annotate(summary_text=summary_expression(), reviewed=reviewed_expression())
    )
    return {page.pk: page for page in pages}


def facet_labels(pks: Sequence[int], *, language: str) -> dict[int, list[tuple[str, list[str]]]]:
    """The need, area and stage labels of each page, from one query."""
    params = [param for param, _heading in RESULT_FACETS]
    rows = PageFacet.objects.filter(page_id__in=pks, param__in=params, implied=False).values_list(
        "page_id", "param", "value"
    )
    terms = vocabulary(language)
    names = {param: {t.slug: t.label for t in terms.get(param, ())} for param in params}
    found: dict[int, dict[str, list[str]]] = {}
    for page_id, param, value in rows:
        label = names[param].get(value)
        if label:
            found.setdefault(page_id, {}).setdefault(param, []).append(label)
    return {
        pk: [(_(heading), sorted(found[pk][p])) for p, heading in RESULT_FACETS if p in found[pk]]
        for pk in found
    }


def make_result(
    page: Page,
    *,
    request,
    pattern,
    facets,
    active_locale_id: int,
    promoted: bool = False,
    summary: str | None = None,
) -> Result:
    return Result(
        page=page,
        url=page.get_url(request) or "",
        kind=kind_of(page.content_type_id)[1],
        title=text.highlight(page.title, pattern),
        summary=text.highlight(
            text.shorten(summary or getattr(page, "summary_text", "") or ""), pattern
        ),
        facets=facets,
        last_reviewed=getattr(page, "reviewed", None),
        fallback_language=page.locale.language_code if page.locale_id != active_locale_id else None,
        promoted=promoted,
    )


# --- promotions ------------------------------------------------------------------------------


def _promoted_queries() -> frozenset[str]:
    """Every query string that has a promotion, cached until a promotion changes."""
    value = shared_cache.get(_PROMOTED_KEY)
    if value is None:
        from wagtail.contrib.search_promotions.models import SearchPromotion

        value = frozenset(
            SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()
        )
        shared_cache.set(_PROMOTED_KEY, value, timeout=None)
    return value


def _forget_promotions(**_kwargs) -> None:
    shared_cache.delete(_PROMOTED_KEY)


def promotions(query: str, *, visible: QuerySet) -> list:
    """Search promotions that hub staff pinned for this query, in their order."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    key = normalise_query_string(query)
    if not key or key not in _promoted_queries():
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=key, page__in=visible.values("pk"))
        .filter(~Q(page=None))
        .select_related("page")
        .order_by("sort_order", "pk")
    )


def connect_signals() -> None:
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    for model in (SearchPromotion, Query):
        uid = f"search-promotions-{model.__name__}"
        post_save.connect(_forget_promotions, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_forget_promotions, sender=model, dispatch_uid=f"{uid}-delete")
