"""Ranked full-text matches read straight from Wagtail's search index on PostgreSQL.

Wagtail's database backend joins the searched table to its index on a text cast of the
primary key and ranks inside that join. PostgreSQL cannot estimate how many rows a
``title || body @@ query`` filter keeps, guesses one, and picks a nested loop that compares
every match with every row of the table: 12 s for one word over 10,000 providers. Asking
the index table itself (the same query terms, configuration and ranking as the backend,
built by the backend's own query compiler) and narrowing it to the wanted rows with a
semi-join takes a few milliseconds. Other backends (SQLite, Elasticsearch) are used as
Wagtail provides them.
"""

from __future__ import annotations

from django.db.models import BigIntegerField, F, QuerySet
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend


def ranked_ids(
    queryset: QuerySet, query, *, limit: int, operator: str | None = None, backend: str = "default"
) -> list[int] | None:
    """Primary keys of ``queryset`` matching ``query``, best first; None when not PostgreSQL.

    ``query`` is anything the backend's ``search`` accepts (a string or a query object).
    """
    search_backend = get_search_backend(backend)
    try:
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
        from modelsearch.utils import get_descendants_content_types_pks
        from wagtail.search.models import IndexEntry
    except ImportError:  # pragma: no cover - the PostgreSQL backend's imports need psycopg
        return None
    if not isinstance(search_backend, PostgresSearchBackend):
        return None
    compiler = search_backend.query_compiler_class(
        queryset, query, operator=operator, order_by_relevance=True
    )
    config = compiler.get_config(search_backend)
    terms = compiler.query
    tsquery = compiler.build_tsquery(terms, config=config)
    rank = compiler.build_tsrank(F("title"), terms, config=config) * F(
        "title_norm"
    ) + compiler.build_tsrank(F("body"), terms, config=config)
    entries = (
        IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(queryset.model),
        )
        # Joined on the integer key, so each match is one primary-key lookup.
        .annotate(matched_pk=Cast("object_id", BigIntegerField()))
        .filter(matched_pk__in=queryset.order_by().values("pk"))
        .annotate(_vector_=F("title")._combine(F("body"), "||", False))
        .filter(_vector_=tsquery)
        .annotate(_rank_=rank)
        .order_by("-_rank_", "-id")
        .values_list("object_id", flat=True)[:limit]
    )
    return [int(object_id) for object_id in entries]
