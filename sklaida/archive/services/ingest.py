"""Bringing files into the archive: check by content, store each original once, read its
metadata, link it to its event, and make its renditions in the background."""

from __future__ import annotations

import logging
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.archive import media, storage
from sklaida.archive.models import Asset, IngestBatch, IngestItem, archive_storage
from sklaida.contacts.models import Person
from sklaida.contacts.text import search_key
from sklaida.core import search
from sklaida.core.files import clean_filename
from sklaida.core.models import User
from sklaida.core.permissions import Capability, require_capability

logger = logging.getLogger(__name__)

# Photos taken this long before an event starts or after it ends still belong to it.
EVENT_MARGIN = timedelta(hours=2)
# Perceptual hashes this close (of 64 bits) are the same picture, give or take.
NEAR_DUPLICATE_DISTANCE = 6


def start_batch(
    *,
    actor: User | None,
    source: str = IngestBatch.Source.UPLOAD,
    event=None,
    label: str = "",
) -> IngestBatch:
    if actor is not None:
        require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    return IngestBatch.objects.create(
        source=source, event=event, label=label[:250], created_by=actor
    )


def ingest_path(
    path: Path, *, batch: IngestBatch, actor: User | None, original_name: str = ""
) -> IngestItem:
    """Bring one local file into the archive and say what became of it.

    A refused file gets a message and does not stop the rest of a batch. The original is
    stored before its row is written, so the database never names a half-written file.
    A file whose name says another type than its content is taken for what it is, and
    its item says so. An SVG drawing is stored only as its sanitised copy (its checksum
    is the copy's), and its item says what was removed (`media.kept_original`).
    """
    name = clean_filename(original_name or path.name)
    if path.stat().st_size == 0:
        message = _(
            "The file is empty (0 bytes): there is nothing to keep. Copy it from the camera "
            "or computer again and upload it once more."
        )
        return _refused(batch, name, message)
    sha256 = storage.sha256_of(path)
    existing = Asset.objects.filter(sha256=sha256).first()
    if existing is not None:
        return _duplicate(batch, name, existing)
    with (
        _path_the_tools_can_read(path) as readable,
        tempfile.TemporaryDirectory(prefix="ingest-") as workdir,
    ):
        try:
            detected = media.detect(readable)
            kept = media.kept_original(readable, detected, Path(workdir))
        except media.UnsupportedFile as refused:
            return _refused(batch, name, str(refused))
        if kept.path != readable:
            path, sha256 = kept.path, storage.sha256_of(kept.path)
            existing = Asset.objects.filter(sha256=sha256).first()
            if existing is not None:
                return _duplicate(batch, name, existing)
        metadata = media.read_metadata(kept.path, detected)
        notes = [media.mismatch_note(name, detected), kept.note]
        return _store(
            path,
            sha256=sha256,
            detected=detected,
            metadata=metadata,
            batch=batch,
            actor=actor,
            name=name,
            message=" ".join(note for note in notes if note),
        )


def _store(
    path: Path,
    *,
    sha256: str,
    detected: media.Detected,
    metadata: media.TechnicalMetadata,
    batch: IngestBatch,
    actor: User | None,
    name: str,
    message: str,
) -> IngestItem:
    """Store the original, then write its asset and the batch's line for it."""
    key = storage.put(storage.original_key(sha256, detected.extension), path)
    try:
        with transaction.atomic():
            asset = Asset.objects.create(
                file=key,
                sha256=sha256,
                size=path.stat().st_size,
                mime_type=detected.mime_type,
                kind=detected.kind,
                original_name=name,
                **_technical_fields(metadata),
                **_descriptive_fields(metadata),
                creator=_person_named(metadata.creator),
                event=batch.event or _event_at(metadata.captured_at, metadata.place),
                uploaded_by=actor,
            )
            if metadata.keywords:
                asset.keywords.add(*metadata.keywords[:30])
            search.index(asset)
            item = IngestItem.objects.create(
                batch=batch,
                original_name=name,
                outcome=IngestItem.Outcome.STORED,
                asset=asset,
                message=message[:500],
            )
            transaction.on_commit(lambda: _enqueue_renditions(asset.pk))
    except IntegrityError:
        # The same bytes arrived at the same moment in another upload: link to that one.
        return _duplicate(batch, name, Asset.objects.get(sha256=sha256))
    return item


@contextmanager
def _path_the_tools_can_read(path: Path):
    """`path`, or a link to it with a plain name when its own name is not UTF-8.

    libvips and libmagic take paths as UTF-8 text; a name in another encoding (a card
    written by an old Windows computer) reaches them through a link the archive makes
    in a temporary folder of its own.
    """
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        with tempfile.TemporaryDirectory(prefix="ingest-") as folder:
            link = Path(folder) / "original"
            link.symlink_to(path.absolute())
            yield link
        return
    yield path


