from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"
    demo_order = 30

    def load_demo_content(self, *, stdout, skeleton=False):
        from casestudies.demo import load

        return load(stdout=stdout, skeleton=skeleton)
