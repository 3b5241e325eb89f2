"""The section pages that list guides (/guides/) and training modules (/training/)."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.pages import SectionIndexMixin


class GuideIndexPage(SectionIndexMixin, Page):
    """The list of good-practice guides at /guides/, filterable by the shared facets."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.GuidePage"]

    class Meta:
        verbose_name = _("guide index page")

    def get_context(self, request, *args, **kwargs):
        from guides.queries import guide_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = guide_listing(request, index=self)
        return context


class TrainingIndexPage(SectionIndexMixin, Page):
    """The list of training modules at /training/, filterable by facets, level and format."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.TrainingModulePage"]

    class Meta:
        verbose_name = _("training index page")

    def get_context(self, request, *args, **kwargs):
        from guides.queries import training_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = training_listing(request, index=self)
        return context
