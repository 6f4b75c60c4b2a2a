"""Refresh or check the Lithuanian catalogue locale/lt/LC_MESSAGES/django.po.

One catalogue holds every user-facing string of Sklaida and of the third-party apps
that ship no Lithuanian of their own (their screens appear in the admin).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

THIRD_PARTY_WITHOUT_LITHUANIAN = ["taggit", "auditlog", "django_tasks_db", "django_tasks", "axes"]
CATALOGUE = Path("locale") / "lt" / "LC_MESSAGES" / "django.po"
IGNORE = [".venv", "node_modules", "var/static", "var/media", "*/tests/*", "*/migrations/*"]


def _copy_third_party_sources(into: Path) -> None:
    for package in THIRD_PARTY_WITHOUT_LITHUANIAN:
        source = Path(importlib.util.find_spec(package).origin).parent
        shutil.copytree(
            source,
            into / package,
            ignore=shutil.ignore_patterns("locale", "tests", "migrations", "__pycache__"),
        )


def _make_messages(root: Path) -> None:
    sources = root / "var" / "i18n-third-party"
    shutil.rmtree(sources, ignore_errors=True)
    _copy_third_party_sources(sources)
    try:
        with contextlib.chdir(root):
            call_command(
                "makemessages",
                locale=["lt"],
                add_location="file",
                ignore_patterns=IGNORE,
                verbosity=0,
            )
    finally:
        shutil.rmtree(sources, ignore_errors=True)


def catalogue_problems(expected: Path, committed: Path) -> list[str]:
    """Strings the code uses that the committed catalogue lacks or leaves untranslated."""
    import polib

    fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(expected)) if not e.obsolete}
    catalogue = polib.pofile(str(committed))
    known = {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}
    problems = [f"not in the catalogue: {msgid!r}" for _ctx, msgid in sorted(fresh - known)]
    problems += [f"untranslated: {entry.msgid!r}" for entry in catalogue.untranslated_entries()]
    problems += [f"fuzzy: {entry.msgid!r}" for entry in catalogue.fuzzy_entries()]
    return problems


class Command(BaseCommand):
    help = "Refresh the Lithuanian catalogue, or with --check report strings not translated."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing; fail if a string in the code is missing or untranslated.",
        )

    def handle(self, *args, check: bool = False, **options) -> None:
        root = Path(settings.BASE_DIR)
        if not check:
            _make_messages(root)
            self.stdout.write(
                f"Updated {CATALOGUE}; translate the new entries, then run make test."
            )
            return
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            shutil.copytree(
                root / "sklaida",
                work / "sklaida",
                ignore=shutil.ignore_patterns("static", "__pycache__"),
            )
            shutil.copytree(root / "locale", work / "locale")
            os.makedirs(work / "var", exist_ok=True)
            _make_messages(work)
            problems = catalogue_problems(work / CATALOGUE, root / CATALOGUE)
        if problems:
            raise CommandError(
                f"{CATALOGUE} is incomplete; run `make messages` and translate:\n  "
                + "\n  ".join(problems)
            )
        self.stdout.write(f"{CATALOGUE} has every string translated.")
