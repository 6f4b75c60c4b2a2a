"""The database side of search: the stored index on each engine, and the SQL that reads it.

PostgreSQL: `core_searchentry.vector`, a stored generated tsvector of the keys (title
weighted A), under a GIN index; queries are `to_tsquery('simple', …)` of the same keys,
so PostgreSQL's own stemming plays no part. SQLite: the FTS5 table `core_searchentry_fts`
(title, body) kept in step by triggers, ranked by bm25. Both are created by migration
0007 and `ensure_index` repairs them (SQLite drops triggers when a later migration
rebuilds the table).
"""

from __future__ import annotations

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import F, FloatField, Func, QuerySet, Value
from django.db.models.expressions import RawSQL

from sklaida.core.search.words import query_terms

TABLE = "core_searchentry"
FTS_TABLE = "core_searchentry_fts"
GIN_INDEX = "core_searchentry_vector"
# Ranking weights: bm25 counts a word of the title four times one of the text on SQLite;
# ts_rank's default weights count weight A (the title) ten times D on PostgreSQL.

POSTGRESQL_INDEX_SQL = [
    (
        "ALTER TABLE core_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
        "to_tsvector('simple'::regconfig, body) || "
        "array_to_tsvector(ARRAY['~' || kind::text])) STORED"
    ),
    "CREATE INDEX core_searchentry_vector ON core_searchentry USING gin (vector)",
]
SQLITE_INDEX_SQL: dict[str, str] = {
    FTS_TABLE: (
        "CREATE VIRTUAL TABLE core_searchentry_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '3 4')"
    ),
    f"{FTS_TABLE}_insert": (
        "CREATE TRIGGER core_searchentry_fts_insert AFTER INSERT ON core_searchentry BEGIN "
        "INSERT INTO core_searchentry_fts(rowid, title, body) "
        "VALUES (new.id, new.title, new.body); END"
    ),
    f"{FTS_TABLE}_update": (
        "CREATE TRIGGER core_searchentry_fts_update AFTER UPDATE OF title, body "
        "ON core_searchentry BEGIN "
        "DELETE FROM core_searchentry_fts WHERE rowid = old.id; "
        "INSERT INTO core_searchentry_fts(rowid, title, body) "
        "VALUES (new.id, new.title, new.body); END"
    ),
    f"{FTS_TABLE}_delete": (
        "CREATE TRIGGER core_searchentry_fts_delete AFTER DELETE ON core_searchentry BEGIN "
        "DELETE FROM core_searchentry_fts WHERE rowid = old.id; END"
    ),
}
SQLITE_FILL_SQL = (
    "INSERT INTO core_searchentry_fts(rowid, title, body) SELECT id, title, body "
    "FROM core_searchentry"
)
INDEX_MIGRATION = ("core", "0007_searchentry")


def ensure_index(connection: BaseDatabaseWrapper) -> bool:
    """Create whatever part of the index is missing (after a migration rebuilt the table
    on SQLite); True when something was. Run on post_migrate."""
    if INDEX_MIGRATION not in MigrationRecorder(connection).applied_migrations():
        return False
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT 1 FROM information_schema.columns "
                "WHERE table_name = %s AND column_name = 'vector'",
                [TABLE],
            )
            if cursor.fetchone():
                return False
            connection.check_constraints()
            for sql in POSTGRESQL_INDEX_SQL:
                cursor.execute(sql)
            return True
        if connection.vendor != "sqlite":
            return False
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE %s",
            [f"{FTS_TABLE}%"],
        )
        present = {name for (name,) in cursor.fetchall()}
        missing = [sql for name, sql in SQLITE_INDEX_SQL.items() if name not in present]
        if not missing:
            return False
        for sql in missing:
            cursor.execute(sql)
        # Writes made while a trigger was missing never reached the table: refill it.
        cursor.execute("DELETE FROM core_searchentry_fts")
        cursor.execute(SQLITE_FILL_SQL)
        return True


