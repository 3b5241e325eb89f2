from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = "Guides and training"
    demo_order = 20

    def load_demo_content(self, *, stdout, skeleton=False):
        from guides.demo import load

        return load(stdout=stdout, skeleton=skeleton)
