"""Make sure the demo admin account exists, and say how to log in."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the 'admin' superuser if missing (password from DEMO_ADMIN_PASSWORD or generated)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, url, **options):
        User = get_user_model()
        wanted = os.environ.get("DEMO_ADMIN_PASSWORD", "")
        user = User.objects.filter(username="admin").first()
        if user is None:
            password = wanted or secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.org", password)
            self.stdout.write(f"Log in at {url} as 'admin' with password: {password}")
            if not wanted:
                self.stdout.write(
                    "(Generated now and shown only once; set DEMO_ADMIN_PASSWORD to choose.)"
                )
            return
        if wanted and not user.check_password(wanted):
            user.set_password(wanted)
            user.save(update_fields=["password"])
        hint = (
            "the password in DEMO_ADMIN_PASSWORD" if wanted else "the password printed on first run"
        )
        self.stdout.write(f"Log in at {url} as 'admin' with {hint}.")
