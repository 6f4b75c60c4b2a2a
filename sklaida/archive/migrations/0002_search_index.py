"""The full-text index of assets: a GIN index with the `lithuanian` configuration on
PostgreSQL, an FTS5 table of Snowball stems kept in step by triggers on SQLite.

The SQL is written out here rather than imported from archive.search, so that this
migration does the same thing however that module changes later.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    "CREATE INDEX archive_asset_search_lt ON archive_asset "
    "USING gin (to_tsvector('lithuanian'::regconfig, COALESCE(search_text, ''::text)))",
]
POSTGRESQL_BACKWARD = ["DROP INDEX IF EXISTS archive_asset_search_lt"]

# An FTS5 table with its own copy of the stems (not external content): deleting a row by
# its id is then always safe, even if the table ever fell out of step with archive_asset.
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE archive_asset_fts USING fts5("
    "search_stems, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE TRIGGER archive_asset_fts_insert AFTER INSERT ON archive_asset "
    "WHEN new.search_stems != '' BEGIN "
    "INSERT INTO archive_asset_fts(rowid, search_stems) VALUES (new.id, new.search_stems); "
    "END",
    "CREATE TRIGGER archive_asset_fts_update AFTER UPDATE OF search_stems ON archive_asset "
    "WHEN new.search_stems IS NOT old.search_stems BEGIN "
    "DELETE FROM archive_asset_fts WHERE rowid = old.id; "
    "INSERT INTO archive_asset_fts(rowid, search_stems) "
    "SELECT new.id, new.search_stems WHERE new.search_stems != ''; "
    "END",
    "CREATE TRIGGER archive_asset_fts_delete AFTER DELETE ON archive_asset BEGIN "
    "DELETE FROM archive_asset_fts WHERE rowid = old.id; "
    "END",
    "INSERT INTO archive_asset_fts(rowid, search_stems) "
    "SELECT id, search_stems FROM archive_asset WHERE search_stems != ''",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS archive_asset_fts_insert",
    "DROP TRIGGER IF EXISTS archive_asset_fts_update",
    "DROP TRIGGER IF EXISTS archive_asset_fts_delete",
    "DROP TABLE IF EXISTS archive_asset_fts",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        ),
    ]
