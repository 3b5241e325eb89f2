"""The recycle bin: deleted pages are kept, unpublished, until a hub administrator empties them."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class RecycleBinPage(Page):
    """Holds deleted pages so they can be restored. It is never shown on the public site."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types: list[str] = []  # pages only arrive here by being deleted
    max_count = 1

    class Meta:
        verbose_name = _("recycle bin")

    def serve(self, request, *args, **kwargs):
        raise Http404

    def route(self, request, path_components):
        raise Http404


class DeletedPage(models.Model):
    """Where a deleted page came from, so it can be put back."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    original_parent = models.ForeignKey(
        Page, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    was_live = models.BooleanField(default=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-deleted_at"]
        verbose_name = _("deleted page")

    def __str__(self):
        return self.page.title
