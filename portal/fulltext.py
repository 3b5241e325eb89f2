"""Ranked full-text matches read straight from Wagtail's search index (PostgreSQL, SQLite).

Wagtail's database backends join the searched table to their index and rank inside that
join, which goes badly at scale:

- On PostgreSQL the join is on a text cast of the primary key. PostgreSQL cannot estimate how
  many rows a ``title || body @@ query`` filter keeps, guesses one, and picks a nested loop
  that compares every match with every row of the table: 12 s for one word over 10,000
  providers.
- On SQLite the score of each matching row is a correlated subquery that runs the whole FTS5
  ``MATCH`` again for that row: about 45 s for one word over 10,000 providers.

Asking the index itself (the same query terms, configuration and ranking as the backend,
built by the backend's own query compiler) and narrowing it to the wanted rows with a
semi-join on the integer key takes a few milliseconds on either. Elasticsearch is used as
Wagtail provides it.
"""

from __future__ import annotations

from django.db.models import BigIntegerField, F, QuerySet
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend


def ranked_ids(
    queryset: QuerySet,
    query,
    *,
    limit: int,
    operator: str | None = None,
    backend: str = "default",
    autocomplete: bool = False,
) -> list[int] | None:
    """Primary keys of ``queryset`` matching ``query``, best first.

    ``query`` is anything the backend's ``search`` accepts (a string or a query object);
    ``autocomplete`` matches the last word as a prefix, as the backend's ``autocomplete``
    does. None when the index cannot be read directly (Elasticsearch; a query only the
    backend itself can answer): the caller then asks the backend.
    """
    search_backend = get_search_backend(backend)
    vendor = _vendor(search_backend)
    if vendor == "postgresql" and not autocomplete:
        return _postgres(search_backend, queryset, query, limit=limit, operator=operator)
    if vendor == "sqlite":
        return _sqlite(
            search_backend,
            queryset,
            query,
            limit=limit,
            operator=operator,
            autocomplete=autocomplete,
        )
    return None


def _vendor(search_backend) -> str:
    try:
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
    except ImportError:  # pragma: no cover - the PostgreSQL backend's imports need psycopg
        PostgresSearchBackend = ()  # noqa: N806
    if PostgresSearchBackend and isinstance(search_backend, PostgresSearchBackend):
        return "postgresql"
    # The SQLite backend's module looks up its FTS model on import, which only exists on
    # SQLite: recognise the backend by where its class comes from instead of importing it.
    sqlite_module = "modelsearch.backends.database.sqlite."
    if any(cls.__module__.startswith(sqlite_module) for cls in type(search_backend).__mro__):
        return "sqlite"
    return "other"


def _postgres(search_backend, queryset, query, *, limit, operator) -> list[int]:
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.search.models import IndexEntry

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


def _sqlite(search_backend, queryset, query, *, limit, operator, autocomplete) -> list[int] | None:
    """The FTS5 match, ranked by the backend's own BM25 expression, on the wanted rows only.

    The same ``MATCH`` string, rank and order (rank ascending, as FTS5's ``bm25`` is lower
    for better matches, then newest id first) as ``SQLiteSearchQueryCompiler.search``.
    """
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.search.models import SQLiteFTSIndexEntry

    compiler_class = (
        search_backend.autocomplete_query_compiler_class
        if autocomplete
        else search_backend.query_compiler_class
    )
    compiler = compiler_class(queryset, query, operator=operator, order_by_relevance=True)
    normalized = normalize(compiler.query)
    if isinstance(normalized, (MatchAll, Not)):
        return None  # everything, or everything but: the backend's own path handles these
    config = compiler.get_config(search_backend)
    match = MatchExpression(
        compiler.fields or compiler.FTS_TABLE_FIELDS,
        compiler.build_search_query(normalized, config=config),
    )
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    entries = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type_id__in=get_descendants_content_types_pks(queryset.model))
        .annotate(matched_pk=Cast("index_entry__object_id", BigIntegerField()))
        .filter(matched_pk__in=queryset.order_by().values("pk"))
        .annotate(_rank_=rank)
        .order_by("_rank_", "-matched_pk")
        .values_list("matched_pk", flat=True)[:limit]
    )
    return [int(pk) for pk in entries]
