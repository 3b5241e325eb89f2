"""Wagtail's ``update_index``, then a new cache version.

Search matches are cached until the next publish (``portal/frame.py``); a rebuilt index can
find pages the old one did not, so the cached matches and pages are made stale as a publish
would make them.
"""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as RebuildIndex

from portal import page_cache


class Command(RebuildIndex):
    def handle(self, **options):
        super().handle(**options)
        page_cache.invalidate()