def _refused(batch: IngestBatch, name: str, message: str) -> IngestItem:
    return IngestItem.objects.create(
        batch=batch, original_name=name, outcome=IngestItem.Outcome.REFUSED, message=message[:500]
    )


def _duplicate(batch: IngestBatch, name: str, existing: Asset) -> IngestItem:
    return IngestItem.objects.create(
        batch=batch,
        original_name=name,
        outcome=IngestItem.Outcome.DUPLICATE,
        asset=existing,
        message=_("The same file is already in the archive as “%(title)s”.") % {"title": existing},
    )


def _technical_fields(metadata: media.TechnicalMetadata) -> dict:
    return {
        "width": metadata.width,
        "height": metadata.height,
        "duration": metadata.duration,
        "codecs": metadata.codecs[:120],
        "camera": metadata.camera[:150],
        "lens": metadata.lens[:150],
        "orientation": metadata.orientation or 1,
        "latitude": metadata.latitude,
        "longitude": metadata.longitude,
        "technical": metadata.raw,
        "captured_at": metadata.captured_at,
    }


def _descriptive_fields(metadata: media.TechnicalMetadata) -> dict:
    """What the camera or the photographer's software already wrote into the file."""
    return {
        "title": metadata.title[:250],
        "description": metadata.description,
        "creator_name": metadata.creator[:150],
        "rights_holder": (metadata.copyright or metadata.creator)[:200],
        "place": metadata.place[:200],
    }


def _person_named(name: str) -> Person | None:
    if not name.strip():
        return None
    matches = list(Person.objects.filter(search_name=search_key(name))[:2])
    return matches[0] if len(matches) == 1 else None


def _event_at(moment, place: str):
    """The event held at that time, and at that place when several were on at once."""
    if moment is None:
        return None
    from sklaida.events.models import Event

    candidates = list(
        Event.objects.filter(
            starts_at__lte=moment + EVENT_MARGIN, ends_at__gte=moment - EVENT_MARGIN
        )
        .exclude(status=Event.Status.CANCELLED)
        .select_related("space")
    )
    if len(candidates) > 1 and place:
        place_lower = place.lower()
        candidates = [
            event
            for event in candidates
            if (event.space and event.space.name.lower() in place_lower)
            or (event.venue and event.venue.lower() in place_lower)
        ]
    return candidates[0] if len(candidates) == 1 else None


def _enqueue_renditions(asset_id: int) -> None:
    from sklaida.archive import tasks

    tasks.make_renditions.enqueue(asset_id=asset_id)


@contextmanager
def local_copy(asset: Asset):
    """The original as a local file: itself on a folder, a temporary copy from S3."""
    store = archive_storage()
    if isinstance(store, FileSystemStorage):
        yield Path(store.path(asset.file.name))
        return
    with tempfile.NamedTemporaryFile(suffix=Path(asset.file.name).suffix) as copy:
        for chunk in storage.chunks(asset.file.name, storage=store):
            copy.write(chunk)
        copy.flush()
        yield Path(copy.name)


def make_renditions(*, asset_id: int) -> Asset:
    """Make (or make again) the asset's renditions from its original.

    A file that breaks its decoder fails only here: the asset shows why, the rest of the
    batch goes on.
    """
    Asset.objects.filter(pk=asset_id).update(
        rendition_started_at=timezone.now(), rendition_attempts=F("rendition_attempts") + 1
    )
    asset = Asset.objects.get(pk=asset_id)
    detected = media.Detected(
        kind=asset.kind, mime_type=asset.mime_type, extension=Path(asset.file.name).suffix
    )
    with tempfile.TemporaryDirectory(prefix="renditions-") as workdir:
        try:
            with local_copy(asset) as original:
                made = media.make_renditions(original, detected, Path(workdir))
            keys = {
                name: storage.put(storage.rendition_key(asset.sha256, name, path.suffix), path)
                for name, path in made.files.items()
            }
        except Exception as failure:  # noqa: BLE001 — any decoder failure belongs to this file only
            logger.warning("Renditions of asset %s failed: %s", asset.pk, failure)
            message = str(failure) if isinstance(failure, media.RenditionError) else ""
            Asset.objects.filter(pk=asset.pk).update(
                rendition_status=Asset.Renditions.FAILED,
                rendition_error=(message or _("The file could not be read."))[:500],
            )
            asset.refresh_from_db()
            return asset
    asset.renditions = keys
    asset.perceptual_hash = made.perceptual_hash
    asset.rendition_status = Asset.Renditions.READY
    asset.rendition_error = ""
    asset.near_duplicate_of = _look_alike(asset)
    asset.save(
        update_fields=[
            "renditions",
            "perceptual_hash",
            "rendition_status",
            "rendition_error",
            "near_duplicate_of",
            "updated_at",
        ]
    )
    return asset


