"""Forget cached plans whenever any page is published, unpublished or deleted."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

VERSION_KEY = "triage:content-version"


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def forget_plans(**_kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


page_published.connect(forget_plans, dispatch_uid="triage-forget-plans-published")
page_unpublished.connect(forget_plans, dispatch_uid="triage-forget-plans-unpublished")
post_delete.connect(forget_plans, sender=Page, dispatch_uid="triage-forget-plans-deleted")
