"""Bulk onboarding: import providers from CSV, export the directory to CSV and JSON."""

from directory.transfer.columns import COLUMNS, REQUIRED_COLUMNS
from directory.transfer.exporting import export_csv, export_json, provider_rows
from directory.transfer.importing import ImportReport, RowResult, import_providers, read_csv

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportReport",
    "RowResult",
    "export_csv",
    "export_json",
    "import_providers",
    "provider_rows",
    "read_csv",
]
