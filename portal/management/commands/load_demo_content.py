"""Build the demo site: vocabulary, page tree and each app's content. Safe to run repeatedly."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create (or complete) the demo content. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skeleton",
            action="store_true",
            help="Only the languages, vocabulary and section pages (what the tests start from).",
        )

    def handle(self, *args, skeleton=False, **options):
        from portal.demo import load_vocabulary

        # Each app that has demo content says so on its AppConfig; lower demo_order runs first
        # (the directory before guides, because guides link to providers).
        loaders = sorted(
            (config for config in apps.get_app_configs() if hasattr(config, "load_demo_content")),
            key=lambda config: config.demo_order,
        )
        with transaction.atomic():
            home_loader, *others = loaders
            home_loader.load_demo_content(stdout=self.stdout, skeleton=skeleton)
            load_vocabulary(stdout=self.stdout)
            for config in others:
                config.load_demo_content(stdout=self.stdout, skeleton=skeleton)
        if not skeleton:
            self.stdout.write(self.style.SUCCESS("Demo content is in place."))
