"""Compile the project's .po files to .mo without needing GNU gettext on the machine."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every .po file under locale/ (and apps' locale/ folders) into .mo files."

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        compiled = 0
        for po_path in sorted(base.glob("**/locale/*/LC_MESSAGES/*.po")):
            if ".venv" in po_path.parts or "node_modules" in po_path.parts:
                continue
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
        self.stdout.write(f"Compiled {compiled} translation files.")
