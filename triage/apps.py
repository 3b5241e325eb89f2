from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = "Find support"
    demo_order = 40

    def ready(self):
        from triage import signals  # noqa: F401  (forgets cached plans on publish)

    def load_demo_content(self, *, stdout, skeleton=False):
        from triage.demo import load

        return load(stdout=stdout, skeleton=skeleton)
