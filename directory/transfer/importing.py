"""Import providers from CSV: a dry run that explains every row, then an all-or-nothing apply.

Rows are matched to providers by ``external_id`` (upsert), so importing the same file twice
changes nothing the second time. Rows that would change nothing are skipped without a new
revision. Every change is a published revision attributed to the importing user. Nothing is
removed unless ``delete_missing`` is asked for, and then providers are unpublished (they stay
in the admin with their history) rather than destroyed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale

from directory.geo import normalise_postcode
from directory.models import DirectoryIndexPage, ProviderLocation, ProviderPage
from directory.transfer.columns import (
    COLUMNS,
    EXPORT_ONLY,
    REQUIRED_COLUMNS,
)
from directory.transfer.publishing import create_in_bulk, deferred_indexing, publish_one, reindex
from directory.transfer.reading import (
    MODES,
    VOCABULARY_COLUMNS,
    ImportFileError,
    load_context,
    read_csv,
    split_cell,
    validate_row,
)

COMPARED = [c for c in COLUMNS if c not in EXPORT_ONLY]


@dataclass
class RowResult:
    line: int
    external_id: str
    name: str
    action: str  # create, update, unchanged, reject, withdraw
    reasons: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict, repr=False)


@dataclass
class ImportReport:
    rows: list[RowResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    applied: bool = False

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def summary(self) -> dict[str, int]:
        return {
            action: self.count(action)
            for action in ("create", "update", "unchanged", "reject", "withdraw")
        }

    @property
    def has_rejections(self) -> bool:
        return any(row.action == "reject" for row in self.rows)


def _description_html(text: str) -> str:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _changed_columns(values: dict[str, str], columns: set[str], before: dict[str, str]) -> list:
    """Columns whose value differs from the provider's current export."""
    changed = []
    for column in COMPARED:
        if column not in columns or column == "external_id":
            continue
        new, old = values.get(column, ""), before.get(column, "")
        if column in (*VOCABULARY_COLUMNS, "modes", "languages", "tags"):
            new_set = {v.lower() for v in split_cell(new)}
            old_set = {v.lower() for v in split_cell(old)}
            if new_set != old_set:
                changed.append(column)
        elif column == "postcode":
            if normalise_postcode(new) != normalise_postcode(old):
                changed.append(column)
        elif column == "last_reviewed":
            if new and new != old:
                changed.append(column)
        elif new.strip() != old.strip():
            changed.append(column)
    return changed


def plan(data: bytes | str, *, delete_missing: bool = False) -> ImportReport:
    """The dry run: what each row would do and why, changing nothing."""
    report = ImportReport()
    columns, rows = read_csv(data)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ImportFileError(
            f"The file has no {', '.join(missing)} column. The first row must name the "
            f"columns; download an export to see them."
        )
    unknown = [c for c in columns if c and c not in COLUMNS]
    if unknown:
        report.warnings.append(
            f"These columns are not used and were ignored: {', '.join(unknown)}."
        )
    duplicates = [c for c in set(columns) if c and columns.count(c) > 1]
    if duplicates:
        raise ImportFileError(f"These columns appear twice: {', '.join(sorted(duplicates))}.")
    present = set(columns) - set(EXPORT_ONLY)
    if not rows:
        report.warnings.append("The file has a header but no rows.")
    ctx = load_context()
    seen: dict[str, int] = {}
    for line, values in rows:
        external_id = values.get("external_id", "")
        clean, reasons = validate_row(values, present, ctx)
        if external_id in seen:
            reasons.append(f"external_id {external_id!r} is also on line {seen[external_id]}.")
        elif external_id:
            seen[external_id] = line
        existing = ctx.existing.get(external_id)
        if existing is None and not values.get("summary") and not reasons:
            reasons.append("Missing summary (needed for a new provider).")
        result = RowResult(
            line=line,
            external_id=external_id,
            name=values.get("name", ""),
            action="reject",
            reasons=reasons,
            values=clean,
        )
        if not reasons:
            if existing is None:
                result.action = "create"
            else:
                before = ctx.exported.get(external_id)
                changed = (
                    _changed_columns(values, present, before)
                    if before is not None
                    else ["(not published)"]
                )
                result.action = "update" if changed else "unchanged"
                result.changed = changed
        report.rows.append(result)
    if delete_missing:
        for external_id, page in sorted(ctx.existing.items()):
            if external_id not in seen and page.live:
                report.rows.append(
                    RowResult(
                        line=0,
                        external_id=external_id,
                        name=page.title,
                        action="withdraw",
                        reasons=["Not in the file; will be unpublished."],
                    )
                )
    return report


