"""Resumable uploads (the tus protocol's core, creation and termination): the received
bytes wait in a staging file until the last one arrives, then the file is ingested."""

from __future__ import annotations

import datetime
import secrets
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sklaida.archive.models import IngestBatch, IngestItem, Upload
from sklaida.archive.services import ingest
from sklaida.core.files import clean_filename
from sklaida.core.models import User

CHUNK = 1024 * 1024


class OffsetMismatch(Exception):
    """The client sent bytes for a position other than where the upload stands."""


def staging_path(upload: Upload) -> Path:
    return Path(settings.ARCHIVE_UPLOAD_STAGING) / upload.key


def begin_upload(*, actor: User, batch: IngestBatch, filename: str, length: int) -> Upload:
    """Open an upload of `length` bytes. An empty file is finished at once: the browser
    sends no bytes for it, so no later request would ever bring it to ingest (and say
    why it is refused)."""
    upload = Upload.objects.create(
        key=secrets.token_hex(16),
        batch=batch,
        created_by=actor,
        filename=clean_filename(filename),
        length=length,
    )
    path = staging_path(upload)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    if length == 0:
        upload = _finish(upload)
    return upload


def receive_chunk(*, upload: Upload, offset: int, stream: BinaryIO) -> Upload:
    """Append the bytes of `stream` at `offset`; ingest the file once it is complete.

    The row is locked while bytes are written, so a retried request that overlaps a slow
    one cannot write the same range twice.
    """
    with transaction.atomic():
        upload = Upload.objects.select_for_update().get(pk=upload.pk)
        if upload.item_id or offset != upload.offset:
            raise OffsetMismatch
        path = staging_path(upload)
        received = 0
        with path.open("r+b") as staged:
            staged.seek(offset)
            while received < upload.length - offset and (chunk := stream.read(CHUNK)):
                chunk = chunk[: upload.length - offset - received]
                staged.write(chunk)
                received += len(chunk)
            staged.truncate()
        upload.offset = offset + received
        upload.save(update_fields=["offset"])
    if upload.offset == upload.length:
        upload = _finish(upload)
    return upload


def _finish(upload: Upload) -> Upload:
    path = staging_path(upload)
    item: IngestItem = ingest.ingest_path(
        path, batch=upload.batch, actor=upload.created_by, original_name=upload.filename
    )
    upload.item = item
    upload.save(update_fields=["item"])
    path.unlink(missing_ok=True)
    return upload


def cancel_upload(*, upload: Upload) -> None:
    staging_path(upload).unlink(missing_ok=True)
    upload.delete()


# A browser may come back the next day to finish; after a week nobody will.
ABANDONED_AFTER = datetime.timedelta(days=7)


def discard_abandoned_uploads(*, now: datetime.datetime | None = None) -> int:
    """Delete unfinished uploads older than ABANDONED_AFTER and their staging files."""
    cutoff = (now or timezone.now()) - ABANDONED_AFTER
    abandoned = list(Upload.objects.filter(item__isnull=True, created_at__lt=cutoff))
    for upload in abandoned:
        cancel_upload(upload=upload)
    return len(abandoned)
