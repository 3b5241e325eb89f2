from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns"
    demo_order = 50

    def ready(self):
        from campaigns import signals  # noqa: F401  (connects the completion counter)

    def load_demo_content(self, *, stdout, skeleton=False):
        from campaigns.demo import load

        return load(stdout=stdout, skeleton=skeleton)
