"""Helpers that build directory providers for the directory tests, and a check of them.

``make_provider`` goes through the real save, revision and publish steps. ``bulk_providers``
inserts many live providers with their facet rows in a handful of queries, for the tests that
compare query counts with few and many providers.
"""

from __future__ import annotations

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from directory.models import DirectoryIndexPage, ProviderLocation, ProviderNeedNote, ProviderPage
from portal.models import Area, OrganisationType, PageFacet, Stage, SupportNeed


def directory_index() -> DirectoryIndexPage:
    return DirectoryIndexPage.objects.get(locale__language_code="en")


def _terms(model, slugs):
    return list(model.objects.filter(locale__language_code="en", slug__in=slugs))


def make_provider(
    title: str,
    *,
    needs=("funding",),
    stages=("starting",),
    types=("co-operative",),
    areas=("manchester",),
    in_person=True,
    online=False,
    phone_support=False,
    cost="free",
    languages="en",
    postcode="M1 1AE",
    tags=(),
    user=None,
    **fields,
) -> ProviderPage:
    index = directory_index()
    fields.setdefault("summary", f"{title} helps social businesses.")
    page = ProviderPage(
        title=title,
        in_person=in_person,
        online=online,
        phone_support=phone_support,
        cost=cost,
        languages=languages,
        **fields,
    )
    page.needs.set(_terms(SupportNeed, needs))
    page.stages.set(_terms(Stage, stages))
    page.organisation_types.set(_terms(OrganisationType, types))
    page.areas.set(_terms(Area, areas))
    if postcode:
        page.locations = [
            ProviderLocation(address_1="1 Example Street", town="Manchester", postcode=postcode)
        ]
    if needs:
        page.need_notes = [
            ProviderNeedNote(need=_terms(SupportNeed, needs[:1])[0], note="Small grants")
        ]
    if tags:
        page.tags.add(*tags)
    index.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    return page


def bulk_providers(count: int, *, prefix: str = "Bulk", needs=("funding",), areas=("bolton",)):
    """``count`` live providers under the directory, inserted in bulk (no search index rows)."""
    index = directory_index()
    content_type = ContentType.objects.get_for_model(ProviderPage)
    last = index.get_last_child()
    step = ProviderPage._str2int(last.path[-ProviderPage.steplen :]) if last else 0
    now = timezone.now()
    bases = []
    for number in range(count):
        slug = f"{prefix.lower()}-{number}-{uuid.uuid4().hex[:6]}"
        bases.append(
            Page(
                title=f"{prefix} provider {number}",
                draft_title=f"{prefix} provider {number}",
                slug=slug,
                path=ProviderPage._get_path(index.path, index.depth + 1, step + number + 1),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                locale_id=index.locale_id,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(bases)
    bases = list(Page.objects.filter(path__in=[b.path for b in bases]).order_by("path"))
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    children = []
    for base in bases:
        child = ProviderPage(page_ptr_id=base.pk, summary=f"{base.title} summary.", cost="paid")
        child.__dict__.update({f.attname: getattr(base, f.attname) for f in Page._meta.fields})
        child.uuid = uuid.uuid4()
        child.last_reviewed = datetime.date.today()
        children.append(child)
    ProviderPage._base_manager._insert(
        children, fields=ProviderPage._meta.local_concrete_fields, raw=True
    )
    need_terms = _terms(SupportNeed, needs)
    area_terms = _terms(Area, areas)
    ProviderPage.needs.through.objects.bulk_create(
        ProviderPage.needs.through(providerpage_id=c.pk, supportneed_id=t.pk)
        for c in children
        for t in need_terms
    )
    ProviderPage.areas.through.objects.bulk_create(
        ProviderPage.areas.through(providerpage_id=c.pk, area_id=t.pk)
        for c in children
        for t in area_terms
    )
    rows = []
    for child in children:
        rows += [PageFacet(page_id=child.pk, param="need", value=t.slug) for t in need_terms]
        rows += [PageFacet(page_id=child.pk, param="area", value=t.slug) for t in area_terms]
        rows.append(PageFacet(page_id=child.pk, param="cost", value="paid"))
        rows.append(PageFacet(page_id=child.pk, param="lang", value="en"))
    PageFacet.objects.bulk_create(rows)
    return children


def test_bulk_providers_are_live_pages_in_the_directory(db):
    made = bulk_providers(3, prefix="Check")
    live = ProviderPage.objects.live().descendant_of(directory_index())
    assert {p.pk for p in made} <= set(live.values_list("pk", flat=True))
    assert Page.objects.get(pk=made[0].pk).specific.summary == "Check provider 0 summary."
