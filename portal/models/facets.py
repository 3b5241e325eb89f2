"""A narrow table of the filter values each page matches, so facet counts are one query."""

from django.db import models


class PageFacet(models.Model):
    """One filter value (``need=funding``) that a page matches. Rebuilt whenever the page is saved.

    ``implied`` marks values a page matches without having chosen them: a provider that serves
    all of Greater Manchester matches every borough, but is labelled as GM-wide.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    param = models.CharField(max_length=20)
    value = models.CharField(max_length=100)
    implied = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "param", "value"], name="unique_page_facet")
        ]
        indexes = [models.Index(fields=["param", "value", "page"], name="pagefacet_lookup")]

    def __str__(self):
        return f"{self.param}={self.value}"
