"""Add a partner organisation and invite its editors in one step."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.utils.text import slugify

from editorial.roles import invite_editor
from portal.models import PartnerOrganisation


class Command(BaseCommand):
    help = "Add a partner organisation (if new) and invite its editors by e-mail."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument(
            "--editor",
            action="append",
            default=[],
            metavar="EMAIL",
            help="An editor's e-mail address (repeat for several).",
        )
        parser.add_argument("--contact-email", default="", help="Where review reminders go.")
        parser.add_argument("--website", default="")

    def handle(self, *args, name, editor, contact_email, website, **options):
        for email in [*editor, *([contact_email] if contact_email else [])]:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"{email!r} is not an e-mail address.") from None
        organisation, created = PartnerOrganisation.objects.get_or_create(
            name=name.strip(),
            defaults={
                "slug": slugify(name)[:80],
                "contact_email": contact_email,
                "website": website,
            },
        )
        self.stdout.write(("Added " if created else "Found ") + organisation.name)
        for email in editor:
            user, new = invite_editor(organisation, email=email)
            self.stdout.write(f"  {'invited' if new else 'added existing user'} {user.email}")
