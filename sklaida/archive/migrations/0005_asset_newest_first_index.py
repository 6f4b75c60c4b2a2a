"""The archive's own order (newest first, undated files last) as an index, so a page of a
million files, or of a common word's matches, is read in order instead of sorted.

PostgreSQL needs NULLS LAST in the index to walk it for that order; SQLite cannot declare
it, and sorts NULLs last in a descending index anyway.
"""

from django.db import migrations

NAME = "archive_asset_newest_first"


def create(apps, schema_editor) -> None:
    nulls = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON archive_asset (captured_at DESC{nulls}, id DESC)"
    )


def drop(apps, schema_editor) -> None:
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0004_search_moves_to_core")]

    operations = [migrations.RunPython(create, drop)]
