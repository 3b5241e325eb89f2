"""Import or update support providers from a CSV file (a dry run unless --apply is given)."""

from __future__ import annotations

import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from directory.transfer.importing import ImportFileError, import_providers


class Command(BaseCommand):
    help = (
        "Import providers from a CSV file, matching rows to providers by external_id. "
        "Shows what would happen unless --apply is given. Never removes providers unless "
        "--delete-missing is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV file (UTF-8).")
        parser.add_argument("--apply", action="store_true", help="Make the changes.")
        parser.add_argument("--user", help="Username the new revisions are attributed to.")
        parser.add_argument(
            "--delete-missing",
            action="store_true",
            help="Unpublish providers that have an external_id but are not in the file.",
        )
        parser.add_argument("--quiet-rows", action="store_true", help="Print only the totals.")

    def handle(self, *args, path, apply, user, delete_missing, quiet_rows, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as problem:
            raise CommandError(f"Cannot read {path}: {problem.strerror}.") from None
        importer = None
        if user:
            try:
                importer = get_user_model().objects.get_by_natural_key(user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"There is no user called {user!r}.") from None
        started = time.perf_counter()
        try:
            report = import_providers(
                data, user=importer, dry_run=not apply, delete_missing=delete_missing
            )
        except ImportFileError as problem:
            raise CommandError(str(problem)) from None
        elapsed = time.perf_counter() - started
        for warning in report.warnings:
            self.stderr.write(f"Warning: {warning}")
        if not quiet_rows:
            for row in report.rows:
                detail = "; ".join(row.reasons or row.changed)
                where = f"line {row.line}" if row.line else "not in file"
                self.stdout.write(
                    f"{where}: {row.action} {row.external_id} {row.name}"
                    + (f" — {detail}" if detail else "")
                )
        totals = ", ".join(f"{n} {action}" for action, n in report.summary.items() if n)
        self.stdout.write(f"Totals: {totals or 'no rows'} ({elapsed:.1f} s).")
        if report.has_rejections:
            raise CommandError("Some rows were rejected, so nothing was changed.")
        if report.applied:
            self.stdout.write(self.style.SUCCESS("Import applied."))
        else:
            self.stdout.write("Dry run: nothing was changed. Add --apply to import.")
