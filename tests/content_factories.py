"""Build guides, training modules and case studies for tests: one at a time the way an editor
publishes them, or hundreds at once straight into the tables (for query-count tests)."""

from __future__ import annotations

import datetime
import itertools

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from portal.models import (
    Area,
    AudienceSector,
    OrganisationType,
    PageFacet,
    Stage,
    SupportNeed,
)

_counter = itertools.count(1)

FACET_FIELDS = {
    "need": ("needs", SupportNeed),
    "stage": ("stages", Stage),
    "type": ("organisation_types", OrganisationType),
    "area": ("areas", Area),
    "sector": ("sectors", AudienceSector),
}

GUIDE_BODY = [
    ("heading", {"text": "Why it matters", "level": "h2", "anchor": ""}),
    ("paragraph", "<p>Local spending keeps money in the community.</p>"),
    ("heading", {"text": "What to do", "level": "h2", "anchor": ""}),
    ("checklist", {"heading": "Before you start", "items": ["Read the rules", "Ask a buyer"]}),
]


def terms(model, slugs):
    return list(model.objects.filter(slug__in=slugs, locale__language_code="en"))


def _publish(parent: Page, page: Page, facets: dict, tags=()) -> Page:
    for param, slugs in facets.items():
        field, model = FACET_FIELDS[param]
        getattr(page, field).set(terms(model, slugs))
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_guide(index, *, title=None, tags=(), body=None, **facets_and_fields):
    from guides.models import GuidePage

    n = next(_counter)
    facets = {k: facets_and_fields.pop(k) for k in list(facets_and_fields) if k in FACET_FIELDS}
    page = GuidePage(
        title=title or f"Guide {n}",
        slug=f"guide-{n}",
        summary=facets_and_fields.pop("summary", "A short guide used in tests."),
        body=body if body is not None else GUIDE_BODY,
        **facets_and_fields,
    )
    return _publish(index, page, facets, tags)


def make_module(index, *, title=None, sessions=(), tags=(), **facets_and_fields):
    """A published module; ``sessions`` are (days from now, online) pairs."""
    from guides.models import TrainingModulePage, TrainingSession

    n = next(_counter)
    facets = {k: facets_and_fields.pop(k) for k in list(facets_and_fields) if k in FACET_FIELDS}
    page = TrainingModulePage(
        title=title or f"Module {n}",
        slug=f"module-{n}",
        summary=facets_and_fields.pop("summary", "A module used in tests."),
        duration_minutes=facets_and_fields.pop("duration_minutes", 120),
        outcomes=[("outcome", "Write a social value statement")],
        lessons=[
            (
                "lesson",
                {
                    "title": "What counts",
                    "anchor": "",
                    "minutes": 30,
                    "summary": "",
                    "content": "<p>Jobs and local spend.</p>",
                },
            )
        ],
        **facets_and_fields,
    )
    now = timezone.now()
    page.sessions = [
        TrainingSession(
            starts_at=now + datetime.timedelta(days=days),
            ends_at=now + datetime.timedelta(days=days, hours=2),
            online=online,
            venue="" if online else "Demo Hall, 1 Example Street, Wigan WN1 0ZZ",
            booking_url="https://booking.example.org/test",
            places_left=5,
        )
        for days, online in sessions
    ]
    return _publish(index, page, facets, tags)


def make_case_study(
    index,
    *,
    title=None,
    need=(),
    stage=None,
    type=None,
    area=None,
    sector=None,
    tags=(),
    impact=(),
    **fields,
):
    from casestudies.models import CaseStudyPage, ImpactMeasure

    n = next(_counter)
    page = CaseStudyPage(
        title=title or f"Case study {n}",
        slug=f"case-study-{n}",
        organisation_name=fields.pop("organisation_name", f"Test Co-op {n} (demo)"),
        summary=fields.pop("summary", "A story used in tests."),
        challenge=fields.pop("challenge", "<p>They needed money.</p>"),
        approach=fields.pop("approach", [("paragraph", "<p>They sold shares.</p>")]),
        results=fields.pop("results", "<p>They opened.</p>"),
        stage=terms(Stage, [stage])[0] if stage else None,
        organisation_type=terms(OrganisationType, [type])[0] if type else None,
        borough=terms(Area, [area])[0] if area else None,
        sector=terms(AudienceSector, [sector])[0] if sector else None,
        **fields,
    )
    page.impact_measures = [
        ImpactMeasure(measure=m, value=v, unit=u, sort_order=i)
        for i, (m, v, u) in enumerate(impact)
    ]
    page.needs.set(terms(SupportNeed, need))
    if tags:
        page.tags.add(*tags)
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _insert_child_rows(model, objects) -> None:
    """Insert the model's own table rows for pages whose base rows exist (no bulk_create for
    multi-table models in Django)."""
    fields = list(model._meta.local_concrete_fields)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def bulk_pages(parent, model, count: int, *, facets=None, make=None) -> list[int]:
    """``count`` live pages of ``model`` under ``parent`` in a handful of queries.

    ``facets`` is a function (i) -> {param: [values]} written straight to the facet index;
    ``make`` is a function (i) -> dict of the model's own field values.
    """
    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    start = parent.numchild
    now = timezone.now()
    base = []
    for i in range(count):
        step = start + i + 1
        slug = f"{model._meta.model_name}-bulk-{step}"
        base.append(
            Page(
                path=Page._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                title=f"Bulk {model._meta.verbose_name} {step}",
                slug=slug,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    created = Page.objects.bulk_create(base)
    if not created or created[0].pk is None:  # backends that do not return ids
        created = list(Page.objects.filter(path__in=[p.path for p in base]).order_by("path"))
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    children = []
    for i, page in enumerate(created):
        child = model(page_ptr_id=page.pk, **(make(i) if make else {}))
        children.append(child)
    _insert_child_rows(model, children)
    if facets:
        PageFacet.objects.bulk_create(
            PageFacet(page_id=page.pk, param=param, value=value)
            for i, page in enumerate(created)
            for param, values in facets(i).items()
            for value in values
        )
    return [page.pk for page in created]
