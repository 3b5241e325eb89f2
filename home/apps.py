from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"
    demo_order = 0

    def load_demo_content(self, *, stdout, skeleton=False):
        from home.demo import load

        return load(stdout=stdout, skeleton=skeleton)
