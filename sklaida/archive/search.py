"""Full-text search of archive assets with Lithuanian stemming (PostgreSQL and SQLite FTS5).

Each asset keeps its searchable words twice: `search_text` as written, which PostgreSQL
stems itself with its `lithuanian` text search configuration (a functional GIN index
over `to_tsvector('lithuanian', search_text)`), and `search_stems`, the same words as
Snowball Lithuanian stems, which SQLite's FTS5 table `archive_asset_fts` indexes. Triggers
on `archive_asset` keep that table in step with `search_stems` on every write path (saves,
`update()`, deletes, fixtures loaded on restore); `ensure_search_index` puts back what a
later SQLite table rebuild by a migration would drop.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import snowballstemmer
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import F, FloatField, Func, QuerySet, Value
from django.db.models.expressions import RawSQL

from sklaida.archive.models import Asset

if TYPE_CHECKING:
    from sklaida.contacts.models import Person

FTS_TABLE = "archive_asset_fts"
GIN_INDEX = "archive_asset_search_lt"
SEARCH_CONFIG = "lithuanian"

# A query longer than this is cut: nobody types more, and each word is one more index probe.
MAX_QUERY_WORDS = 16
MAX_WORD_LENGTH = 60
# The last word matches as a prefix while the user types, once it says enough to be cheap.
MIN_PREFIX_LENGTH = 3

# Letters and digits of any script; the underscore of \w splits words ("DSC_0042").
_WORD = re.compile(r"[^\W_]+")
# File names also give their parts as words: "Renginys_2024-05.jpg" → "Renginys 2024 05 jpg".
_NAME_SEPARATORS = re.compile(r"[_.\-]+")


# Snowball stemmers keep state while they work, so each thread has its own.
_local = threading.local()


def _stemmer() -> snowballstemmer.BaseStemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("lithuanian")
    return stemmer


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def _words(text: str) -> list[str]:
    """The lower-case words of `text`; NFC first, so that a name typed on a Mac (letters
    and combining marks apart) is the same word as one typed elsewhere."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def stems(text: str) -> str:
    """The Snowball Lithuanian stems of the words of `text`, space-separated."""
    return " ".join(_stem(word) for word in _words(text))


def _person_name(person: Person) -> str:
    # An anonymised person's name is gone from contacts; it must not live on here.
    if person.anonymised_at:
        return ""
    return f"{person.first_name} {person.last_name}".strip()


def words_of(asset: Asset) -> str:
    """Everything a search may find an asset by, as written, one part a line.

    Keywords and people come from a prefetch when there is one (`reindex_assets`), else
    one small query each; an unsaved asset has none yet.
    """
    parts: list[str] = [asset.title, asset.description, asset.place]
    if asset.pk:
        parts.extend(tag.name for tag in asset.keywords.all())
        parts.extend(_person_name(person) for person in asset.people.all())
    if asset.creator_id:
        parts.append(_person_name(asset.creator))
    if asset.creator_name:
        parts.append(asset.creator_name)
    if asset.event_id:
        parts.append(asset.event.title)
    if asset.original_name:
        parts.append(asset.original_name)
        parts.append(_NAME_SEPARATORS.sub(" ", asset.original_name))
    return "\n".join(unicodedata.normalize("NFC", part) for part in parts if part)


def refresh_search_index(asset: Asset) -> None:
    """Index the asset's words as they are now (after its keywords and people are saved).

    Only the two search fields are written, without touching `updated_at`; on SQLite the
    triggers carry the new stems into the FTS5 table in the same statement.
    """
    text = words_of(asset)
    asset.search_text = text
    asset.search_stems = stems(text)
    Asset.objects.filter(pk=asset.pk).update(
        search_text=asset.search_text, search_stems=asset.search_stems
    )


