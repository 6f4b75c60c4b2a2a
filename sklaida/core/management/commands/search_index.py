"""Rebuild the search index: every searchable object indexed again from what it holds."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from sklaida.core.search import engine, indexing, registered


class Command(BaseCommand):
    help = (
        "Index every searchable object again (after a restore, a bulk import that bypassed "
        "the models, or a change in how words are stemmed). Objects are read in batches; "
        "memory stays flat. --kind limits it to one kind, e.g. events.event."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--kind", action="append", help="a kind to rebuild (repeatable); all by default"
        )

    def handle(self, *args, kind: list[str] | None = None, **options) -> None:
        known = {searchable.kind for searchable in registered()}
        unknown = sorted(set(kind or ()) - known)
        if unknown:
            raise CommandError(
                f"Unknown kind: {', '.join(unknown)}. Known: {', '.join(sorted(known))}."
            )
        if engine.ensure_index(connections["default"]):
            self.stdout.write("The engine's index was incomplete and has been repaired.")

        def progress(name: str, count: int) -> None:
            self.stdout.write(f"{name}: {count} indexed")

        indexing.rebuild(kind, progress=progress)