def _apply_values(page: ProviderPage, clean: dict) -> None:
    for name in (
        "summary",
        "cost_note",
        "phone",
        "eligibility",
        "accessibility",
        "email",
        "website",
        "opening_hours",
        "cost",
        "languages",
        "last_reviewed",
    ):
        if name in clean:
            setattr(page, name, clean[name])
    if "name" in clean:
        page.title = clean["name"]
    if "description" in clean:
        page.description = _description_html(clean["description"])
    if "owner_organisation" in clean:
        page.owner_organisation = clean["owner_organisation"]
    if "modes" in clean:
        for mode, attribute in MODES.items():
            setattr(page, attribute, mode in clean["modes"])
    field_names = {
        "needs": "needs",
        "stages": "stages",
        "organisation_types": "organisation_types",
        "areas": "areas",
        "sectors": "sectors",
    }
    for column, attribute in field_names.items():
        if column in clean:
            getattr(page, attribute).set(clean[column])
    if "tags" in clean:
        page.tags.set(clean["tags"])
    if "location" in clean:
        places = list(page.locations.all())
        first = places[0] if places else ProviderLocation()
        for key, value in clean["location"].items():
            setattr(first, key, value)
        page.locations = [first, *places[1:]]


def _unique_slug(index: DirectoryIndexPage, name: str, taken: set[str]) -> str:
    base = slugify(name)[:70] or "provider"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def import_providers(
    data: bytes | str,
    *,
    user=None,
    dry_run: bool = True,
    delete_missing: bool = False,
    index: DirectoryIndexPage | None = None,
) -> ImportReport:
    """Plan the import and, unless it is a dry run, apply it in one transaction.

    Any rejected row stops the whole import, so a file is either imported completely or not
    at all; fix the rows the report lists and upload again.
    """
    report = plan(data, delete_missing=delete_missing)
    if dry_run or report.has_rejections:
        return report
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    if index is None:
        index = DirectoryIndexPage.objects.filter(locale=locale).first()
    if index is None:
        raise ImportFileError("There is no directory page to add providers to.")
    taken = set(index.get_children().values_list("slug", flat=True))
    existing = {
        p.external_id: p
        for p in ProviderPage.objects.filter(
            locale=locale, external_id__in=[r.external_id for r in report.rows]
        )
    }
    new_pages: list[ProviderPage] = []
    new_tags: list[list[str]] = []
    changed_ids: list[int] = []
    with transaction.atomic(), deferred_indexing():
        for row in report.rows:
            if row.action == "create":
                page = ProviderPage(
                    title=row.values["name"],
                    slug=_unique_slug(index, row.values["name"], taken),
                    locale=locale,
                    external_id=row.external_id,
                )
                values = {k: v for k, v in row.values.items() if k != "tags"}
                _apply_values(page, values)
                page.search_description = page.summary[:255]
                new_pages.append(page)
                new_tags.append(row.values.get("tags", []))
            elif row.action == "update":
                page = existing[row.external_id]
                _apply_values(page, row.values)
                publish_one(page, user=user)
                changed_ids.append(page.pk)
            elif row.action == "withdraw":
                page = ProviderPage.objects.get(locale=locale, external_id=row.external_id)
                page.unpublish(user=user)
        changed_ids += create_in_bulk(new_pages, tags=new_tags, parent=index, user=user)
        reindex(changed_ids)
    report.applied = True
    return report
