"""The spreadsheet columns of the directory, shared by import and export."""

from __future__ import annotations

#: Several values in one cell are separated by this character ("funding; tendering").
SEPARATOR = ";"

#: Column name -> what it holds, in the order exported.
COLUMNS: dict[str, str] = {
    "external_id": "Your identifier for the provider; re-importing it updates, never duplicates",
    "name": "The provider's name",
    "summary": "One or two sentences on what the provider does (at most 300 characters)",
    "description": "A longer description; blank lines separate paragraphs",
    "needs": "Support need slugs, separated by ;",
    "stages": "Stage slugs, separated by ;",
    "organisation_types": "Organisation type slugs, separated by ;",
    "areas": "Area slugs (boroughs, gm-wide, national), separated by ;",
    "sectors": "Audience sector slugs, separated by ;",
    "modes": "in-person; online; phone",
    "cost": "free, subsidised, paid or membership",
    "cost_note": "A note on cost",
    "languages": "Two-letter language codes, separated by ;",
    "accessibility": "Accessibility of premises and services",
    "eligibility": "Who can use the service",
    "website": "Web address starting https://",
    "email": "E-mail address",
    "phone": "Phone number",
    "opening_hours": "Opening hours",
    "tags": "Topic words, separated by ;",
    "owner_organisation": "Slug of the partner organisation that keeps the entry current",
    "last_reviewed": "Date last checked, as YYYY-MM-DD",
    "location_name": "Name of the main place they work from",
    "address_1": "Address line 1",
    "address_2": "Address line 2",
    "town": "Town or city",
    "postcode": "Postcode",
    "uuid": "Open data identifier (export only; ignored on import)",
    "url": "Address of the entry on this site (export only; ignored on import)",
}
REQUIRED_COLUMNS = ("external_id", "name")
EXPORT_ONLY = ("uuid", "url")
LOCATION_COLUMNS = ("location_name", "address_1", "address_2", "town", "postcode")
