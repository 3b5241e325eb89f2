"""Cached look-ups of the shared vocabulary, in the visitor's language with English as fallback."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Locale

from portal.models import (
    Area,
    AudienceSector,
    FooterText,
    OrganisationType,
    Stage,
    SupportNeed,
    Term,
)

#: Every vocabulary, keyed by the URL parameter it is filtered by, in display order.
TERM_MODELS: dict[str, type[Term]] = {
    model.param: model for model in (SupportNeed, Stage, OrganisationType, Area, AudienceSector)
}
_VERSION_KEY = "vocabulary:version"


@dataclass(frozen=True)
class TermInfo:
    slug: str
    label: str
    description: str = ""
    serves_everywhere: bool = False
    coverage: str = ""


def _build(language: str) -> dict[str, tuple[TermInfo, ...]]:
    default = Locale.get_default()
    try:
        active = Locale.objects.get_for_language(language)
    except Locale.DoesNotExist:
        active = default
    result = {}
    for param, model in TERM_MODELS.items():
        by_key: dict = {}
        # Default-language terms first, then the visitor's language replaces any it translates.
        for term in model.objects.filter(locale_id__in={default.pk, active.pk}).order_by(
            "sort_order", "label"
        ):
            if term.locale_id == active.pk or term.translation_key not in by_key:
                by_key[term.translation_key] = term
        terms = sorted(by_key.values(), key=lambda t: (t.sort_order, t.label))
        result[param] = tuple(
            TermInfo(
                slug=t.slug,
                label=t.label,
                description=t.description,
                serves_everywhere=getattr(t, "serves_everywhere", False),
                coverage=getattr(t, "coverage", ""),
            )
            for t in terms
        )
    return result


#: Within one request the vocabulary is read from the cache once per language: a
#: questionnaire step checks every answer choice against it, hundreds of look-ups.
_request = threading.local()


def _start_request(**_kwargs) -> None:
    _request.memo = {}


def _end_request(**_kwargs) -> None:
    _request.memo = None


request_started.connect(_start_request, dispatch_uid="vocabulary-request-started")
request_finished.connect(_end_request, dispatch_uid="vocabulary-request-finished")


def _fresh_version() -> int:
    """A version number no process has seen, so an emptied cache never revives a memo."""
    return time.time_ns()


#: Vocabularies already unpickled by this process, by (version, language): a busy page asks
#: for them on every request, and reading the shared version number is far cheaper.
_process: dict[tuple[int, str], dict[str, tuple[TermInfo, ...]]] = {}


def vocabulary(language: str | None = None) -> dict[str, tuple[TermInfo, ...]]:
    """Every vocabulary's terms in ``language`` (default: the active one), cached until edited."""
    language = language or translation.get_language() or "en"
    memo = getattr(_request, "memo", None)
    if memo is not None and language in memo:
        return memo[language]
    version = cache.get_or_set(_VERSION_KEY, _fresh_version, timeout=None)
    value = _process.get((version, language)) if version is not None else None
    if value is None:
        key = f"vocabulary:{version}:{language}"
        value = cache.get(key)
        if value is None:
            value = _build(language)
            cache.set(key, value, timeout=None)
        if version is not None:  # None: the shared cache is down, so nothing to check against
            if len(_process) > 64:
                _process.clear()
            _process[(version, language)] = value
    if memo is not None:
        memo[language] = value
    return value


def labels(param: str, language: str | None = None) -> dict[str, str]:
    """Slug to label for one vocabulary."""
    return {term.slug: term.label for term in vocabulary(language).get(param, ())}


def boroughs() -> tuple[str, ...]:
    return tuple(t.slug for t in vocabulary("en")["area"] if t.coverage == Area.Coverage.BOROUGH)


def regions() -> tuple[str, ...]:
    return tuple(t.slug for t in vocabulary("en")["area"] if t.coverage == Area.Coverage.REGION)


def invalidate(**_kwargs) -> None:
    if getattr(_request, "memo", None):
        _request.memo = {}
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, _fresh_version(), timeout=None)


for _model in TERM_MODELS.values():
    post_save.connect(invalidate, sender=_model, dispatch_uid=f"vocab-save-{_model.__name__}")
    post_delete.connect(invalidate, sender=_model, dispatch_uid=f"vocab-del-{_model.__name__}")
post_save.connect(invalidate, sender=Locale, dispatch_uid="vocab-save-locale")


def invalidate_footer(**_kwargs) -> None:
    try:
        cache.incr("footer:version")
    except ValueError:
        cache.set("footer:version", 2, timeout=None)


post_save.connect(invalidate_footer, sender=FooterText, dispatch_uid="footer-save")
post_delete.connect(invalidate_footer, sender=FooterText, dispatch_uid="footer-delete")
