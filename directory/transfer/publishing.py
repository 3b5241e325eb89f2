"""Saving imported providers: one lean publish per changed provider, or in bulk for new ones.

Both give what ``save_revision(user=...).publish(user=...)`` gives (a revision by the
importing user that is the live one, "created"/"edited" and "published" in the page history,
the facet rows, the search index and the reference index up to date) with far fewer queries,
which is what lets a file of thousands of rows import in reasonable time.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from directory.geo import centroid, normalise_postcode
from directory.models import DirectoryIndexPage, ProviderLocation, ProviderPage, ProviderPageTag
from portal.models import PageFacet

_INDEXING_LOCK = threading.Lock()
M2M_FIELDS = ("needs", "stages", "organisation_types", "areas", "sectors")


@contextmanager
def deferred_indexing():
    """Index the imported providers at the end instead of one by one on every save.

    :func:`reindex` runs inside the same transaction, so a failed import leaves the search
    and reference indexes as they were.
    """
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with _INDEXING_LOCK:
        disconnected = post_save.disconnect(post_save_signal_handler, sender=ProviderPage)
        try:
            with disable_reference_index_auto_update():
                yield
        finally:
            if disconnected:
                post_save.connect(post_save_signal_handler, sender=ProviderPage)


def reindex(page_ids: list[int]) -> None:
    """Bring the search index and the reference index up to date for these providers."""
    if not page_ids:
        return
    from wagtail.models import ReferenceIndex
    from wagtail.search.backends import get_search_backends

    pages = list(
        ProviderPage.objects.filter(pk__in=page_ids)
        .select_related("owner_organisation")
        .prefetch_related("tags")
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ProviderPage, pages)
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)


def publish_one(page: ProviderPage, *, user) -> None:
    """Save a changed provider once, record a revision by ``user`` and make it the live one."""
    now = timezone.now()
    page.live = True
    page.expired = False
    page.has_unpublished_changes = False
    page.last_published_at = now
    if page.first_published_at is None:
        page.first_published_at = now
    page.save(clean=False)
    revision = page.save_revision(user=user, changed=False, clean=False, log_action=True)
    ProviderPage.objects.filter(pk=page.pk).update(live_revision=revision)
    page.live_revision = revision
    log(instance=page, action="wagtail.publish", user=user, revision=revision)
    page_published.send(sender=ProviderPage, instance=page, revision=revision)


def _facet_rows(page: ProviderPage, tag_slugs: list[str]) -> list[PageFacet]:
    rows: dict[tuple[str, str], bool] = {}
    for param, value, implied in page.facet_values():
        key = (param, value[:100])
        rows[key] = rows.get(key, True) and implied
    for slug in tag_slugs:
        rows[("tag", slug[:100])] = False
    return [PageFacet(page_id=page.pk, param=p, value=v, implied=i) for (p, v), i in rows.items()]


def _tags_by_name(names: set[str]) -> dict[str, Tag]:
    """Existing tags by name (ignoring case), creating the missing ones in one go."""
    found = {t.name.lower(): t for t in Tag.objects.filter(name__in=names)}
    missing = sorted({n for n in names if n.lower() not in found}, key=str.lower)
    if missing:
        taken = set(Tag.objects.values_list("slug", flat=True))
        new = []
        for name in missing:
            if name.lower() in found:
                continue
            base = slugify(name)[:90] or "tag"
            slug, number = base, 2
            while slug in taken:
                slug, number = f"{base}-{number}", number + 1
            taken.add(slug)
            tag = Tag(name=name, slug=slug)
            found[name.lower()] = tag
            new.append(tag)
        Tag.objects.bulk_create(new)
        found.update({t.name.lower(): t for t in Tag.objects.filter(name__in=missing)})
    return found


def create_in_bulk(
    pages: list[ProviderPage], *, tags: list[list[str]], parent: DirectoryIndexPage, user
) -> list[int]:
    """Insert new providers (built in memory, relations set) as live pages, a few queries each
    kind rather than a few dozen per provider. Returns their ids."""
    if not pages:
        return []
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(ProviderPage)
    base_type = ContentType.objects.get_for_model(Page)
    last = parent.get_last_child()
    step = ProviderPage._str2int(last.path[-ProviderPage.steplen :]) if last else 0
    for number, page in enumerate(pages, start=1):
        page.path = ProviderPage._get_path(parent.path, parent.depth + 1, step + number)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = page_type
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now

    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    )
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.id = page.page_ptr_id = base.pk
    ProviderPage._base_manager._insert(
        pages, fields=ProviderPage._meta.local_concrete_fields, raw=True
    )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))

    for name in M2M_FIELDS:
        field = ProviderPage._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create(
            through(**{source: page.pk, target: item.pk})
            for page in pages
            for item in getattr(page, name).all()
        )
    places = []
    for page in pages:
        for order, place in enumerate(page.locations.all()):
            place.page_id, place.sort_order = page.pk, order
            place.postcode = normalise_postcode(place.postcode) or place.postcode
            place.latitude, place.longitude = centroid(place.postcode) or (None, None)
            places.append(place)
    ProviderLocation.objects.bulk_create(places)
    known = _tags_by_name({name for names in tags for name in names})
    page_tags = [[known[n.lower()] for n in names] for names in tags]
    ProviderPageTag.objects.bulk_create(
        ProviderPageTag(content_object_id=page.pk, tag_id=tag.pk)
        for page, chosen in zip(pages, page_tags, strict=True)
        for tag in chosen
    )
    PageFacet.objects.bulk_create(
        row
        for page, chosen in zip(pages, page_tags, strict=True)
        for row in _facet_rows(page, [t.slug for t in chosen])
    )

    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=page_type,
            base_content_type=base_type,
            object_id=str(page.pk),
            created_at=now,
            user=user,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    )
    for page, base, revision in zip(pages, bases, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
        base.latest_revision_id = base.live_revision_id = revision.pk
    Page.objects.bulk_update(bases, ["latest_revision", "live_revision"], batch_size=500)
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=page_type,
            label=page.title,
            action=action,
            timestamp=now,
            user=user,
            page_id=page.pk,
            revision=revision,
            content_changed=True,
        )
        for page, revision in zip(pages, revisions, strict=True)
        for action in ("wagtail.create", "wagtail.publish")
    )
    for page, revision in zip(pages, revisions, strict=True):
        page_published.send(sender=ProviderPage, instance=page, revision=revision)
    return [page.pk for page in pages]
