"""`manage.py import_folder <folder> --user <username> [--event <id>]`: bring a memory
card's dump into the archive as one batch, with a progress bar. Symbolic links are
skipped and named in the report."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sklaida.archive.models import IngestItem
from sklaida.archive.services import ingest
from sklaida.core.models import User


class Command(BaseCommand):
    help = "Import every file of a folder (e.g. a memory card) into the media archive."

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--user", required=True, help="Who brings the files in.")
        parser.add_argument("--event", type=int, help="The event the files are from.")
        parser.add_argument("--label", default="", help="A description of the batch.")

    def handle(self, *args, folder: Path, user: str, event: int | None, label: str, **options):
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        try:
            actor = User.objects.get(username=user)
        except User.DoesNotExist as missing:
            raise CommandError(f"No user {user}.") from missing
        chosen_event = None
        if event is not None:
            from sklaida.events.models import Event

            chosen_event = Event.objects.filter(pk=event).first()
            if chosen_event is None:
                raise CommandError(f"No event {event}.")
        with tqdm(
            total=len(ingest.folder_contents(folder)),
            unit="file",
            file=self.stdout,
            disable=options["verbosity"] == 0,
        ) as bar:
            batch = ingest.ingest_folder(
                folder,
                actor=actor,
                event=chosen_event,
                label=label or folder.name,
                progress=lambda path: (bar.set_postfix_str(path.name[:30]), bar.update()),
            )
        outcomes = dict.fromkeys(IngestItem.Outcome.values, 0)
        for item in batch.items.all():
            outcomes[item.outcome] += 1
            if item.outcome == IngestItem.Outcome.REFUSED:
                self.stderr.write(f"{item.original_name}: {item.message}")
        self.stdout.write(
            f"Batch {batch.pk}: {outcomes['stored']} added, {outcomes['duplicate']} already "
            f"in the archive, {outcomes['refused']} refused."
        )
