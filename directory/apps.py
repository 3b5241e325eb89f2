from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directory"
    demo_order = 10

    def load_demo_content(self, *, stdout, skeleton=False):
        from directory.demo import load

        return load(stdout=stdout, skeleton=skeleton)
