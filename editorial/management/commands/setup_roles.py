"""Create or complete the role groups and the approval workflow."""

from django.core.management.base import BaseCommand

from editorial.roles import ensure_roles


class Command(BaseCommand):
    help = "Create the Hub administrators, Hub editors, Partner editors and Trainers groups."

    def handle(self, *args, **options):
        groups = ensure_roles()
        self.stdout.write("Roles ready: " + ", ".join(sorted(groups)))
