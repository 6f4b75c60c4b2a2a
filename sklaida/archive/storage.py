"""Where the archive keeps files: originals under names made from their SHA-256, written
so that no half-written file ever sits under a name the database points to."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage

from sklaida.archive.models import archive_storage

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Staged:
    """A file copied to local disk while its checksum was computed."""

    path: Path
    sha256: str
    size: int


def stage(source: BinaryIO, *, directory: Path | None = None) -> Staged:
    """Copy `source` to a local temporary file, hashing it on the way."""
    digest = hashlib.sha256()
    size = 0
    handle, name = tempfile.mkstemp(prefix="ingest-", dir=directory)
    with os.fdopen(handle, "wb") as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            target.write(chunk)
            size += len(chunk)
    return Staged(Path(name), digest.hexdigest(), size)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def original_key(sha256: str, extension: str) -> str:
    """`archive/originals/ab/cd/abcd…<64 hex>.jpg`: two levels keep folders small."""
    return f"archive/originals/{sha256[:2]}/{sha256[2:4]}/{sha256}{extension}"


def rendition_key(sha256: str, name: str, extension: str) -> str:
    return f"archive/renditions/{sha256[:2]}/{sha256[2:4]}/{sha256}/{name}{extension}"


def put(key: str, path: Path, *, storage: Storage | None = None) -> str:
    """Store the local file `path` under exactly `key`, atomically, and return the key.

    On a folder the bytes go to a temporary name beside the target and are renamed into
    place, so a crash leaves no partial file under `key`. Object stores (S3) make an object
    visible only once its upload completes, so a plain save is already atomic there.
    The same key always holds the same bytes (keys are checksums), so overwriting is safe.
    """
    storage = storage or archive_storage()
    if isinstance(storage, FileSystemStorage):
        target = Path(storage.path(key))
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
        try:
            shutil.copyfile(path, partial)
            with partial.open("rb") as written:
                os.fsync(written.fileno())
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return key
    if storage.exists(key):
        storage.delete(key)
    with path.open("rb") as source:
        saved = storage.save(key, File(source, name=key))
    if saved != key:  # a storage that renames on clash would break content addressing
        storage.delete(saved)
        raise RuntimeError(f"Storage saved {key} as {saved}; set file_overwrite.")
    return key


def chunks(key: str, *, storage: Storage | None = None) -> Iterator[bytes]:
    """The stored file's bytes, a megabyte at a time."""
    storage = storage or archive_storage()
    if hasattr(storage, "bucket"):
        # django-storages' S3File reads a whole object into memory; stream its body.
        yield from _s3_chunks(storage, key)
        return
    with storage.open(key, "rb") as source:
        while chunk := source.read(CHUNK):
            yield chunk


def _s3_chunks(storage: Storage, key: str) -> Iterator[bytes]:
    from botocore.exceptions import ClientError

    try:
        body = storage.bucket.Object(storage._normalize_name(key)).get()["Body"]
    except ClientError as failure:
        if failure.response["Error"]["Code"] in ("NoSuchKey", "404"):
            raise FileNotFoundError(key) from failure
        raise
    try:
        yield from body.iter_chunks(CHUNK)
    finally:
        body.close()


def stored_sha256(key: str, *, storage: Storage | None = None) -> str:
    """Re-hash a stored file (fixity audit)."""
    digest = hashlib.sha256()
    for chunk in chunks(key, storage=storage):
        digest.update(chunk)
    return digest.hexdigest()
