"""Reading and checking an import file, row by row, before anything is changed."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from wagtail.models import Locale

from directory.geo import normalise_postcode
from directory.languages import LANGUAGES
from directory.models import Cost, ProviderPage
from directory.transfer.columns import LOCATION_COLUMNS, SEPARATOR
from directory.transfer.exporting import provider_rows
from portal.models import (
    Area,
    AudienceSector,
    OrganisationType,
    PartnerOrganisation,
    Stage,
    SupportNeed,
)

MAX_ROWS = 20_000
MAX_CELL = 10_000
VOCABULARY_COLUMNS = {
    "needs": (SupportNeed, "support need"),
    "stages": (Stage, "stage"),
    "organisation_types": (OrganisationType, "organisation type"),
    "areas": (Area, "area"),
    "sectors": (AudienceSector, "audience sector"),
}
MODES = {"in-person": "in_person", "online": "online", "phone": "phone_support"}
#: Columns compared with the export to decide whether a row changes anything.


class ImportFileError(Exception):
    """The file as a whole cannot be read; nothing was changed."""


def read_csv(data: bytes | str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Column names and (line number, row) pairs, skipping blank lines."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFileError(
                "The file is not UTF-8 text. In your spreadsheet choose 'Save as' and the "
                "format 'CSV UTF-8 (comma delimited)', then upload that file."
            ) from None
    else:
        text = data.lstrip("\ufeff")
    if "\x00" in text:
        raise ImportFileError("The file contains binary data; upload a CSV file.")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
        if header is None:
            raise ImportFileError("The file is empty.")
        columns = [cell.strip().lower().replace(" ", "_") for cell in header]
        rows = []
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(f"The file has more than {MAX_ROWS:,} rows; split it up.")
            values = {
                column: (record[i].strip()[:MAX_CELL] if i < len(record) else "")
                for i, column in enumerate(columns)
                if column
            }
            if len(record) > len(columns) and any(c.strip() for c in record[len(columns) :]):
                values["__extra_cells__"] = "yes"
            rows.append((reader.line_num, values))
    except csv.Error as problem:
        raise ImportFileError(f"The file is not valid CSV: {problem}.") from None
    return columns, rows


def split_cell(value: str) -> list[str]:
    seen: list[str] = []
    for part in value.replace(",", SEPARATOR).split(SEPARATOR):
        part = part.strip()
        if part and part.lower() not in [s.lower() for s in seen]:
            seen.append(part)
    return seen


@dataclass
class Context:
    locale: Locale
    terms: dict[str, dict[str, object]]
    partners: dict[str, PartnerOrganisation]
    existing: dict[str, ProviderPage]
    exported: dict[str, dict[str, str]]


def load_context() -> Context:
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    terms = {
        column: {t.slug: t for t in model.objects.filter(locale=locale)}
        for column, (model, _label) in VOCABULARY_COLUMNS.items()
    }
    existing_qs = ProviderPage.objects.filter(locale=locale).exclude(external_id="")
    existing = {p.external_id: p for p in existing_qs}
    exported = {row["external_id"]: row for row in provider_rows(existing_qs.filter(live=True))}
    return Context(
        locale=locale,
        terms=terms,
        partners={p.slug: p for p in PartnerOrganisation.objects.all()},
        existing=existing,
        exported=exported,
    )


def validate_row(values: dict[str, str], columns: set[str], ctx: Context) -> tuple[dict, list[str]]:
    """Cleaned values for the columns present, and the reasons to reject the row."""
    reasons: list[str] = []
    clean: dict = {}
    if values.get("__extra_cells__"):
        reasons.append("The row has more cells than the header has columns.")
    if not values.get("external_id"):
        reasons.append("Missing external_id.")
    elif len(values["external_id"]) > 100:
        reasons.append("external_id is longer than 100 characters.")
    if not values.get("name"):
        reasons.append("Missing name.")
    elif len(values["name"]) > 255:
        reasons.append("name is longer than 255 characters.")
    for column in ("name", "summary", "cost_note", "phone", "eligibility", "accessibility"):
        if column in columns:
            clean[column] = values.get(column, "")
    if len(clean.get("summary", "")) > 300:
        reasons.append("summary is longer than 300 characters.")
    if len(clean.get("cost_note", "")) > 255:
        reasons.append("cost_note is longer than 255 characters.")
    if len(clean.get("phone", "")) > 40:
        reasons.append("phone is longer than 40 characters.")
    for column in ("description", "opening_hours"):
        if column in columns:
            clean[column] = values.get(column, "")
    if "email" in columns:
        email = values.get("email", "")
        if email:
            try:
                EmailValidator()(email)
            except ValidationError:
                reasons.append(f"Bad email address: {email!r}.")
        clean["email"] = email
    if "website" in columns:
        website = values.get("website", "")
        if website:
            try:
                URLValidator(schemes=["http", "https"])(website)
            except ValidationError:
                reasons.append(f"Bad website address: {website!r} (it must start https://).")
        clean["website"] = website
    for column, (_model, label) in VOCABULARY_COLUMNS.items():
        if column not in columns:
            continue
        slugs = [s.lower() for s in split_cell(values.get(column, ""))]
        unknown = [s for s in slugs if s not in ctx.terms[column]]
        if unknown:
            reasons.append(f"Unknown {label} slug(s): {', '.join(unknown)}.")
        clean[column] = [ctx.terms[column][s] for s in slugs if s in ctx.terms[column]]
    if "modes" in columns:
        modes = [m.lower() for m in split_cell(values.get("modes", ""))]
        unknown = [m for m in modes if m not in MODES]
        if unknown:
            reasons.append(f"Unknown mode(s): {', '.join(unknown)} (use in-person, online, phone).")
        clean["modes"] = [m for m in modes if m in MODES]
    if "cost" in columns:
        cost = values.get("cost", "").lower()
        if cost and cost not in Cost.values:
            reasons.append(f"Unknown cost {cost!r} (use {', '.join(Cost.values)}).")
        clean["cost"] = cost if cost in Cost.values else ""
    if "languages" in columns:
        codes = [c.lower() for c in split_cell(values.get("languages", ""))]
        unknown = [c for c in codes if c not in LANGUAGES]
        if unknown:
            reasons.append(f"Unknown language code(s): {', '.join(unknown)}.")
        clean["languages"] = ", ".join(c for c in codes if c in LANGUAGES)
    if "tags" in columns:
        clean["tags"] = [t[:100] for t in split_cell(values.get("tags", ""))]
    if "owner_organisation" in columns:
        slug = values.get("owner_organisation", "").lower()
        if slug and slug not in ctx.partners:
            reasons.append(f"Unknown partner organisation {slug!r}.")
        clean["owner_organisation"] = ctx.partners.get(slug)
    if "last_reviewed" in columns and values.get("last_reviewed"):
        try:
            reviewed = datetime.date.fromisoformat(values["last_reviewed"])
        except ValueError:
            reasons.append(f"last_reviewed {values['last_reviewed']!r} is not a YYYY-MM-DD date.")
        else:
            if reviewed > datetime.date.today():
                reasons.append("last_reviewed is in the future.")
            clean["last_reviewed"] = reviewed
    if any(values.get(c) for c in LOCATION_COLUMNS):
        postcode = normalise_postcode(values.get("postcode", ""))
        if not values.get("address_1") or not values.get("town"):
            reasons.append("An address needs address_1 and town.")
        if " " not in postcode:
            reasons.append(f"Bad postcode {values.get('postcode', '')!r}.")
        clean["location"] = {
            "name": values.get("location_name", "")[:200],
            "address_1": values.get("address_1", "")[:200],
            "address_2": values.get("address_2", "")[:200],
            "town": values.get("town", "")[:100],
            "postcode": postcode,
        }
    return clean, reasons