def reindex_assets(
    *, assets: Iterable[Asset] | QuerySet[Asset] | None = None, batch: int = 500
) -> int:
    """Index many assets again (after an event is renamed, a person anonymised, or the
    way words are gathered changes); all of them when `assets` is None. Returns how many."""
    if assets is None:
        assets = Asset.objects.all()
    if isinstance(assets, QuerySet):
        assets = (
            assets.select_related("event", "creator")
            .prefetch_related("keywords", "people")
            .order_by("pk")
        )
        # chunk_size keeps the prefetches working while memory stays flat.
        assets = assets.iterator(chunk_size=batch)
    changed: list[Asset] = []
    count = 0
    for asset in assets:
        asset.search_text = words_of(asset)
        asset.search_stems = stems(asset.search_text)
        changed.append(asset)
        count += 1
        if len(changed) >= batch:
            Asset.objects.bulk_update(changed, ["search_text", "search_stems"])
            changed = []
    if changed:
        Asset.objects.bulk_update(changed, ["search_text", "search_stems"])
    return count


def query_words(query: str) -> list[str]:
    """The words of a search query that count (letters and digits, at most 16)."""
    return [word[:MAX_WORD_LENGTH] for word in _words(query)][:MAX_QUERY_WORDS]


def matching(
    queryset: QuerySet[Asset], query: str, *, ranked: bool = False, prefix: bool = True
) -> QuerySet[Asset]:
    """The assets of `queryset` that have every word of `query`, each by its stem
    ("bibliotekoje" finds "biblioteka"); the last word also as the start of a word while
    the user types. Only letters and digits of the query are used, so no search syntax
    can be injected. With `ranked`, the best matches come first (annotation `search_rank`,
    higher is better). A query without words leaves `queryset` as it is.
    """
    words = query_words(query)
    if not words:
        return queryset
    last_is_prefix = prefix and len(words[-1]) >= MIN_PREFIX_LENGTH
    if connections[queryset.db].vendor == "postgresql":
        return _matching_postgresql(queryset, words, last_is_prefix, ranked)
    return _matching_sqlite(queryset, words, last_is_prefix, ranked)


def _matching_postgresql(
    queryset: QuerySet[Asset], words: list[str], last_is_prefix: bool, ranked: bool
) -> QuerySet[Asset]:
    # Imported here: only PostgreSQL needs it (the app itself is not in INSTALLED_APPS,
    # and these expressions work without it).
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    # A "raw" tsquery, to have the prefix operator; it is safe because every word is
    # letters and digits only. PostgreSQL stems each word with the same configuration.
    terms = list(words)
    if last_is_prefix:
        terms[-1] += ":*"
    search_query = SearchQuery(" & ".join(terms), config=SEARCH_CONFIG, search_type="raw")
    # The same expression as the GIN index of migration 0002, or the index is not used.
    vector = SearchVector("search_text", config=SEARCH_CONFIG)
    queryset = queryset.alias(search_vector=vector).filter(search_vector=search_query)
    if ranked:
        queryset = queryset.annotate(search_rank=SearchRank(F("search_vector"), search_query))
    return queryset


def _fts5_query(words: list[str], last_is_prefix: bool) -> str:
    """An FTS5 query of the stems, each a quoted string (implicit AND between them)."""
    terms = ['"{}"'.format(_stem(word).replace('"', '""')) for word in words]
    if last_is_prefix:
        terms[-1] += "*"
    return " ".join(terms)


class _Fts5Rank(Func):
    """bm25 relevance of one asset to an FTS5 query, negated so that higher is better:
    `_Fts5Rank(Value(fts_query), F("pk"))`; the query stays a bound parameter.

    The matches are ranked once in a subquery that the lookup by id then reads through an
    automatic index. `LIMIT -1` keeps SQLite from merging that subquery into the lookup,
    which would rank every asset against the whole index again (quadratic: 0.8 s instead
    of 10 ms for 3,000 matches).
    """

    template = (
        "(SELECT found.rank FROM ("
        "SELECT rowid AS asset_id, -bm25(archive_asset_fts) AS rank FROM archive_asset_fts "
        "WHERE archive_asset_fts MATCH %(query)s LIMIT -1"
        ") AS found WHERE found.asset_id = %(pk)s)"
    )
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        query_sql, query_params = compiler.compile(self.source_expressions[0])
        pk_sql, pk_params = compiler.compile(self.source_expressions[1])
        return self.template % {"query": query_sql, "pk": pk_sql}, (*query_params, *pk_params)


