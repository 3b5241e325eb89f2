"""Content in the visitor's language, with the default language filling the gaps."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet
from wagtail.models import Locale, Page


def with_fallback(queryset: QuerySet, *, locale: Locale | None = None) -> QuerySet:
    """Pages of ``queryset`` in ``locale``, plus default-language pages not yet translated into it.

    One query (the translated keys are a subquery). Only a live translation replaces its
    source: a draft translation leaves the default-language page in place. Templates mark
    fallback items with the ``content_lang`` and ``fallback_label`` tags (``language_tags``).
    """
    locale = locale or Locale.get_active()
    default = Locale.get_default()
    if locale.pk == default.pk:
        return queryset.filter(locale=default)
    translated = queryset.model.objects.filter(locale=locale)
    if issubclass(queryset.model, Page):
        translated = translated.filter(live=True)
    return queryset.filter(
        Q(locale=locale)
        | (Q(locale=default) & ~Q(translation_key__in=translated.values("translation_key")))
    )


def default_version(page: Page) -> Page | None:
    """The default-language version of ``page`` (the page itself when it is in that language)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default)


def children_with_fallback(queryset: QuerySet, index: Page) -> QuerySet:
    """Pages of ``queryset`` below ``index`` in its language, plus the untranslated pages below
    its default-language version (a Polish guide list shows English guides not yet in Polish).
    """
    source = default_version(index)
    if source is None or source.pk == index.pk:
        return queryset.child_of(index)
    both = queryset.child_of_q(index) | queryset.child_of_q(source)
    return with_fallback(queryset.filter(both), locale=index.locale)


def descendants_with_fallback(queryset: QuerySet, index: Page) -> QuerySet:
    """Like :func:`children_with_fallback` for every level below ``index``."""
    source = default_version(index)
    if source is None or source.pk == index.pk:
        return queryset.descendant_of(index)
    both = queryset.descendant_of_q(index) | queryset.descendant_of_q(source)
    return with_fallback(queryset.filter(both), locale=index.locale)


def in_language_q(locale: Locale, *, prefix: str = "") -> Q:
    """A filter for pages in ``locale`` plus default-language pages with no live translation.

    ``prefix`` reaches the page through a relation (``"page__"`` on the facet table).
    """
    if locale.language_code == settings.LANGUAGE_CODE:
        return Q(**{f"{prefix}locale": locale})  # no query needed in the default language
    default = Locale.get_default()
    translated = Page.objects.filter(locale=locale, live=True).values("translation_key")
    return Q(**{f"{prefix}locale": locale}) | (
        Q(**{f"{prefix}locale": default}) & ~Q(**{f"{prefix}translation_key__in": translated})
    )
