"""Elasticsearch 8 with one index per language, each analysed for its language.

Settings (``portal/settings/base.py``) name one backend per enabled language after its code
(``"pl"``: indexes ``cwh_pl_wagtailcore_page`` ...) plus ``"default"``, which holds every
language for the admin's own search. A language backend only stores objects in its language;
the public search asks the visitor's language's backend, and English's for the fallback.
"""

from __future__ import annotations

from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8Index,
    Elasticsearch8SearchBackend,
)

#: Elasticsearch's built-in analysers per language (stemming, stop words). Urdu and Polish
#: have none built in (Polish needs the Stempel plugin), so they fold accents and lower-case.
LANGUAGE_ANALYZERS: dict[str, dict] = {
    "en": {"type": "english"},
    "ar": {"type": "arabic"},
    "bn": {"type": "bengali"},
    "zh-hans": {"type": "cjk"},
    "pl": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
    "ur": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "decimal_digit"]},
}


def analyzer_for(language: str) -> dict:
    return LANGUAGE_ANALYZERS.get(language, {"type": "standard"})


def _locale_codes() -> dict[int, str]:
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))


class LanguageIndex(Elasticsearch8Index):
    """An index that accepts only objects in its backend's language."""

    def _in_language(self, item) -> bool:
        language = self.backend.language
        if language is None:
            return True
        locale_id = getattr(item, "locale_id", None)
        if locale_id is None:
            return False
        codes = self.backend.locale_codes
        if locale_id not in codes:
            codes.update(_locale_codes())
        return codes.get(locale_id) == language

    def add_item(self, item):
        # A page's locale never changes in Wagtail, so an object in another language has
        # never been in this index and there is nothing to remove.
        if self._in_language(item):
            super().add_item(item)

    def add_items(self, model, items):
        super().add_items(model, [item for item in items if self._in_language(item)])


class LanguageSearchBackend(Elasticsearch8SearchBackend):
    """Elasticsearch 8, limited to one language when ``LANGUAGE`` is set."""

    index_class = LanguageIndex

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", None)
        self.locale_codes: dict[int, str] = {}
        super().__init__(params)
        if self.language:
            # Text fields without their own analyser (every SearchField) use the index's
            # default analyser; autocomplete fields keep Wagtail's edge n-grams.
            analysis = self.settings["settings"]["analysis"]
            analysis["analyzer"].setdefault("default", analyzer_for(self.language))


SearchBackend = LanguageSearchBackend
