"""Suggestions while typing: pages whose title words start with what has been typed so far."""

from __future__ import annotations

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search import results as shown_as
from search import text
from search.queries import autocomplete_pks, backend_scopes, locales, visible_pages, word_query


def suggestions(query: str, *, request, language: str, limit: int = 8) -> list[dict[str, str]]:
    """Titles and addresses of pages whose title starts with what the visitor has typed so far."""
    query = text.clean_query(query)
    query_terms = text.terms(query)
    if not query_terms or len(query) < 2:
        return []
    active, default = locales(language)
    visible = visible_pages(active=active, default=default)
    found: list[int] = []
    for backend_name, locale_ids in backend_scopes(active=active, default=default):
        backend = get_search_backend(backend_name)
        scope = Page.objects.live().filter(locale_id__in=locale_ids).only("pk")
        partial = (
            " ".join(t.word for t in query_terms)
            if hasattr(backend, "es")
            else word_query(query_terms)
        )
        found += autocomplete_pks(backend_name, partial, scope, limit=limit * 3)
    if not found:
        return []
    order = {pk: i for i, pk in enumerate(dict.fromkeys(found))}
    pages = sorted(
        visible.filter(pk__in=found)
        .select_related("locale")
        .only("pk", "title", "url_path", "content_type_id", "locale__language_code", "depth"),
        key=lambda p: order[p.pk],
    )[:limit]
    return [
        {
            "title": page.title,
            "url": page.get_url(request) or "",
            "kind": shown_as.kind_of(page.content_type_id)[1],
            **({"lang": page.locale.language_code} if page.locale_id != active.pk else {}),
        }
        for page in pages
    ]
