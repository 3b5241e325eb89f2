"""Export every live provider to CSV (safe to open in a spreadsheet) or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Locale

from directory.models import ProviderPage
from directory.transfer.columns import COLUMNS, SEPARATOR
from portal.models import PageFacet

#: A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FACET_COLUMNS = {
    "needs": "need",
    "stages": "stage",
    "organisation_types": "type",
    "areas": "area",
    "sectors": "sector",
    "modes": "mode",
    "languages": "lang",
    "tags": "tag",
}


def neutralise(value: str) -> str:
    """Stop a cell being run as a formula (=HYPERLINK(...)) by prefixing a single quote."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _html_to_text(html: str) -> str:
    from django.utils.html import strip_tags

    parts = html.replace("</p>", "</p>\n\n").replace("<br/>", "\n")
    return "\n\n".join(p.strip() for p in strip_tags(parts).split("\n\n") if p.strip())


def provider_rows(queryset=None) -> list[dict[str, str]]:
    """One dictionary per provider, with every column, in a constant number of queries."""
    if queryset is None:
        locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        queryset = ProviderPage.objects.filter(locale=locale).live()
    pages = list(
        queryset.order_by("title", "pk")
        .select_related("owner_organisation")
        .prefetch_related("locations")
    )
    facets: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    rows = PageFacet.objects.filter(
        page_id__in=[p.pk for p in pages], implied=False, param__in=set(FACET_COLUMNS.values())
    ).values_list("page_id", "param", "value")
    for page_id, param, value in rows:
        facets[page_id][param].append(value)
    from taggit.models import Tag

    tag_names = dict(Tag.objects.values_list("slug", "name"))
    result = []
    for page in pages:
        chosen = facets.get(page.pk, {})
        first = next(iter(page.locations.all()), None)
        row = {
            "external_id": page.external_id,
            "name": page.title,
            "summary": page.summary,
            "description": _html_to_text(page.description or ""),
            "cost": page.cost,
            "cost_note": page.cost_note,
            "languages": f"{SEPARATOR} ".join(page.language_codes),
            "accessibility": page.accessibility,
            "eligibility": page.eligibility,
            "website": page.website,
            "email": page.email,
            "phone": page.phone,
            "opening_hours": page.opening_hours,
            "owner_organisation": page.owner_organisation.slug if page.owner_organisation else "",
            "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else "",
            "location_name": first.name if first else "",
            "address_1": first.address_1 if first else "",
            "address_2": first.address_2 if first else "",
            "town": first.town if first else "",
            "postcode": first.postcode if first else "",
            "uuid": str(page.uuid),
            "url": page.full_url or "",
        }
        for column, param in FACET_COLUMNS.items():
            if column == "languages":
                continue
            values = sorted(chosen.get(param, []))
            if column == "tags":
                values = [tag_names.get(v, v) for v in values]
            if column == "modes":
                values = [m for m in ("in-person", "online", "phone") if m in values]
            row[column] = f"{SEPARATOR} ".join(values)
        result.append({column: row.get(column, "") for column in COLUMNS})
    return result


def export_csv(queryset=None) -> str:
    """The directory as CSV text (UTF-8 with a byte order mark so spreadsheets read it right)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    for row in provider_rows(queryset):
        writer.writerow({k: neutralise(str(v)) for k, v in row.items()})
    return buffer.getvalue()


def export_json(queryset=None) -> str:
    """The directory as a JSON array of providers, one object per row of the CSV."""
    rows = provider_rows(queryset)
    for row in rows:
        for column in (
            "needs",
            "stages",
            "organisation_types",
            "areas",
            "sectors",
            "modes",
            "languages",
            "tags",
        ):
            row[column] = [v.strip() for v in row[column].split(SEPARATOR) if v.strip()]
    return json.dumps({"providers": rows}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