def _look_alike(asset: Asset) -> Asset | None:
    """An earlier asset of the same event or day that shows nearly the same picture."""
    if not asset.perceptual_hash:
        return None
    neighbours = Asset.objects.exclude(pk=asset.pk).exclude(perceptual_hash="")
    if asset.event_id:
        neighbours = neighbours.filter(event_id=asset.event_id)
    elif asset.captured_at:
        day = timedelta(days=1)
        neighbours = neighbours.filter(
            captured_at__range=(asset.captured_at - day, asset.captured_at + day)
        )
    else:
        neighbours = neighbours.filter(
            Q(ingest_items__batch__in=asset.ingest_items.values("batch"))
        )
    best, best_distance = None, NEAR_DUPLICATE_DISTANCE + 1
    for pk, phash in neighbours.filter(pk__lt=asset.pk).values_list("pk", "perceptual_hash")[:2000]:
        distance = media.hamming(asset.perceptual_hash, phash)
        if distance < best_distance:
            best, best_distance = pk, distance
    return Asset.objects.get(pk=best) if best else None


@dataclass
class FolderContents:
    files: list[Path] = field(default_factory=list)
    # Symbolic links to files or folders: never followed, so nothing outside is read.
    links: list[Path] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.files) + len(self.links)


def folder_contents(folder: Path) -> FolderContents:
    """The regular files under `folder` (hidden ones left out) and the links found there.

    `os.walk` does not descend into linked folders; a link is reported, never read.
    Sockets, pipes and devices are not files and are passed over.
    """
    contents = FolderContents()
    for directory, folders, names in os.walk(folder):
        here = Path(directory)
        contents.links.extend(
            here / name
            for name in folders
            if not name.startswith(".") and (here / name).is_symlink()
        )
        for name in names:
            path = here / name
            if name.startswith("."):
                continue
            if path.is_symlink():
                contents.links.append(path)
            elif path.is_file():
                contents.files.append(path)
    contents.files.sort()
    contents.links.sort()
    return contents


def ingest_folder(
    folder: Path, *, actor: User | None, event=None, label: str = "", progress=None
) -> IngestBatch:
    """Import every file under `folder` (a memory card's dump) as one batch.

    Symbolic links are skipped, each with a line in the batch: a link could make the
    import read (and store) any file the server can open.
    """
    batch = start_batch(actor=actor, source=IngestBatch.Source.FOLDER, event=event, label=label)
    root = folder.resolve()
    contents = folder_contents(folder)
    for link in contents.links:
        _skip_link(batch, link)
        if progress is not None:
            progress(link)
    for path in contents.files:
        # Checked again just before reading: a file swapped for a link since the listing.
        if path.is_symlink() or not path.resolve().is_relative_to(root):
            _skip_link(batch, path)
        else:
            ingest_path(path, batch=batch, actor=actor, original_name=path.name)
        if progress is not None:
            progress(path)
    return batch


def _skip_link(batch: IngestBatch, link: Path) -> IngestItem:
    return _refused(
        batch,
        clean_filename(link.name),
        _(
            "A symbolic link, skipped: links are not followed, so nothing outside the "
            "folder is read."
        ),
    )


def copy_upload_to_staging(uploaded, directory: str | os.PathLike) -> Path:
    """A browser upload that Django kept in memory, as a local file to ingest."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=directory, delete=False, prefix="upload-") as handle:
        for chunk in uploaded.chunks():
            handle.write(chunk)
    return Path(handle.name)


# A renditions job that started this long ago and has not finished lost its worker.
STALLED_AFTER = timedelta(hours=1)
# A file that stopped the worker this many times is not tried again.
RENDITION_ATTEMPTS = 2


def recover_stalled_renditions(*, now=None) -> tuple[int, int]:
    """Renditions jobs whose worker died mid-file (a decoder that crashed the process, a
    restart): try once more, then mark the file failed, so it never stays "being prepared"
    and never takes the worker down again. Returns (tried again, failed)."""
    now = now or timezone.now()
    stalled = Asset.objects.filter(
        rendition_status=Asset.Renditions.PENDING,
        rendition_started_at__lt=now - STALLED_AFTER,
    )
    failed = stalled.filter(rendition_attempts__gte=RENDITION_ATTEMPTS).update(
        rendition_status=Asset.Renditions.FAILED,
        rendition_error=_("The file stopped the converter; previews were not made."),
    )
    again = list(stalled.values_list("pk", flat=True))
    stalled.update(rendition_started_at=None)
    for pk in again:
        _enqueue_renditions(pk)
    return len(again), failed
