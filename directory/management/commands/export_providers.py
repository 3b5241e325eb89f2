"""Export every live support provider to CSV or JSON."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from directory.transfer import export_csv, export_json


class Command(BaseCommand):
    help = "Export the directory to CSV (default) or JSON, to a file or standard output."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("csv", "json"), default="csv")
        parser.add_argument("--output", help="File to write; standard output if left out.")

    def handle(self, *args, format, output, **options):
        text = export_json() if format == "json" else export_csv()
        if output:
            Path(output).write_text(text, encoding="utf-8", newline="")
            self.stdout.write(f"Wrote {output}.")
        else:
            self.stdout.write(text, ending="")