def _matching_sqlite(
    queryset: QuerySet[Asset], words: list[str], last_is_prefix: bool, ranked: bool
) -> QuerySet[Asset]:
    fts_query = _fts5_query(words, last_is_prefix)
    queryset = queryset.filter(
        pk__in=RawSQL(
            "SELECT rowid FROM archive_asset_fts WHERE archive_asset_fts MATCH %s", [fts_query]
        )
    )
    if ranked:
        queryset = queryset.annotate(search_rank=_Fts5Rank(Value(fts_query), F("pk")))
    return queryset


# The index itself: created by migration 0002; `ensure_search_index` repairs it. The SQL
# is repeated in the migration on purpose, so that the migration never changes.
SQLITE_INDEX_SQL: dict[str, str] = {
    "archive_asset_fts": (
        "CREATE VIRTUAL TABLE archive_asset_fts USING fts5("
        "search_stems, tokenize = 'unicode61 remove_diacritics 0')"
    ),
    "archive_asset_fts_insert": (
        "CREATE TRIGGER archive_asset_fts_insert AFTER INSERT ON archive_asset "
        "WHEN new.search_stems != '' BEGIN "
        "INSERT INTO archive_asset_fts(rowid, search_stems) VALUES (new.id, new.search_stems); "
        "END"
    ),
    "archive_asset_fts_update": (
        "CREATE TRIGGER archive_asset_fts_update AFTER UPDATE OF search_stems ON archive_asset "
        "WHEN new.search_stems IS NOT old.search_stems BEGIN "
        "DELETE FROM archive_asset_fts WHERE rowid = old.id; "
        "INSERT INTO archive_asset_fts(rowid, search_stems) "
        "SELECT new.id, new.search_stems WHERE new.search_stems != ''; "
        "END"
    ),
    "archive_asset_fts_delete": (
        "CREATE TRIGGER archive_asset_fts_delete AFTER DELETE ON archive_asset BEGIN "
        "DELETE FROM archive_asset_fts WHERE rowid = old.id; "
        "END"
    ),
}
SQLITE_FILL_SQL = (
    "INSERT INTO archive_asset_fts(rowid, search_stems) "
    "SELECT id, search_stems FROM archive_asset WHERE search_stems != ''"
)
POSTGRESQL_INDEX_SQL = (
    "CREATE INDEX archive_asset_search_lt ON archive_asset "
    "USING gin (to_tsvector('lithuanian'::regconfig, COALESCE(search_text, ''::text)))"
)


def ensure_search_index(connection: BaseDatabaseWrapper | None = None) -> bool:
    """Create whatever part of the search index is missing; True when something was.

    On SQLite a migration that rebuilds `archive_asset` (Django copies it to a new table
    for many changes) drops its triggers with the old table; run this after migrating
    (post_migrate) so the FTS5 table is refilled and kept in step again:

        post_migrate.connect(
            lambda using, **kwargs: search.ensure_search_index(connections[using]),
            sender=self, weak=False,
        )
    """
    connection = connection or connections["default"]
    # Nothing to repair before migration 0002 has made the index (or after it is undone).
    if ("archive", "0002_search_index") not in MigrationRecorder(connection).applied_migrations():
        return False
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [GIN_INDEX])
            if cursor.fetchone():
                return False
            # Foreign keys checked at commit would refuse the CREATE INDEX ("pending
            # trigger events") after writes in the same transaction: check them now.
            connection.check_constraints()
            cursor.execute(POSTGRESQL_INDEX_SQL)
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
        cursor.execute("DELETE FROM archive_asset_fts")
        cursor.execute(SQLITE_FILL_SQL)
        return True
