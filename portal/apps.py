from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import vocabulary  # noqa: F401  (connects cache invalidation)
        from portal.page_cache import connect_signals

        connect_signals()
