from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial"
    # After every section page exists: roles are granted on those pages.
    demo_order = 90

    def load_demo_content(self, *, stdout, skeleton=False):
        from editorial.demo import load

        return load(stdout=stdout, skeleton=skeleton)