def postgresql_query(query: str, *, prefix: bool = True) -> str:
    """A tsquery of the keys: `(key | key) & (key | begin:*)`; '' when no word counts."""
    parts = []
    for keys, beginning in query_terms(query, prefix=prefix):
        options = list(keys) + ([f"{beginning}:*"] if beginning else [])
        parts.append("(" + " | ".join(options) + ")")
    return " & ".join(parts)


def sqlite_query(query: str, *, prefix: bool = True) -> str:
    """An FTS5 query of the keys, each a quoted string: `("a" OR "b") AND ("c" OR "d"*)`."""
    parts = []
    for keys, beginning in query_terms(query, prefix=prefix):
        options = ['"{}"'.format(key.replace('"', '""')) for key in keys]
        if beginning:
            options.append('"{}"*'.format(beginning.replace('"', '""')))
        parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


def engine_query(vendor: str, query: str, *, prefix: bool = True) -> str:
    if vendor == "postgresql":
        return postgresql_query(query, prefix=prefix)
    return sqlite_query(query, prefix=prefix)


def matching_ids(vendor: str, kind: str, engine_query_text: str) -> RawSQL:
    """The ids of the objects of `kind` whose entry matches, as a subquery for `pk__in`."""
    if vendor == "postgresql":
        # The kind is also a lexeme of the vector ("~events.event"), so the GIN index
        # yields only that kind's matches instead of every kind's; the column condition
        # lets a join look an object up by (kind, object_id).
        return RawSQL(
            "SELECT object_id FROM core_searchentry WHERE kind = %s AND vector @@ %s::tsquery",
            [kind, f"'~{kind}' & {engine_query_text}"],
        )
    return RawSQL(
        "SELECT object_id FROM core_searchentry WHERE kind = %s AND id IN ("
        "SELECT rowid FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s)",
        [kind, engine_query_text],
    )


class Rank(Func):
    """How well an object's entry matches, higher is better: `Rank(kind, query, F("pk"))`.

    On SQLite the matches are ranked once in a subquery (`LIMIT -1` keeps SQLite from
    merging it into the outer lookup, which would rank every row against the whole index
    again); on PostgreSQL the stored vector of the one entry is ranked.
    """

    output_field = FloatField()

    def __init__(self, kind: str, engine_query_text: str, pk=None):
        super().__init__(Value(kind), Value(engine_query_text), pk if pk is not None else F("pk"))

    def as_sql(self, compiler, connection, **extra_context):
        kind_sql, kind_params = compiler.compile(self.source_expressions[0])
        query_sql, query_params = compiler.compile(self.source_expressions[1])
        pk_sql, pk_params = compiler.compile(self.source_expressions[2])
        if connection.vendor == "postgresql":
            sql = (
                "(SELECT ts_rank(entry.vector, to_tsquery('simple'::regconfig, {query})) "
                "FROM core_searchentry entry WHERE entry.kind = {kind} "
                "AND entry.object_id = {pk})"
            )
        else:
            sql = (
                "(SELECT found.rank FROM (SELECT rowid AS entry_id, "
                "-bm25(core_searchentry_fts, 4.0, 1.0) AS rank "
                "FROM core_searchentry_fts WHERE core_searchentry_fts MATCH {query} LIMIT -1"
                ") AS found JOIN core_searchentry entry ON entry.id = found.entry_id "
                "WHERE entry.kind = {kind} AND entry.object_id = {pk})"
            )
        sql = sql.format(query=query_sql, kind=kind_sql, pk=pk_sql)
        return sql, (*query_params, *kind_params, *pk_params)


def filter_matching(
    queryset: QuerySet, kind: str, query: str, *, ranked: bool = False, prefix: bool = True
) -> QuerySet:
    """`queryset` narrowed to the objects whose entry has every word of `query`; with
    `ranked`, annotated `search_rank`. An empty query (no letters or digits) leaves it."""
    vendor = connections[queryset.db].vendor
    text = engine_query(vendor, query, prefix=prefix)
    if not text:
        return queryset
    queryset = queryset.filter(pk__in=matching_ids(vendor, kind, text))
    if ranked:
        queryset = queryset.annotate(search_rank=Rank(kind, text))
    return queryset
