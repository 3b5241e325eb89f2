"""One way to build a filtered, counted, paginated listing of pages from the request's query string.

Every index page (guides, training, case studies, the directory) calls :func:`build_listing`
from its ``get_context`` and renders ``components/listing_filters.html`` and
``components/pagination.html``; the state lives entirely in the URL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal.facets import (
    Group,
    Selection,
    apply_selection,
    build_groups,
    count_options,
    parse_selection,
)
from portal.models import PageFacet
from portal.vocabulary import vocabulary

#: Headings of the shared facets, in the order filters are shown.
VOCABULARY_HEADINGS = {
    "need": gettext_noop("Support need"),
    "stage": gettext_noop("Stage"),
    "type": gettext_noop("Organisation type"),
    "area": gettext_noop("Area"),
    "sector": gettext_noop("Audience sector"),
}
MAX_TAG_OPTIONS = 30


@dataclass
class Listing:
    selection: Selection
    groups: list[Group]
    page: PaginatorPage
    total: int
    messages: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    #: The search backend failed: the page says so and is served as 503, never cached.
    unavailable: bool = False

    @property
    def querystring(self) -> str:
        """The current filters (and extra state) without the page number, for pagination links."""
        return self.selection.querystring(**self.extra)


def vocabulary_choices(params: Sequence[str]) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    terms = vocabulary()
    return {
        param: (_(VOCABULARY_HEADINGS[param]), [(t.slug, t.label) for t in terms[param]])
        for param in params
    }


def tag_choices(queryset: QuerySet) -> list[tuple[str, str]]:
    """The most used topic tags among ``queryset``'s pages."""
    from taggit.models import Tag

    slugs = list(
        PageFacet.objects.filter(param="tag", page_id__in=queryset.values("pk"))
        .values("value")
        .annotate(n=Count("page_id"))
        .order_by("-n", "value")
        .values_list("value", flat=True)[:MAX_TAG_OPTIONS]
    )
    names = dict(Tag.objects.filter(slug__in=slugs).values_list("slug", "name"))
    return sorted(((slug, names.get(slug, slug)) for slug in slugs), key=lambda pair: pair[1])


def page_number(raw: str | None, num_pages: int) -> tuple[int, str | None]:
    """A valid page number for ``raw``, and a message when it had to be changed."""
    try:
        number = int(raw or 1)
    except (TypeError, ValueError):
        return 1, _("That page number was not understood, so this is the first page.")
    if number < 1:
        return 1, None
    if number > num_pages:
        return num_pages, _("There are only %(n)d pages, so this is the last one.") % {
            "n": num_pages
        }
    return number, None


def build_listing(
    request,
    queryset: QuerySet,
    *,
    choices: Mapping[str, tuple[str, Sequence[tuple[str, str]]]],
    per_page: int = 12,
    extra: Mapping[str, str] | None = None,
) -> Listing:
    """Filter ``queryset`` by the facets in ``request.GET``, count every option, paginate.

    ``choices`` maps each parameter to (heading, [(value, label), ...]); use
    :func:`vocabulary_choices` for the shared facets and add app-specific ones (``tag``,
    ``mode``, ``cost`` ...). ``queryset`` should already be ordered.
    """
    selection = parse_selection(
        request.GET, allowed={p: [v for v, _l in c[1]] for p, c in choices.items()}
    )
    counts = count_options(queryset, selection, params=list(choices))
    results = apply_selection(queryset, selection)
    paginator = Paginator(results, per_page)
    messages = []
    if selection.ignored:
        unknown = ", ".join(f"{param}={value}" for param, value in selection.ignored[:5])
        messages.append(
            _("Some filters were not recognised and were left out: %(f)s.") % {"f": unknown}
        )
    number, problem = page_number(request.GET.get("page"), paginator.num_pages)
    if problem:
        messages.append(problem)
    extra = {k: v for k, v in (extra or {}).items() if v}
    return Listing(
        selection=selection,
        groups=build_groups(selection, counts, choices=choices, extra=extra),
        page=paginator.page(number),
        total=paginator.count,
        messages=messages,
        extra=extra,
    )
