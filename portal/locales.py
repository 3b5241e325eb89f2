"""Content in the visitor's language, with the default language filling the gaps."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.models import Locale


def with_fallback(queryset: QuerySet, *, locale: Locale | None = None) -> QuerySet:
    """Pages of ``queryset`` in ``locale``, plus default-language pages not yet translated into it.

    One query (the translated keys are a subquery). Templates mark fallback items with
    ``lang="en"`` by comparing ``page.locale_id`` with the active locale.
    """
    locale = locale or Locale.get_active()
    default = Locale.get_default()
    if locale.pk == default.pk:
        return queryset.filter(locale=default)
    translated = queryset.model.objects.filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated))
    )
