from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"
    # Demo translations run after every app has made its English demo content.
    demo_order = 80

    def ready(self):
        from portal import vocabulary  # noqa: F401  (connects cache invalidation)
        from portal.page_cache import connect_signals

        connect_signals()

    def load_demo_content(self, *, stdout, skeleton=False):
        from portal.demo_translations import load

        return load(stdout=stdout, skeleton=skeleton)
